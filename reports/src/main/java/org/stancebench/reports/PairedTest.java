package org.stancebench.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.RunResult;
import org.stancebench.eval.stats.ApproximateRandomization;
import org.stancebench.eval.stats.McNemar;
import org.stancebench.metrics.ConfusionMatrix;
import org.stancebench.metrics.Metrics;

/**
 * A paired significance test between the same run in two results files (baseline and current),
 * on the per-example predictions both files hold.
 *
 * <p>Predictions are paired by example id, cross-validation repeat and seed (so a run and its
 * re-run line up prediction by prediction). When every example appears once and the metric is
 * accuracy, the test is McNemar's exact test (eval's {@link McNemar}). Otherwise it is approximate
 * randomization in which an example's predictions move together: each shuffle swaps, with
 * probability 1/2, all of one example's baseline and current predictions (every repeat and seed),
 * because copies of one example are not independent evidence (eval's
 * {@link ApproximateRandomization} with one cluster per example id).
 */
final class PairedTest {
    /** Test name: McNemar's exact test. */
    static final String MCNEMAR = "McNemar exact";
    /** Test name: approximate randomization swapping whole examples. */
    static final String RANDOMIZATION = "approximate randomization (by example)";

    /** The outcome: the test used, how many predictions were paired, the metric on each side and the p-value. */
    record Result(String test, int paired, double baseline, double current, double pValue) {
    }

    private PairedTest() {
    }

    /** The metric named {@code metric} as a function of a confusion matrix ({@link Metrics}). */
    static ToDoubleFunction<ConfusionMatrix> metric(String metric, List<String> labels) {
        try {
            return Metrics.resolve(metric, labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metric " + metric + " cannot be tested on paired predictions ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * Tests {@code metric} between two runs on the predictions they share.
     *
     * @return null when no prediction pairs up (the runs are not on the same examples)
     */
    static Result test(RunResult baseline, RunResult current, List<String> labels, String metric, int shuffles,
                       long seed) {
        ToDoubleFunction<ConfusionMatrix> m = metric(metric, labels);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        Map<String, PredictionRecord> currentByKey = new HashMap<>();
        for (PredictionRecord p : current.predictions()) {
            currentByKey.put(key(p), p);
        }
        // Sorted by example id so the clusters, and with them the shuffles, do not depend on file order.
        TreeMap<String, List<int[]>> byExample = new TreeMap<>();
        for (PredictionRecord b : baseline.predictions()) {
            PredictionRecord c = currentByKey.get(key(b));
            if (c == null || !c.gold().equals(b.gold())) {
                continue;
            }
            Integer g = index.get(b.gold());
            Integer pb = index.get(b.predicted());
            Integer pc = index.get(c.predicted());
            if (g == null || pb == null || pc == null) {
                throw new IllegalArgumentException("run '" + baseline.name() + "': example " + b.id()
                        + " has a label outside the dataset's label set");
            }
            byExample.computeIfAbsent(b.id(), id -> new ArrayList<>()).add(new int[] {g, pb, pc});
        }
        int n = byExample.values().stream().mapToInt(List::size).sum();
        if (n == 0) {
            return null;
        }
        int[] gold = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        int[] cluster = new int[n];
        int i = 0;
        int c = 0;
        for (List<int[]> rows : byExample.values()) {
            for (int[] row : rows) {
                gold[i] = row[0];
                a[i] = row[1];
                b[i] = row[2];
                cluster[i] = c;
                i++;
            }
            c++;
        }
        int k = labels.size();
        double base = m.applyAsDouble(ConfusionMatrix.of(k, gold, a));
        double cur = m.applyAsDouble(ConfusionMatrix.of(k, gold, b));
        if (metric.equals(MetricSuite.ACCURACY) && c == n) {
            long[] discordant = McNemar.discordant(gold, a, b);
            return new Result(MCNEMAR, n, base, cur, McNemar.exactPValue(discordant[0], discordant[1]));
        }
        ApproximateRandomization.Result r = ApproximateRandomization.test(a, b, cluster,
                pred -> m.applyAsDouble(ConfusionMatrix.of(k, gold, pred)), shuffles, seed);
        return new Result(RANDOMIZATION, n, base, cur, r.pValue());
    }

    private static String key(PredictionRecord p) {
        return p.id() + "\u0000" + p.repeat() + "\u0000" + p.seed();
    }
}
