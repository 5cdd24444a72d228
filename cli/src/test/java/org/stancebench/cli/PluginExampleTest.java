package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;

/**
 * The example plug-in (examples/plugin-example, a test-scope dependency here, as a user's jar on
 * STANCEBENCH_CLASSPATH would be) goes through models, train, evaluate and reproduce like a built-in.
 */
class PluginExampleTest {
    static final String PLUGIN = "centroid-example";

    @TempDir
    static Path dir;
    static Path seed;

    @BeforeAll
    static void buildSeedDataset() {
        seed = dir.resolve("seed");
        CliRun build = CliRun.run("dataset", "build", "--out", seed.toString());
        assertEquals(0, build.exitCode(), build.err());
    }

    @Test
    void isListedByModels() {
        CliRun r = CliRun.run("models");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(PLUGIN + " ") && l.contains("Example plug-in")), r.out());
        assertTrue(CliRun.run("models", "--help").out().contains("STANCEBENCH_CLASSPATH"), "the help says how to add one");
        assertTrue(CliRun.run("--help").out().contains("STANCEBENCH_CLASSPATH"));
    }

    @Test
    void trainsAndEvaluatesFromASavedModel() throws IOException {
        Path model = dir.resolve("model-centroid");
        CliRun train = CliRun.run("train", "--model", PLUGIN, "--data", seed.toString(), "--out", model.toString(),
                "--set", "buckets=32");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.isRegularFile(model.resolve("centroids.txt")), "the plug-in's own save format");
        Path results = dir.resolve("centroid-test.json");
        CliRun eval = CliRun.run("evaluate", "--model", model.toString(), "--data", seed.toString(),
                "--bootstrap", "200", "--out", results.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        RunResult run = ResultsIo.read(results).run(PLUGIN + "@test");
        assertEquals(8, run.predictions().size(), "the seed test split (labels.tsv: 20% of each label)");
        assertEquals("32", run.settings().get("buckets"), run.settings().toString());
        assertTrue(run.metric("accuracy").low() <= run.metric("accuracy").value());
    }

    @Test
    void standsInTheReproduceReportBesideTheBuiltIns() throws IOException {
        Path out = dir.resolve("reproduce");
        CliRun r = CliRun.run("reproduce", "--quick", "--no-bench", "--only", PLUGIN + ",majority,naive-bayes",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Results results = ResultsIo.read(out.resolve("results.json"));
        List<String> names = results.runs().stream().map(RunResult::name).toList();
        assertTrue(names.containsAll(List.of(PLUGIN + "@cv", PLUGIN + "@test", "majority@cv", "naive-bayes@cv")),
                names.toString());
        RunResult cv = results.run(PLUGIN + "@cv");
        assertTrue(cv.metric("macro-f1").high() > cv.metric("macro-f1").low(), "with a confidence interval");
        for (String builtIn : List.of("majority", "naive-bayes")) {
            for (String split : List.of("@cv", "@test")) {
                assertTrue(results.comparisons().stream().anyMatch(c ->
                        (c.a() + " " + c.b()).contains(PLUGIN + split) && (c.a() + " " + c.b()).contains(builtIn + split)),
                        "paired test of " + PLUGIN + split + " against " + builtIn + split);
            }
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains(PLUGIN), "in the markdown report");
    }
}
