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
import org.stancebench.dataset.labels.LabelFile;
import org.stancebench.dataset.page.PageParser;
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
        assertEquals("Istanbul Peace Talks: Hope Amid Tension", page.get("subtitle").asText());
        assertEquals("Valery Shiryayev", page.get("author").get("name").asText());
        assertEquals("Military expert and journalist", page.get("author").get("role").asText());
        assertEquals(10, page.get("comments").size());
        JsonNode c9 = page.get("comments").get(8);
        assertEquals(9, c9.get("index").asInt());
        assertEquals("Journey", c9.get("author").asText());
        assertTrue(c9.get("text").asText().startsWith("Ah, the classic ‘we’ll agree to meet again"));
        assertTrue(c9.get("text").asText().endsWith("they can produce. 🎪🤡💫"));
    }

    @Test
    void parseGivesNullSubtitleWhenAbsent() throws IOException {
        String text = new String(PageParser.builtInBytes(), StandardCharsets.UTF_8)
                .replace("Istanbul Peace Talks: Hope Amid Tension\n\n", "");
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
            default -> builtIn.replace("  5. Alaa", "  6. Alaa").getBytes(StandardCharsets.UTF_8);
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
        // Totals from labels.tsv (hand count): 18 hopeful, 11 skeptical, 1 sarcastic, 11 neutral.
        assertTrue(build.out().contains("Built dataset 'seed' (41 examples)"), build.out());
        assertTrue(build.out().lines().anyMatch(l -> l.matches("sarcastic\\s+1\\s+0\\s+0\\s+1")), build.out());
        assertTrue(build.out().lines().anyMatch(l -> l.matches("total\\s+\\d+\\s+\\d+\\s+\\d+\\s+41")), build.out());
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
        List<String> passes = new java.util.ArrayList<>();
        for (LabelFile.Source s : LabelFile.builtInPasses()) {
            Path p = Files.write(tmp.resolve(s.name().substring(s.name().lastIndexOf('/') + 1)), s.bytes());
            passes.addAll(List.of("--pass", p.toString()));
        }
        List<String> explicit = new java.util.ArrayList<>(List.of("dataset", "build", "--out", tmp.resolve("b").toString(),
                "--seed", "7", "--page", page.toString(), "--labels", labels.toString()));
        explicit.addAll(passes);
        Run b = run(explicit.toArray(String[]::new));
        Run c = run("dataset", "build", "--out", tmp.resolve("c").toString(), "--seed", "7", "--labels", labels.toString());
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        assertEquals(0, c.exit(), c.err());
        assertEquals(Files.readString(tmp.resolve("a/examples.jsonl")), Files.readString(tmp.resolve("b/examples.jsonl")));
        assertEquals(Files.readString(tmp.resolve("a/MANIFEST.json")), Files.readString(tmp.resolve("b/MANIFEST.json")));
        // Without the passes only the data card changes: it no longer reports agreement.
        assertEquals(Files.readString(tmp.resolve("a/examples.jsonl")), Files.readString(tmp.resolve("c/examples.jsonl")));
        assertTrue(Files.readString(tmp.resolve("c/DATACARD.md")).contains("no agreement figure exists"));
        assertTrue(Files.readString(tmp.resolve("a/DATACARD.md")).contains("Cohen's kappa"));
    }

    @Test
    void buildRejectsABadLabelFileNamingFileAndLine() throws IOException {
        String text = new String(LabelFile.builtInBytes(), StandardCharsets.UTF_8).replace("seed/c09\tsarcastic", "seed/c09\tironic");
        Path labels = Files.writeString(tmp.resolve("bad.tsv"), text);
        Run r = run("dataset", "build", "--out", tmp.resolve("x").toString(), "--labels", labels.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("stancebench: " + labels + ":48: unknown label 'ironic'"), r.err());
        assertTrue(!Files.exists(tmp.resolve("x")));
    }

    @Test
    void buildWithOnePassIsAUsageError() throws IOException {
        Path pass = Files.write(tmp.resolve("one.tsv"), LabelFile.builtInPasses().get(0).bytes());
        Run r = run("dataset", "build", "--out", tmp.resolve("y").toString(), "--pass", pass.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--pass needs exactly two files (one per annotator), got 1"), r.err());
        assertTrue(!Files.exists(tmp.resolve("y")));
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
