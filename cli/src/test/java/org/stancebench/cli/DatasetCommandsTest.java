package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancebench.dataset.LabelFile;
import org.stancebench.dataset.PageParser;
import picocli.CommandLine;

class DatasetCommandsTest {

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

    private Path builtInPage() throws IOException {
        return Files.write(tmp.resolve("page.txt"), PageParser.builtInBytes());
    }

    @Test
    void parsePrintsThePageAsJson() throws IOException {
        Run r = run("dataset", "parse", builtInPage().toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode page = new ObjectMapper().readTree(r.out());
        assertEquals("Long live negotiations!", page.get("title").asText());
        assertTrue(page.get("subtitle").isTextual());
        assertEquals(8, page.get("paragraphs").size());
        assertEquals("Marta Kowalczyk", page.get("author").get("name").asText());
        assertEquals("Foreign affairs columnist", page.get("author").get("role").asText());
        assertEquals(10, page.get("comments").size());
        JsonNode c7 = page.get("comments").get(6);
        assertEquals(7, c7.get("index").asInt());
        assertEquals("Tomás Herrera", c7.get("author").asText());
        assertTrue(c7.get("text").asText().startsWith("Reply to Sophie L."));
    }

    @Test
    void parseGivesNullSubtitleWhenAbsent() throws IOException {
        String text = new String(PageParser.builtInBytes(), StandardCharsets.UTF_8)
                .replaceFirst("\nThe talks in Istanbul[^\n]*\n", "\n\n");
        Path page = Files.writeString(tmp.resolve("nosub.txt"), text);
        Run r = run("dataset", "parse", page.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).get("subtitle").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "binary", "latin1", "order"})
    void parseRejectsBadPagesWithOneLine(String kind) throws IOException {
        String builtIn = new String(PageParser.builtInBytes(), StandardCharsets.UTF_8);
        byte[] bytes = switch (kind) {
            case "empty" -> new byte[0];
            case "binary" -> new byte[] {'P', 'K', 3, 4, 0, 0};
            case "latin1" -> "Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
            default -> builtIn.replace("\n5\nMaria", "\n6\nMaria").getBytes(StandardCharsets.UTF_8);
        };
        Path page = Files.write(tmp.resolve(kind + ".txt"), bytes);
        Run r = run("dataset", "parse", page.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).matches("stancebench: .*" + kind + "\\.txt:\\d+: .+"), lines.get(0));
    }

    @Test
    void buildVerifyAndDetectAChange() throws IOException {
        Path out = tmp.resolve("ds");
        Run build = run("dataset", "build", "--out", out.toString());
        assertEquals(0, build.exit(), build.err());
        // Totals from labels.tsv (hand count): 18 hopeful, 12 skeptical, 5 sarcastic, 12 neutral.
        assertTrue(build.out().contains("Built dataset 'seed' (47 examples)"), build.out());
        assertTrue(build.out().lines().anyMatch(l -> l.matches("sarcastic\\s+\\d+\\s+\\d+\\s+\\d+\\s+5")), build.out());
        assertTrue(build.out().lines().anyMatch(l -> l.matches("total\\s+\\d+\\s+\\d+\\s+\\d+\\s+47")), build.out());
        for (String f : List.of("examples.jsonl", "folds.json", "MANIFEST.json", "DATACARD.md", "croissant.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
            assertTrue(build.out().contains(out.resolve(f).toString()), f);
        }

        Run ok = run("dataset", "verify", out.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("OK: "), ok.out());

        Files.writeString(out.resolve("folds.json"), "{}\n");
        Run changed = run("dataset", "verify", out.toString());
        assertEquals(1, changed.exit());
        assertTrue(changed.out().contains("folds.json: changed"), changed.out());
    }

    @Test
    void buildWithSeedAndExplicitFilesIsReproducible() throws IOException {
        Path labels = Files.write(tmp.resolve("labels.tsv"), LabelFile.builtInBytes());
        Path page = builtInPage();
        Run a = run("dataset", "build", "--out", tmp.resolve("a").toString(), "--seed", "7");
        Run b = run("dataset", "build", "--out", tmp.resolve("b").toString(), "--seed", "7",
                "--page", page.toString(), "--labels", labels.toString());
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        assertEquals(Files.readString(tmp.resolve("a/examples.jsonl")), Files.readString(tmp.resolve("b/examples.jsonl")));
        assertEquals(Files.readString(tmp.resolve("a/MANIFEST.json")), Files.readString(tmp.resolve("b/MANIFEST.json")));
    }

    @Test
    void buildRejectsABadLabelFileNamingFileAndLine() throws IOException {
        String text = new String(LabelFile.builtInBytes(), StandardCharsets.UTF_8).replace("seed/c02\tsarcastic", "seed/c02\tironic");
        Path labels = Files.writeString(tmp.resolve("bad.tsv"), text);
        Run r = run("dataset", "build", "--out", tmp.resolve("x").toString(), "--labels", labels.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("stancebench: " + labels + ":46: unknown label 'ironic'"), r.err());
        assertTrue(!Files.exists(tmp.resolve("x")));
    }

    @Test
    void verifyWithoutManifestFails() {
        Run r = run("dataset", "verify", tmp.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("MANIFEST.json: missing"), r.err());
    }

    @Test
    void importWithoutItsOptionsAndBareDatasetAreUsageErrors() {
        Run imp = run("dataset", "import", "tweeteval");
        assertEquals(2, imp.exit());
        assertTrue(imp.err().contains("Missing required options"), imp.err());
        Run bare = run("dataset");
        assertEquals(2, bare.exit());
        assertTrue(bare.err().contains("missing a subcommand"), bare.err());
    }
}
