package org.stancebench.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.metrics.ScoredExamples;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.metrics.ConfusionMatrix;

class StatsTest {

    @ParameterizedTest
    @CsvSource({
        // b, c, p: scipy 1.10.1 scipy.stats.binomtest(min(b, c), b + c, 0.5).pvalue
        "3, 11, 0.057373046875",
        "11, 3, 0.057373046875",
        "5, 5, 1.0",
        "0, 7, 0.015625",
        "20, 35, 0.05806414679240905",
        "1, 0, 1.0",
        // Hand: no discordant pairs, no evidence.
        "0, 0, 1.0",
    })
    void mcnemarExactMatchesScipyBinomtest(long b, long c, double p) {
        assertEquals(p, McNemar.exactPValue(b, c), 1e-12);
    }

    @Test
    void mcnemarDiscordantCountsByHand() {
        int[] gold = {0, 1, 1, 0, 1};
        int[] a = {0, 1, 0, 1, 1};
        int[] b = {1, 1, 1, 1, 0};
        // Hand: only a right at 0 and 4; only b right at 2.
        assertArrayEquals(new long[] {2, 1}, McNemar.discordant(gold, a, b));
    }

    @Test
    void correctedResampledTTestMatchesScipy() {
        double[] d = {0.05, 0.02, 0.08, -0.01, 0.04, 0.06, 0.03, 0.00, 0.07, 0.05};
        CorrectedResampledTTest.Result r = CorrectedResampledTTest.test(d, 90, 10);
        // numpy + scipy 1.10.1: t = mean/sqrt((1/J + 10/90) var(ddof=1)); p = 2 scipy.stats.t.sf(|t|, J-1)
        assertEquals(2.903802976577645, r.t(), 1e-10);
        assertEquals(0.01748676388988204, r.pValue(), 1e-10);
        assertEquals(9, r.degreesOfFreedom());
        assertEquals(0.039, r.meanDifference(), 1e-12);
    }

    @Test
    void correctedResampledTTestWithZeroVariance() {
        CorrectedResampledTTest.Result same = CorrectedResampledTTest.test(new double[] {0, 0, 0}, 8, 2);
        assertNull(same.t());
        assertEquals(1.0, same.pValue());
        CorrectedResampledTTest.Result shifted = CorrectedResampledTTest.test(new double[] {0.1, 0.1, 0.1}, 8, 2);
        assertEquals(0.0, shifted.pValue());
        assertThrows(IllegalArgumentException.class, () -> CorrectedResampledTTest.test(new double[] {0.1}, 8, 2));
    }

    @Test
    void holmByHand() {
        // Hand: sorted 0.005, 0.01, 0.03, 0.04 -> 4*0.005 = 0.02, 3*0.01 = 0.03, 2*0.03 = 0.06,
        // max(0.06, 1*0.04) = 0.06; back in input order.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
        // Hand: capped at 1.
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.7}), 1e-12);
        assertArrayEquals(new double[0], Holm.adjust(new double[0]));
    }

    @Test
    void quantileIsRType7() {
        double[] v = {0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
        // numpy 1.24.2 np.percentile([0.3, 0.1, 0.7, 0.5, 0.9, 0.2], 2.5) and 97.5
        assertEquals(0.1125, Bootstrap.quantile(v, 0.025), 1e-12);
        assertEquals(0.875, Bootstrap.quantile(v, 0.975), 1e-12);
    }

    private static ScoredExamples sample(int n, int repeats) {
        List<PredictionRecord> records = new ArrayList<>();
        List<String> labels = List.of("a", "b");
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < n; i++) {
                String gold = labels.get(i % 2);
                String pred = labels.get((i % 3 == 0) ? 1 - i % 2 : i % 2);
                records.add(new PredictionRecord("e" + i, gold, pred, null, repeats > 1 ? r : null, null));
            }
        }
        return new ScoredExamples(labels, records);
    }

    @Test
    void bootstrapIsDeterministicForASeed() {
        ScoredExamples data = sample(40, 1);
        MetricSuite suite = new MetricSuite(data.labels(), "macro-f1");
        BootstrapInfo options = new BootstrapInfo(300, 99, false, 0.95);
        Map<String, double[]> first = Bootstrap.intervals(data, idx -> suite.all(data, idx), options);
        Map<String, double[]> second = Bootstrap.intervals(data, idx -> suite.all(data, idx), options);
        for (String key : first.keySet()) {
            assertArrayEquals(first.get(key), second.get(key), key);
        }
        Map<String, double[]> other = Bootstrap.intervals(data, idx -> suite.all(data, idx),
                new BootstrapInfo(300, 100, false, 0.95));
        assertNotEquals(first.get("accuracy")[0] + "," + first.get("accuracy")[1],
                other.get("accuracy")[0] + "," + other.get("accuracy")[1], "another seed, another interval");
        double acc = suite.all(data, data.all()).get("accuracy");
        assertTrue(first.get("accuracy")[0] < acc && acc < first.get("accuracy")[1]);
    }

    @Test
    void bootstrapIntervalOfAccuracyIsNearTheNormalApproximation() {
        // 200 examples at accuracy 2/3: the normal approximation gives +-1.96 sqrt(p(1-p)/n) = +-0.0653.
        ScoredExamples data = sample(200, 1);
        MetricSuite suite = new MetricSuite(data.labels(), "macro-f1");
        Map<String, double[]> ci = Bootstrap.intervals(data, idx -> suite.headline(data, idx),
                new BootstrapInfo(2000, 5, false, 0.95));
        double acc = suite.headline(data, data.all()).get("accuracy");
        assertEquals(0.665, acc, 1e-12);
        assertEquals(acc - 0.0654, ci.get("accuracy")[0], 0.015);
        assertEquals(acc + 0.0654, ci.get("accuracy")[1], 0.015);
    }

    @Test
    void repeatedPredictionsOfOneExampleDoNotNarrowTheInterval() {
        // Three identical copies per example (as from three seeds) resampled by example: same width.
        ScoredExamples once = sample(60, 1);
        ScoredExamples thrice = sample(60, 3);
        MetricSuite suite = new MetricSuite(once.labels(), "macro-f1");
        BootstrapInfo options = new BootstrapInfo(500, 3, false, 0.95);
        double[] a = Bootstrap.intervals(once, idx -> suite.headline(once, idx), options).get("accuracy");
        double[] b = Bootstrap.intervals(thrice, idx -> suite.headline(thrice, idx), options).get("accuracy");
        assertArrayEquals(a, b, 1e-12);
    }

    @Test
    void stratifiedBootstrapKeepsClassSizes() {
        ScoredExamples data = sample(30, 1);
        BootstrapInfo options = new BootstrapInfo(50, 1, true, 0.95);
        Map<String, double[]> ci = Bootstrap.intervals(data, idx -> {
            long golds = java.util.Arrays.stream(idx).filter(i -> data.gold()[i] == 0).count();
            return Map.of("share", golds / (double) idx.length);
        }, options);
        // Hand: 15 of 30 gold 'a' in every stratified resample.
        assertArrayEquals(new double[] {0.5, 0.5}, ci.get("share"), 1e-12);
    }

    @Test
    void approximateRandomizationApproachesTheExactTest() {
        int[] gold = {0, 1, 2, 0, 1, 2, 0, 1};
        int[] a = {0, 1, 2, 0, 1, 0, 0, 2};
        int[] b = {0, 2, 1, 0, 0, 2, 1, 1};
        ApproximateRandomization.Result r = ApproximateRandomization.test(a, b,
                p -> ConfusionMatrix.of(3, gold, p).macroF1(), 10_000, 42);
        // scikit-learn 1.2.1 f1_score macro difference, and the exact randomization p-value by
        // enumerating all 2^8 swaps (reference_values.py): 0.65625.
        assertEquals(0.21904761904761905, r.difference(), 1e-12);
        assertEquals(0.65625, r.pValue(), 0.015);
        assertEquals(r, ApproximateRandomization.test(a, b, p -> ConfusionMatrix.of(3, gold, p).macroF1(), 10_000, 42));
    }

    @Test
    void approximateRandomizationOfIdenticalPredictionsIsOne() {
        int[] gold = {0, 1, 0, 1};
        int[] a = {0, 0, 0, 1};
        ApproximateRandomization.Result r = ApproximateRandomization.test(a, a.clone(),
                p -> ConfusionMatrix.of(2, gold, p).accuracy(), 100, 1);
        assertEquals(1.0, r.pValue());
    }

    @Test
    void clustersSwapTogether() {
        int[] gold = {0, 1, 0, 1, 0, 1};
        int[] a = {0, 1, 0, 1, 1, 0};
        int[] b = {1, 0, 1, 0, 0, 1};
        // One cluster: a shuffle swaps everything or nothing, so |difference| never changes: p = 1.
        ApproximateRandomization.Result one = ApproximateRandomization.test(a, b, new int[6],
                p -> ConfusionMatrix.of(2, gold, p).accuracy(), 500, 3);
        assertEquals(1.0, one.pValue());
        // Every prediction its own cluster is the unclustered test, draw for draw.
        assertEquals(ApproximateRandomization.test(a, b, p -> ConfusionMatrix.of(2, gold, p).accuracy(), 500, 3),
                ApproximateRandomization.test(a, b, new int[] {0, 1, 2, 3, 4, 5},
                        p -> ConfusionMatrix.of(2, gold, p).accuracy(), 500, 3));
    }
}
