package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.io.Platform;
import org.stancebench.model.ClassifierRegistry;

/** Commands other tools read: {@code --json} / {@code --format json} put one JSON document on stdout. */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void build() throws IOException {
        data = dir.resolve("seed");
        SeedDataset.build(data, 13);
    }

    @Test
    void modelsListsEveryClassifierAsJson() throws IOException {
        CliRun run = CliRun.run("models", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(ClassifierRegistry.names().size(), doc.size());
        assertEquals(ClassifierRegistry.all().get(0).name(), doc.get(0).get("name").asText());
        assertEquals(ClassifierRegistry.all().get(0).description(), doc.get(0).get("description").asText());
        assertEquals(run.out(), CliRun.run("models", "--format", "json").out());
        assertEquals(1, CliRun.run("models", "--format", "md").exitCode(), "models offers text and json only");
    }

    @Test
    void datasetVerifySaysOkOrListsProblemsAsJson() throws IOException {
        CliRun ok = CliRun.run("dataset", "verify", data.toString(), "--json");
        assertEquals(0, ok.exitCode(), ok.err());
        JsonNode doc = JSON.readTree(ok.out());
        assertTrue(doc.get("ok").asBoolean());
        assertEquals("seed", doc.get("name").asText());
        assertEquals(0, doc.get("problems").size());

        Path damaged = dir.resolve("damaged");
        SeedDataset.build(damaged, 13);
        Files.writeString(damaged.resolve("DATACARD.md"), "edited\n");
        CliRun bad = CliRun.run("dataset", "verify", damaged.toString(), "--format", "json");
        assertEquals(1, bad.exitCode());
        JsonNode problems = JSON.readTree(bad.out()).get("problems");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).asText().startsWith(damaged.resolve("DATACARD.md") + ": changed"), bad.out());
    }

    @Test
    void oneBuildStampInVersionResultsAndProvenance() throws IOException {
        String stamp = Platform.current().stancebenchVersion();
        CliRun version = CliRun.run("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("stancebench " + stamp), version.out());
        CliRun run = CliRun.run("evaluate", "--classifier", "majority", "--data", data.toString(), "--bootstrap", "100",
                "--out", "-");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode results = JSON.readTree(run.out());
        assertEquals("stancebench " + stamp, results.get("createdBy").asText());
        Path model = dir.resolve("stamped-model");
        assertEquals(0, CliRun.run("train", "--model", "majority", "--data", data.toString(), "--out", model.toString())
                .exitCode());
        assertEquals(stamp, JSON.readTree(Files.readString(model.resolve("provenance.json"))).get("stancebenchVersion")
                .asText());
    }

    @Test
    void shellCompletionNamesEveryCommand() {
        CliRun run = CliRun.run("generate-completion");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("complete -F"), "a bash completion script");
        for (String command : List.of("dataset", "train", "evaluate", "predict", "compare", "report", "score", "bench",
                "reproduce", "models")) {
            assertTrue(run.out().contains(command), command);
        }
    }

    @Test
    void evaluateWritesResultsToStdoutWithOutDash() throws IOException {
        CliRun run = CliRun.run("evaluate", "--classifier", "majority", "--data", data.toString(), "--bootstrap", "100",
                "--out", "-");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode results = JSON.readTree(run.out());
        assertEquals("stancebench-results", results.get("schema").asText());
        assertEquals("majority@test", results.get("runs").get(0).get("name").asText());
        assertTrue(run.err().contains("majority@test on seed"), "the summary goes to stderr: " + run.err());
        assertFalse(Files.exists(Path.of("-")), "no file named '-'");

        Path file = dir.resolve("majority.json");
        CliRun both = CliRun.run("evaluate", "--classifier", "majority", "--data", data.toString(), "--bootstrap", "100",
                "--out", file.toString(), "--json");
        assertEquals(0, both.exitCode(), both.err());
        assertEquals(Files.readString(file), both.out(), "stdout holds the same document as the file");
    }

    @Test
    void reportRanksManyResultsFilesTogether() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, CliRun.run("evaluate", "--classifier", "majority", "--data", data.toString(), "--bootstrap",
                "100", "--out", a.toString()).exitCode());
        assertEquals(0, CliRun.run("evaluate", "--classifier", "naive-bayes,stratified", "--data", data.toString(),
                "--bootstrap", "100", "--out", b.toString()).exitCode());
        Path out = dir.resolve("board");
        CliRun run = CliRun.run("report", "--from", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.startsWith("# StanceBench: 2 results files\n"), md);
        // One group (same data, same protocol) holding the three runs, ranked by macro-F1.
        assertEquals(1, md.split("\n## ", -1).length - 1, md);
        List<String> rows = md.lines().filter(l -> l.matches("\\| [0-9]+ \\|.*")).toList();
        assertEquals(3, rows.size(), md);
        List<Double> f1 = rows.stream().map(l -> Double.parseDouble(l.split("\\|")[3].trim().split(" ")[0])).toList();
        assertTrue(f1.get(0) >= f1.get(1) && f1.get(1) >= f1.get(2), f1.toString());
        assertTrue(md.contains("| " + a + " |") && md.contains("| " + b + " |"), md);
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(3, html.split("class=\"bar\"", -1).length - 1, "one bar per run");
        assertEquals(1, CliRun.run("report", "--from", dir.resolve("missing.json").toString(), "--out",
                out.toString()).exitCode());
    }

    @Test
    void contradictoryFormatsAreRefused() {
        CliRun run = CliRun.run("models", "--json", "--format", "text");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("stancebench: --json and --format text contradict each other"), run.err().lines().toList());
    }
}
