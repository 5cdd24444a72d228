package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.io.InputLimits;

/**
 * The bad inputs of issue 18, each through the command line: one line naming the file (and line or
 * field), a non-zero exit, nothing half-written and no existing output replaced.
 */
class BadInputTest {
    @TempDir
    static Path dir;
    static Path data;
    static Dataset dataset;

    @BeforeAll
    static void buildSeedDataset() throws IOException {
        data = dir.resolve("seed");
        SeedDataset.build(data, 13);
        dataset = Dataset.load(data);
    }

    /** The one line on stderr of a failed run; asserts the run failed with nothing else said. */
    private static String failure(CliRun r) {
        assertNotEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("stancebench: ") && !l.contains(": importing ")
                && !l.contains(": building ")).toList();
        assertEquals(1, lines.size(), r.err());
        String line = lines.get(0);
        for (String internal : new String[] {"[Source", "jackson", "Jackson", "Exception", "REDACTED", "\tat "}) {
            assertFalse(r.err().contains(internal), r.err());
        }
        return line.substring("stancebench: ".length());
    }

    private static List<String> testLines(String probsOrLabel) {
        List<String> lines = new ArrayList<>();
        for (Example e : dataset.split("test")) {
            lines.add("{\"id\": \"" + e.id() + "\", " + probsOrLabel.replace("LABEL", e.label()) + "}");
        }
        return lines;
    }

    @Test
    void aDirectoryWhereAFileBelongsIsNamed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        assertEquals(folder + ": is a directory, expected a file", failure(CliRun.run("dataset", "import", "csv",
                "--from", folder.toString(), "--text-column", "text", "--label-column", "label",
                "--out", dir.resolve("never").toString())));
        assertEquals(folder + ": is a directory, expected a file", failure(CliRun.run("evaluate", "--predictions",
                folder.toString(), "--data", data.toString(), "--out", dir.resolve("never.json").toString())));
        assertFalse(Files.exists(dir.resolve("never")));
        assertFalse(Files.exists(dir.resolve("never.json")));
    }

    @Test
    void aBadUtf8ByteIsReportedOnItsOwnLine() throws IOException {
        List<String> lines = testLines("\"label\": \"LABEL\"");
        byte[] head = String.join("\n", lines.subList(0, 3)).concat("\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\": \"x\u00e9\", \"label\": \"neutral\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("bad-utf8.jsonl");
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(file, all);
        String message = failure(CliRun.run("evaluate", "--predictions", file.toString(), "--data", data.toString(),
                "--out", dir.resolve("never.json").toString()));
        assertTrue(message.startsWith(file + ":4: not valid UTF-8 (byte 0xE9"), message);
    }

    @Test
    void nanProbabilitiesAreRefusedInWordsNotByTheParser() throws IOException {
        Path file = dir.resolve("nan.jsonl");
        Files.write(file, testLines("\"probs\": {\"hopeful\": NaN, \"skeptical\": 0.5, \"sarcastic\": 0.25, "
                + "\"neutral\": 0.25}"));
        String message = failure(CliRun.run("evaluate", "--predictions", file.toString(), "--data", data.toString(),
                "--out", dir.resolve("never.json").toString()));
        assertTrue(message.startsWith(file + ": does not match split test"), message);
        assertTrue(message.contains("negative or non-finite probabilit"), message);
    }

    @Test
    void aLineOverTheLimitIsRefusedWithTheLimitNamedInEveryFormat() throws IOException {
        String huge = "a".repeat(InputLimits.MAX_CHARS + 1);
        Path jsonl = dir.resolve("huge.jsonl");
        List<String> lines = testLines("\"label\": \"LABEL\"");
        lines.add(1, "{\"id\": \"x\", \"label\": \"" + huge + "\"}");
        Files.write(jsonl, lines);
        assertEquals(jsonl + ":2: line longer than the limit of 1,048,576 characters", failure(CliRun.run("evaluate",
                "--predictions", jsonl.toString(), "--data", data.toString(), "--out", dir.resolve("n.json").toString())));

        Path csv = dir.resolve("huge.csv");
        Files.writeString(csv, "text,label\nfine,a\n\"" + huge.replace("a", "a\n").substring(0, huge.length()) + "\",b\n");
        String message = failure(CliRun.run("dataset", "import", "csv", "--from", csv.toString(), "--text-column",
                "text", "--label-column", "label", "--out", dir.resolve("never-csv").toString()));
        assertEquals(csv + ":3: field 1 is longer than the limit of 1,048,576 characters", message);
    }

    @Test
    void anOutputUnderARegularFileSaysWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        Path preds = dir.resolve("ok.jsonl");
        Files.write(preds, testLines("\"label\": \"LABEL\""));
        String message = failure(CliRun.run("evaluate", "--predictions", preds.toString(), "--data", data.toString(),
                "--out", file.resolve("sub/results.json").toString()));
        assertTrue(message.startsWith(file.toString()), message);
        assertTrue(message.contains("not a directory") || message.contains("a file is in the way"), message);
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void importingOverAnotherDatasetNeedsOverwrite() throws IOException {
        Path csv = dir.resolve("other.csv");
        StringBuilder rows = new StringBuilder("text,label\n");
        for (int i = 0; i < 40; i++) {
            rows.append("text number ").append(i).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(csv, rows.toString());
        Path target = dir.resolve("taken");
        assertEquals(0, CliRun.run("dataset", "build", "--out", target.toString()).exitCode());
        byte[] before = Files.readAllBytes(target.resolve("MANIFEST.json"));
        String message = failure(CliRun.run("dataset", "import", "csv", "--from", csv.toString(), "--text-column",
                "text", "--label-column", "label", "--out", target.toString()));
        assertTrue(message.startsWith(target + ": holds another dataset 'seed' (41 examples"), message);
        assertTrue(message.endsWith("--overwrite replaces it"), message);
        assertArrayEquals(before, Files.readAllBytes(target.resolve("MANIFEST.json")));
        // The same dataset again loses nothing: no --overwrite needed.
        assertEquals(0, CliRun.run("dataset", "build", "--out", target.toString()).exitCode());
        CliRun replaced = CliRun.run("dataset", "import", "csv", "--from", csv.toString(), "--text-column", "text",
                "--label-column", "label", "--out", target.toString(), "--overwrite");
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertEquals("other", Dataset.load(target).name());
    }

    @Test
    void anImportTooSmallForItsFoldsOrSplitsSaysSo() throws IOException {
        Path csv = dir.resolve("tiny.csv");
        Files.writeString(csv, "text,label\none,a\ntwo,b\nthree,a\n");
        Path out = dir.resolve("tiny");
        String message = failure(CliRun.run("dataset", "import", "csv", "--from", csv.toString(), "--text-column",
                "text", "--label-column", "label", "--out", out.toString()));
        assertTrue(message.startsWith(csv + ": too small: split "), message);
        assertFalse(Files.exists(out));
        message = failure(CliRun.run("dataset", "import", "csv", "--from", csv.toString(), "--text-column", "text",
                "--label-column", "label", "--dev-fraction", "0", "--test-fraction", "0", "--out", out.toString()));
        assertTrue(message.contains("3 distinct text(s), too few for 5 cross-validation folds; lower --folds to at "
                + "most 3"), message);
        assertFalse(Files.exists(out));
        CliRun lowered = CliRun.run("dataset", "import", "csv", "--from", csv.toString(), "--text-column", "text",
                "--label-column", "label", "--dev-fraction", "0", "--test-fraction", "0", "--folds", "3",
                "--out", out.toString());
        assertEquals(0, lowered.exitCode(), lowered.err());
        assertTrue(lowered.out().contains("folds: 3 x 3 repeats"), lowered.out());
    }
}
