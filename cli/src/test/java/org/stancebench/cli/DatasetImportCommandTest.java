package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.storage.DatasetVerifier;
import picocli.CommandLine;

class DatasetImportCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = StanceBench.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path ironyExcerpt() throws IOException {
        Path irony = Files.createDirectories(tmp.resolve("irony"));
        Files.writeString(irony.resolve("mapping.txt"), "0\tnon_irony\n1\tirony");
        for (String split : List.of("train", "val", "test")) {
            StringBuilder text = new StringBuilder();
            StringBuilder labels = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                text.append(split).append(" tweet ").append(i).append(" \n");
                labels.append(i % 2).append('\n');
            }
            Files.writeString(irony.resolve(split + "_text.txt"), text);
            Files.writeString(irony.resolve(split + "_labels.txt"), labels);
        }
        return irony;
    }

    @Test
    void importsTweetEvalAndPrintsCountsAndFiles() throws IOException {
        Path out = tmp.resolve("out");
        Run r = run("dataset", "import", "tweeteval", "--from", ironyExcerpt().toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Imported 'tweeteval-irony' (18 examples)"), r.out());
        // label/train/dev/test/all table: 3 of each label per split (hand count of the excerpt)
        assertTrue(r.out().matches("(?s).*non_irony\\s+3\\s+3\\s+3\\s+9\\n.*"), r.out());
        assertTrue(r.out().contains(out.resolve("DATACARD.md").toString()), r.out());
        assertTrue(r.err().contains("importing tweeteval from"), r.err());
        assertEquals(List.of(), DatasetVerifier.problems(out));
        assertEquals(18, Dataset.load(out).examples().size());
    }

    @Test
    void importsACsvWithColumnOptions() throws IOException {
        Path csv = tmp.resolve("posts.tsv");
        StringBuilder body = new StringBuilder("id\tbody\tstance\n");
        for (int i = 0; i < 40; i++) {
            body.append("p").append(i).append("\tpost number ").append(i).append('\t').append(i % 2 == 0 ? "pro" : "con").append('\n');
        }
        Files.writeString(csv, body);
        Path out = tmp.resolve("csv-out");
        Run r = run("dataset", "import", "csv", "--from", csv.toString(), "--out", out.toString(), "--delimiter", "\\t",
                "--text-column", "body", "--label-column", "stance", "--id-column", "id", "--name", "posts", "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        // per label 20: test round(0.15*20)=3, dev 3, train 14 (hand computation)
        assertTrue(r.out().matches("(?s).*\\ncon\\s+14\\s+3\\s+3\\s+20\\n.*"), r.out());
        assertEquals("posts/p0", Dataset.load(out).examples().get(0).id());
    }

    @Test
    void malformedCorpusIsOneLineErrorWithoutStackTrace() throws IOException {
        Path irony = ironyExcerpt();
        Files.writeString(irony.resolve("val_labels.txt"), "0\n1\n0\n1\n0\n");
        Run r = run("dataset", "import", "tweeteval", "--from", irony.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(1, r.exit());
        assertEquals("stancebench: " + irony.resolve("val_labels.txt") + ":6: missing label: the label file ends "
                + "after 5 line(s) but val_text.txt has 6", r.err().lines().reduce((a, b) -> b).orElseThrow());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void optionOfAnotherFormatIsRejected() throws IOException {
        Run r = run("dataset", "import", "vast", "--from", tmp.toString(), "--out", tmp.resolve("x").toString(),
                "--target", "abortion");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("stancebench: format vast does not take --target (tweeteval only)"), r.err());
    }

    @Test
    void unknownFormatIsReported() {
        Run r = run("dataset", "import", "parquet", "--from", tmp.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unknown corpus format 'parquet'"), r.err());
    }
}
