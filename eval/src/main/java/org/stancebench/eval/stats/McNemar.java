package org.stancebench.eval.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's exact test for two classifiers on the same examples: a two-sided binomial test of the
 * discordant pairs ({@code b} examples only the first got right, {@code c} only the second) against
 * p = 1/2: {@code p = min(1, 2 * P(X <= min(b, c)))}, X ~ Binomial(b + c, 1/2); 1 when there are no
 * discordant pairs.
 */
public final class McNemar {
    private McNemar() {
    }

    /** The two-sided exact p-value for discordant counts {@code b} and {@code c}. */
    public static double exactPValue(long b, long c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0: " + b + ", " + c);
        }
        long n = b + c;
        if (n == 0) {
            return 1;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many discordant pairs: " + n);
        }
        // No generator: the distribution is only evaluated, never sampled.
        BinomialDistribution binomial = new BinomialDistribution(null, (int) n, 0.5);
        return Math.min(1, 2 * binomial.cumulativeProbability((int) Math.min(b, c)));
    }

    /**
     * The discordant counts of two prediction vectors against gold: {@code {b, c}} with {@code b}
     * the examples only {@code a} got right and {@code c} those only {@code b} got right.
     */
    public static long[] discordant(int[] gold, int[] a, int[] b) {
        if (gold.length != a.length || gold.length != b.length) {
            throw new IllegalArgumentException("prediction vectors differ in length");
        }
        long onlyA = 0;
        long onlyB = 0;
        for (int i = 0; i < gold.length; i++) {
            boolean ra = a[i] == gold[i];
            boolean rb = b[i] == gold[i];
            if (ra && !rb) {
                onlyA++;
            } else if (rb && !ra) {
                onlyB++;
            }
        }
        return new long[] {onlyA, onlyB};
    }
}
