package org.stancebench.eval.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Nadeau and Bengio's (2003) corrected resampled t-test for the difference of two classifiers'
 * scores over J resampled train/test splits (for example the folds of repeated k-fold
 * cross-validation): {@code t = mean(d) / sqrt((1/J + nTest/nTrain) * var(d))} with the sample
 * variance (J - 1), two-sided against Student's t with J - 1 degrees of freedom. The correction term
 * {@code nTest/nTrain} accounts for the overlap of training sets, which the plain paired t-test
 * ignores and so rejects far too often.
 */
public final class CorrectedResampledTTest {
    private CorrectedResampledTTest() {
    }

    /**
     * The result.
     *
     * @param meanDifference mean of the differences
     * @param t the statistic, or null when the variance is 0
     * @param pValue two-sided p-value (with zero variance: 1 when the mean is 0, else 0)
     * @param degreesOfFreedom J - 1
     */
    public record Result(double meanDifference, Double t, double pValue, int degreesOfFreedom) {
    }

    /**
     * Tests the differences {@code d} (one per split, scores of A minus scores of B).
     *
     * @param nTrain training-set size of a split (the mean when they differ slightly)
     * @param nTest test-set size of a split
     */
    public static Result test(double[] d, double nTrain, double nTest) {
        int j = d.length;
        if (j < 2) {
            throw new IllegalArgumentException("the corrected resampled t-test needs at least 2 splits, got " + j);
        }
        if (!(nTrain > 0 && nTest > 0)) {
            throw new IllegalArgumentException("nTrain and nTest must be positive: " + nTrain + ", " + nTest);
        }
        double mean = 0;
        for (double x : d) {
            mean += x;
        }
        mean /= j;
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double variance = ss / (j - 1);
        // Scores are in [-1, 1]: a variance this small is rounding noise of equal differences.
        if (variance <= 1e-20) {
            return new Result(mean, null, Math.abs(mean) < 1e-12 ? 1 : 0, j - 1);
        }
        double t = mean / Math.sqrt((1.0 / j + nTest / nTrain) * variance);
        // No generator: the distribution is only evaluated, never sampled.
        TDistribution dist = new TDistribution(null, j - 1);
        double p = 2 * dist.cumulativeProbability(-Math.abs(t));
        return new Result(mean, t, Math.min(1, p), j - 1);
    }
}
