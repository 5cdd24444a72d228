package org.stancebench.eval.stats;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The approximate randomization (paired permutation) test for any metric of two classifiers'
 * predictions on the same examples (Noreen 1989; Riezler and Maxwell 2005), the one implementation
 * every comparison and the regression gate use.
 *
 * <p>Each shuffle swaps the two predictions of every cluster with probability 1/2: a cluster is one
 * example, or all predictions of one example (several cross-validation repeats or seeds), which move
 * together because copies of one example are not independent evidence. The two-sided p-value is
 * {@code (1 + #{shuffles with |m(A') - m(B')| >= |m(A) - m(B)|}) / (1 + shuffles)}.
 *
 * <p>Coins: one {@link Well19937c#nextBoolean()} per cluster per shuffle, clusters in index order,
 * from a generator seeded with {@code seed}; same inputs and seed, same shuffles and p-value.
 */
public final class ApproximateRandomization {
    /** Default number of shuffles. */
    public static final int DEFAULT_SHUFFLES = 10_000;

    private ApproximateRandomization() {
    }

    /** The result: observed difference {@code m(a) - m(b)} and the two-sided p-value. */
    public record Result(double difference, double pValue) {
    }

    /** The test with every prediction its own cluster. */
    public static Result test(int[] a, int[] b, ToDoubleFunction<int[]> metric, int shuffles, long seed) {
        int[] own = new int[a.length];
        for (int i = 0; i < own.length; i++) {
            own[i] = i;
        }
        return test(a, b, own, metric, shuffles, seed);
    }

    /**
     * Runs the test.
     *
     * @param cluster the cluster of each prediction, numbered 0, 1, ... (predictions of one cluster swap together)
     * @param metric a metric of a prediction vector (gold is captured by the caller)
     */
    public static Result test(int[] a, int[] b, int[] cluster, ToDoubleFunction<int[]> metric, int shuffles,
                              long seed) {
        if (a.length != b.length || cluster.length != a.length) {
            throw new IllegalArgumentException("prediction and cluster vectors differ in length");
        }
        if (shuffles < 1) {
            throw new IllegalArgumentException("shuffles must be >= 1: " + shuffles);
        }
        int clusters = 0;
        for (int c : cluster) {
            if (c < 0) {
                throw new IllegalArgumentException("cluster numbers must be >= 0, got " + c);
            }
            clusters = Math.max(clusters, c + 1);
        }
        double observed = metric.applyAsDouble(a) - metric.applyAsDouble(b);
        double threshold = Math.abs(observed) - 1e-12;
        RandomGenerator rng = new Well19937c(seed);
        boolean[] swap = new boolean[clusters];
        int[] x = new int[a.length];
        int[] y = new int[a.length];
        long atLeast = 0;
        for (int s = 0; s < shuffles; s++) {
            for (int c = 0; c < clusters; c++) {
                swap[c] = rng.nextBoolean();
            }
            for (int i = 0; i < a.length; i++) {
                boolean sw = swap[cluster[i]];
                x[i] = sw ? b[i] : a[i];
                y[i] = sw ? a[i] : b[i];
            }
            if (Math.abs(metric.applyAsDouble(x) - metric.applyAsDouble(y)) >= threshold) {
                atLeast++;
            }
        }
        return new Result(observed, (atLeast + 1.0) / (shuffles + 1.0));
    }
}
