package org.stancebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.DatasetInfo;
import org.stancebench.eval.results.EnvironmentInfo;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Protocol;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;

class RegressionGateTest {
    private static final String FP = "a".repeat(64);
    private static final RegressionGate.Options DEFAULTS = RegressionGate.Options.defaults();

    /** One classifier on an 80-example test split with {@code wrong} errors, and a fixed second one. */
    private static Results split(String fingerprint, int wrong, JsonNode bench) {
        List<String> gold = Fixtures.gold(80);
        return Fixtures.results(fingerprint, List.of(
                Fixtures.splitRun("tfidf-logreg", gold, Fixtures.predictions(gold, wrong)),
                Fixtures.splitRun("majority", gold, Fixtures.predictions(gold, 60))), List.<Comparison>of(), bench);
    }

    @Test
    void identicalRunsPass() {
        Results r = split(FP, 10, null);
        RegressionGate.Verdict v = RegressionGate.compare(r, r, DEFAULTS);
        assertEquals(RegressionGate.OK, v.exitCode(), v.markdown());
        assertTrue(v.markdown().contains("| tfidf-logreg@test | 0.875 | 0.875 | +0.000 | – | – | ok: within tolerance |"),
                v.markdown());
        assertTrue(v.markdown().contains("**Result: no regression.**"));
    }

    @Test
    void aLargeSignificantDropIsARegression() {
        RegressionGate.Verdict v = RegressionGate.compare(split(FP, 10, null), split(FP, 40, null), DEFAULTS);
        assertEquals(RegressionGate.REGRESSION, v.exitCode(), v.markdown());
        assertEquals(1, v.problems().size());
        assertTrue(v.problems().get(0).startsWith("run tfidf-logreg@test: macro-F1 dropped by"), v.problems().get(0));
        assertTrue(v.markdown().contains("**regression**"));
    }

    @Test
    void aDropBeyondToleranceButNotSignificantPasses() {
        // 10 -> 14 errors of 80: macro-F1 falls by about 0.05 (> 0.02), but only 4 discordant examples.
        RegressionGate.Verdict v = RegressionGate.compare(split(FP, 10, null), split(FP, 14, null), DEFAULTS);
        assertEquals(RegressionGate.OK, v.exitCode(), v.markdown());
        assertTrue(v.markdown().contains("ok: drop not significant"), v.markdown());
        assertTrue(v.markdown().contains(PairedTest.RANDOMIZATION + ", n = 80"), v.markdown());
    }

    @Test
    void mcnemarDecidesAccuracy() {
        RegressionGate.Options accuracy = new RegressionGate.Options("accuracy", 0.02, 0.1, 0.05, 1000, 1, true);
        RegressionGate.Verdict v = RegressionGate.compare(split(FP, 10, null), split(FP, 14, null), accuracy);
        assertEquals(RegressionGate.OK, v.exitCode(), v.markdown());
        // Hand computation: 0 vs 4 discordant pairs, p = 2 * (1/2)^4 = 0.125.
        assertTrue(v.markdown().contains(PairedTest.MCNEMAR + ", n = 80 | 0.125 | ok: drop not significant"),
                v.markdown());
    }

    @Test
    void aMetricThePairedTestCannotRecomputeIsRefused() {
        RegressionGate.Options logLoss = new RegressionGate.Options("log-loss", 0.02, 0.1, 0.05, 1000, 1, true);
        Results r = split(FP, 10, null);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RegressionGate.compare(r, r, logLoss));
        assertTrue(e.getMessage().startsWith("--metric log-loss cannot be tested on paired predictions"), e.getMessage());
    }

    @Test
    void differentFingerprintOrLabelsAreNotComparable() {
        RegressionGate.Verdict fp = RegressionGate.compare(split(FP, 10, null), split("b".repeat(64), 10, null),
                DEFAULTS);
        assertEquals(RegressionGate.NOT_COMPARABLE, fp.exitCode());
        assertEquals(List.of("not comparable: different data fingerprint (baseline aaaaaaaaaaaa, current bbbbbbbbbbbb)"),
                fp.problems());

        Results base = split(FP, 10, null);
        List<String> otherLabels = List.of("favor", "against", "none", "neutral");
        Results other = new Results(base.schema(), base.schemaVersion(), base.createdBy(),
                new DatasetInfo("seed", FP, otherLabels, Map.of()),
                new EnvironmentInfo("17", "Linux", "amd64", 2, null), List.of(), List.of(), null);
        RegressionGate.Verdict labels = RegressionGate.compare(base, other, DEFAULTS);
        assertEquals(RegressionGate.NOT_COMPARABLE, labels.exitCode());
        assertTrue(labels.problems().get(0).startsWith("not comparable: different label set"), labels.problems().get(0));
    }

    @Test
    void differentSeedsOfTheSameRunAreNotComparable() {
        Results base = split(FP, 10, null);
        RunResult r = base.runs().get(0);
        RunResult reseeded = new RunResult(r.name(), r.classifier(), r.protocol(), List.of(99L), r.settings(),
                r.bootstrap(), r.provenance(), r.metrics(), r.perClass(), r.confusion(), r.calibration(), r.official(),
                r.folds(), r.predictions());
        Results current = Fixtures.results(FP, List.of(reseeded, base.runs().get(1)), List.of(), null);
        RegressionGate.Verdict v = RegressionGate.compare(base, current, DEFAULTS);
        assertEquals(RegressionGate.NOT_COMPARABLE, v.exitCode());
        assertTrue(v.problems().get(0).contains("seeds [13] in the baseline and [99] now"), v.problems().get(0));
    }

    @Test
    void aMissingRunIsARegressionAndANewRunIsNot() {
        Results base = split(FP, 10, null);
        Results current = Fixtures.results(FP, List.of(base.runs().get(0),
                Fixtures.splitRun("new-one", Fixtures.gold(80), Fixtures.gold(80))), List.of(), null);
        RegressionGate.Verdict v = RegressionGate.compare(base, current, DEFAULTS);
        assertEquals(RegressionGate.REGRESSION, v.exitCode());
        assertEquals(List.of("run majority@test is missing from the current results"), v.problems());
        assertTrue(v.markdown().contains("| new-one@test | – | 1.000 | – | – | – | new run |"), v.markdown());
    }

    @Test
    void speedIsJudgedOnlyOnTheSameHardwareAndOutsideTheError() {
        JsonNode fast = Fixtures.bench("h1", Map.of("tfidf-logreg", new double[] {1000, 10, 8000, 50}));
        JsonNode slow = Fixtures.bench("h1", Map.of("tfidf-logreg", new double[] {700, 10, 7900, 50}));
        JsonNode slowNoisy = Fixtures.bench("h1", Map.of("tfidf-logreg", new double[] {850, 200, 8000, 50}));
        JsonNode elsewhere = Fixtures.bench("h2", Map.of("tfidf-logreg", new double[] {100, 1, 800, 5}));

        RegressionGate.Verdict slower = RegressionGate.compare(split(FP, 10, fast), split(FP, 10, slow), DEFAULTS);
        assertEquals(RegressionGate.REGRESSION, slower.exitCode(), slower.markdown());
        // Batch 1 throughput 30% down, and the latency row (1e6/score us) 43% up; batch 32 only 1% down.
        assertEquals(List.of("tfidf-logreg throughput batch 1 threads 1: 30.0% slower",
                "tfidf-logreg latency batch 1 threads 1: 42.9% slower"), slower.problems());

        RegressionGate.Verdict noisy = RegressionGate.compare(split(FP, 10, fast), split(FP, 10, slowNoisy), DEFAULTS);
        assertTrue(noisy.markdown().contains("ok: within measured error"), noisy.markdown());
        assertEquals(List.of("tfidf-logreg latency batch 1 threads 1: 17.6% slower"), noisy.problems(),
                "latency error is 1 us in the fixture, so that row is outside the error");

        RegressionGate.Options qualityOnly = new RegressionGate.Options("macro-f1", 0.02, 0.1, 0.05, 1000, 1, false);
        RegressionGate.Verdict skipped = RegressionGate.compare(split(FP, 10, fast), split(FP, 10, slow), qualityOnly);
        assertEquals(RegressionGate.OK, skipped.exitCode(), skipped.markdown());
        assertTrue(skipped.markdown().contains("Speed not compared: quality only was asked for."));

        RegressionGate.Verdict other = RegressionGate.compare(split(FP, 10, fast), split(FP, 10, elsewhere), DEFAULTS);
        assertEquals(RegressionGate.OK, other.exitCode());
        assertTrue(other.markdown().contains("Speed not compared: different hardware"), other.markdown());
    }

    @Test
    void crossValidatedCopiesOfAnExampleMoveTogether() {
        List<String> gold = Fixtures.gold(40);
        RunResult base = threeSeeds(Fixtures.cvRun("nb", gold, Fixtures.predictions(gold, 5)));
        RunResult cur = threeSeeds(Fixtures.cvRun("nb", gold, Fixtures.predictions(gold, 9)));
        PairedTest.Result t = PairedTest.test(base, cur, Fixtures.LABELS, "accuracy", 2000, 7);
        assertNotNull(t);
        assertEquals(PairedTest.RANDOMIZATION, t.test(), "copies of an example rule out McNemar");
        assertEquals(120, t.paired());
        assertEquals(35 / 40.0, t.baseline(), 1e-12);
        assertEquals(31 / 40.0, t.current(), 1e-12);
        // 4 discordant examples, each tripled: swapping whole examples gives exact p = P(|sum of 4 signs| >= 4)
        // = 2/16 = 0.125 (hand computation); AR estimates it from 2000 shuffles.
        assertEquals(0.125, t.pValue(), 0.025);
        assertEquals(t, PairedTest.test(base, cur, Fixtures.LABELS, "accuracy", 2000, 7), "same seed, same result");
    }

    /** The run with every prediction copied for seeds 13, 14 and 15. */
    private static RunResult threeSeeds(RunResult r) {
        List<PredictionRecord> preds = new ArrayList<>();
        for (long seed : List.of(13L, 14L, 15L)) {
            for (PredictionRecord p : r.predictions()) {
                preds.add(new PredictionRecord(p.id(), p.gold(), p.predicted(), p.probs(), p.repeat(), seed));
            }
        }
        return new RunResult(r.name(), r.classifier(), Protocol.cv(5, 1), List.of(13L, 14L, 15L), r.settings(),
                r.bootstrap(), r.provenance(), r.metrics(), r.perClass(), r.confusion(), r.calibration(), r.official(),
                r.folds(), preds);
    }
}
