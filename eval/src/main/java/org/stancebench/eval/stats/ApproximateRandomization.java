package org.stancebench.eval.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The approximate randomization (paired permutation) test for any metric of two classifiers'
 * predictions on the same examples (Noreen 1989; Riezler and Maxwell 2005): each shuffle swaps the
 * two predictions of every example with probability 1/2, and the p-value is
 * {@code (1 + #{shuffles with |m(A') - m(B')| >= |m(A) - m(B)|}) / (1 + shuffles)}.
 *
 * <p>Seeded with Commons Math's {@link Well19937c}: same inputs and seed, same p-value.
 */
public final class ApproximateRandomization {
    /** Default number of shuffles. */
    public static final int DEFAULT_SHUFFLES = 10_000;

    private ApproximateRandomization() {
    }

    /** The result: observed difference {@code m(a) - m(b)} and the two-sided p-value. */
    public record Result(double difference, double pValue) {
    }

    /**
     * Runs the test.
     *
     * @param metric a metric of a prediction vector (gold is captured by the caller)
     */
    public static Result test(int[] a, int[] b, java.util.function.ToDoubleFunction<int[]> metric,
                              int shuffles, long seed) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("prediction vectors differ in length");
        }
        if (shuffles < 1) {
            throw new IllegalArgumentException("shuffles must be >= 1: " + shuffles);
        }
        double observed = metric.applyAsDouble(a) - metric.applyAsDouble(b);
        double threshold = Math.abs(observed) - 1e-12;
        RandomGenerator rng = new Well19937c(seed);
        int[] x = new int[a.length];
        int[] y = new int[a.length];
        long atLeast = 0;
        for (int s = 0; s < shuffles; s++) {
            for (int i = 0; i < a.length; i++) {
                if (rng.nextBoolean()) {
                    x[i] = b[i];
                    y[i] = a[i];
                } else {
                    x[i] = a[i];
                    y[i] = b[i];
                }
            }
            if (Math.abs(metric.applyAsDouble(x) - metric.applyAsDouble(y)) >= threshold) {
                atLeast++;
            }
        }
        return new Result(observed, (atLeast + 1.0) / (shuffles + 1.0));
    }
}
