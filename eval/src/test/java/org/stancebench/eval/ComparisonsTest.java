package org.stancebench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.FoldScore;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Protocol;
import org.stancebench.eval.results.RunResult;

class ComparisonsTest {
    static final List<String> LABELS = List.of("a", "b");
    static final BootstrapInfo FAST = new BootstrapInfo(50, 1, false, 0.95);
    static final MetricSuite SUITE = new MetricSuite(LABELS, "macro-f1");

    /** 40 examples, gold alternating; {@code wrong} lists which ones the run gets wrong. */
    static RunResult splitRun(String name, java.util.function.IntPredicate wrong) {
        List<PredictionRecord> p = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String gold = LABELS.get(i % 2);
            String pred = wrong.test(i) ? LABELS.get(1 - i % 2) : gold;
            p.add(new PredictionRecord("e" + i, gold, pred, null, null, null));
        }
        return RunScorer.score(new RunSpec(name, name, Protocol.split("test"), List.of(), Map.of(), null), SUITE, p,
                null, FAST);
    }

    @Test
    void splitRunsGetMcNemarAndRandomization() {
        // a wrong on 0..2 (3), b wrong on 3..13 (11): discordant 11 only-a-right vs 3 only-b-right.
        RunResult a = splitRun("a", i -> i < 3);
        RunResult b = splitRun("b", i -> i >= 3 && i < 14);
        List<Comparison> c = Comparisons.compare(a, b, LABELS, Comparisons.Options.defaults());
        assertEquals(2, c.size());
        Comparison mcnemar = c.get(0);
        assertEquals(Comparison.MCNEMAR, mcnemar.test());
        assertEquals("accuracy", mcnemar.metric());
        // Hand: (37 - 29) / 40 = 0.2
        assertEquals(0.2, mcnemar.difference(), 1e-12);
        assertEquals(11.0, mcnemar.statistic());
        // scipy 1.10.1 scipy.stats.binomtest(3, 14, 0.5).pvalue
        assertEquals(0.057373046875, mcnemar.pValue(), 1e-12);
        assertFalse(mcnemar.significant());
        Comparison ar = c.get(1);
        assertEquals(Comparison.RANDOMIZATION, ar.test());
        assertEquals("macro-f1", ar.metric());
        assertTrue(ar.pValue() > 0.03 && ar.pValue() < 0.12, "close to McNemar's " + ar.pValue());
    }

    @Test
    void holmIsAppliedPerMetricAndTestAcrossAllPairs() {
        List<RunResult> runs = List.of(splitRun("a", i -> i < 3), splitRun("b", i -> i >= 3 && i < 14),
                splitRun("c", i -> i >= 3 && i < 30));
        List<Comparison> all = Comparisons.allPairs(runs, LABELS, Comparisons.Options.defaults());
        assertEquals(6, all.size());
        List<Comparison> mcnemar = all.stream().filter(x -> x.test().equals(Comparison.MCNEMAR)).toList();
        double[] p = mcnemar.stream().mapToDouble(Comparison::pValue).toArray();
        double[] expected = org.stancebench.eval.stats.Holm.adjust(p);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], mcnemar.get(i).pHolm(), 1e-15);
            assertEquals(mcnemar.get(i).pHolm() < 0.05, mcnemar.get(i).significant());
        }
        // a (37 right) vs c (13 right): discordant 27 vs 3, clearly significant even after Holm.
        assertTrue(mcnemar.get(1).significant());
        assertEquals("a", mcnemar.get(1).a());
        assertEquals("c", mcnemar.get(1).b());
    }

    static RunResult cvRun(String name, double[] accuracies) {
        List<FoldScore> folds = new ArrayList<>();
        for (int j = 0; j < accuracies.length; j++) {
            // Two seeds per fold whose mean is the given accuracy.
            folds.add(new FoldScore(j / 5, j % 5, 1, 90, 10, Map.of("accuracy", accuracies[j] + 0.01, "macro-f1", 0.5)));
            folds.add(new FoldScore(j / 5, j % 5, 2, 90, 10, Map.of("accuracy", accuracies[j] - 0.01, "macro-f1", 0.5)));
        }
        List<PredictionRecord> p = List.of(new PredictionRecord("e0", "a", "a", null, 0, 1L));
        return RunScorer.score(new RunSpec(name, name, Protocol.cv(5, 2), List.of(1L, 2L), Map.of(), null), SUITE, p,
                folds, FAST);
    }

    @Test
    void cvRunsGetTheCorrectedResampledTTestOnSeedAveragedFolds() {
        double[] base = {0.70, 0.71, 0.69, 0.72, 0.70, 0.68, 0.71, 0.70, 0.69, 0.71};
        double[] d = {0.05, 0.02, 0.08, -0.01, 0.04, 0.06, 0.03, 0.00, 0.07, 0.05};
        double[] better = new double[10];
        for (int j = 0; j < 10; j++) {
            better[j] = base[j] + d[j];
        }
        List<Comparison> c = Comparisons.compare(cvRun("x", better), cvRun("y", base), LABELS,
                Comparisons.Options.defaults());
        Comparison acc = c.stream().filter(x -> x.metric().equals("accuracy")).findFirst().orElseThrow();
        assertEquals(Comparison.CORRECTED_T, acc.test());
        // numpy + scipy 1.10.1 (reference_values.py): t = 2.903802976577645, p = 0.01748676388988204
        assertEquals(2.903802976577645, acc.statistic(), 1e-9);
        assertEquals(0.01748676388988204, acc.pValue(), 1e-9);
        assertEquals(0.039, acc.difference(), 1e-12);
        Comparison f1 = c.stream().filter(x -> x.metric().equals("macro-f1")).findFirst().orElseThrow();
        assertEquals(1.0, f1.pValue());
        assertEquals(null, f1.statistic());
    }

    @Test
    void splitAndCvRunsAreNotCompared() {
        assertEquals(List.of(), Comparisons.compare(splitRun("a", i -> false), cvRun("b", new double[] {0.5, 0.6}),
                LABELS, Comparisons.Options.defaults()));
    }
}
