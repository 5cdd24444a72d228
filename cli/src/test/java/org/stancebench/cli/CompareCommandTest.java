package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;

/**
 * The compare command on results files made by a real quick reproduce run, and on edited copies
 * of them. The gate's rules themselves are tested in the reports module (RegressionGateTest).
 */
class CompareCommandTest {
    @TempDir
    static Path dir;
    static Path baseline;

    @BeforeAll
    static void reproduce() {
        ReproduceCommandTest.Run r = ReproduceCommandTest.run(ReproduceCommandTest.args(dir.resolve("run")));
        assertEquals(0, r.exit(), r.err());
        baseline = dir.resolve("run").resolve("results.json");
    }

    @Test
    void identicalRunsExitZeroWithATable() {
        ReproduceCommandTest.Run r = ReproduceCommandTest.run("compare", baseline.toString(), baseline.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("| run | baseline | current | change | paired test | p | verdict |"), r.out());
        assertTrue(r.out().contains("| majority@cv |"), r.out());
        assertTrue(r.out().contains("Speed not compared: no benchmark data"), r.out());
        assertTrue(r.out().contains("**Result: no regression.**"), r.out());
    }

    @Test
    void everyPredictionWrongIsARegression() throws Exception {
        Results base = ResultsIo.read(baseline);
        List<RunResult> runs = new ArrayList<>();
        for (RunResult run : base.runs()) {
            runs.add(run.name().equals("stratified@cv") ? allWrong(run, base.dataset().labels()) : run);
        }
        Path worse = dir.resolve("worse.json");
        ResultsIo.write(new Results(base.schema(), base.schemaVersion(), base.createdBy(), base.dataset(),
                base.environment(), runs, base.comparisons(), base.benchmarks()), worse);
        ReproduceCommandTest.Run r = ReproduceCommandTest.run("compare", baseline.toString(), worse.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("stancebench: run stratified@cv: macro-F1 dropped by"), r.err());
        assertTrue(r.out().contains("**regression**"), r.out());

        ReproduceCommandTest.Run j = ReproduceCommandTest.run("compare", "--json", baseline.toString(), worse.toString());
        assertEquals(1, j.exit(), j.out() + j.err());
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(j.out());
        assertEquals("regression", doc.get("result").asText());
        assertEquals(1, doc.get("exitCode").asInt());
        assertEquals("macro-f1", doc.get("metric").asText());
        int regressions = 0;
        for (var row : doc.get("quality")) {
            if (row.get("verdict").asText().equals("regression")) {
                regressions++;
                assertEquals("stratified@cv", row.get("run").asText());
                assertTrue(row.get("change").asDouble() < 0, row.toString());
                assertTrue(row.get("p").asDouble() < 0.05, row.toString());
            }
        }
        assertEquals(1, regressions, j.out());
        assertEquals(base.runs().size(), doc.get("quality").size());
        assertEquals(1, doc.get("problems").size());
    }

    @Test
    void aDifferentFingerprintIsNotComparable() throws Exception {
        String json = Files.readString(baseline);
        Results base = ResultsIo.read(baseline);
        Path other = dir.resolve("other.json");
        Files.writeString(other, json.replace(base.dataset().fingerprint(), "0".repeat(64)));
        ReproduceCommandTest.Run r = ReproduceCommandTest.run("compare", baseline.toString(), other.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("not comparable: different data fingerprint"), r.err());
    }

    @Test
    void anUnreadableFileIsNotComparableRatherThanARegression() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schema\": \"something-else\"}");
        ReproduceCommandTest.Run r = ReproduceCommandTest.run("compare", baseline.toString(), broken.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("stancebench: " + broken + ": not a StanceBench results file"), r.err());
        ReproduceCommandTest.Run missing = ReproduceCommandTest.run("compare", baseline.toString(),
                dir.resolve("nope.json").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.json: no such file"), missing.err());
    }

    @Test
    void badToleranceIsOneLine() {
        ReproduceCommandTest.Run r = ReproduceCommandTest.run("compare", "--max-drop", "-1", baseline.toString(),
                baseline.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("stancebench: --max-drop must be in [0, 1), got -1.0"), r.err());
    }

    /** The run with every prediction moved to the next label, so every one is wrong. */
    private static RunResult allWrong(RunResult run, List<String> labels) {
        List<PredictionRecord> preds = new ArrayList<>();
        for (PredictionRecord p : run.predictions()) {
            String wrong = labels.get((labels.indexOf(p.gold()) + 1) % labels.size());
            preds.add(new PredictionRecord(p.id(), p.gold(), wrong, null, p.repeat(), p.seed()));
        }
        var metrics = new java.util.TreeMap<>(run.metrics());
        metrics.put("macro-f1", org.stancebench.eval.results.MetricValue.of(0, 0, 0));
        return new RunResult(run.name(), run.classifier(), run.protocol(), run.seeds(), run.settings(),
                run.bootstrap(), run.provenance(), metrics, run.perClass(), run.confusion(), run.calibration(),
                run.official(), run.folds(), preds);
    }
}
