package org.stancebench.eval.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A paired significance test between two runs on the same examples (or the same folds).
 *
 * @param a the first run's name
 * @param b the second run's name
 * @param metric the metric compared, a key of the runs' {@code metrics}
 * @param test {@code mcnemar-exact}, {@code approximate-randomization} or
 *     {@code corrected-resampled-t}
 * @param difference metric of {@code a} minus metric of {@code b} (pooled value, or mean fold
 *     difference for the t-test)
 * @param statistic the test statistic (discordant count, absolute difference or t), null when it is
 *     undefined (a t-test with zero variance)
 * @param pValue the two-sided p-value of this test alone
 * @param pHolm the p-value after Holm's step-down correction over all pairs compared on this metric
 *     with this test
 * @param significant whether {@code pHolm < alpha}
 * @param alpha the significance level used
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Comparison(String a, String b, String metric, String test, double difference,
                         Double statistic, double pValue, double pHolm, boolean significant, double alpha) {
    /** Test name: McNemar's exact (binomial) test on discordant pairs. */
    public static final String MCNEMAR = "mcnemar-exact";
    /** Test name: approximate randomization (paired permutation) test. */
    public static final String RANDOMIZATION = "approximate-randomization";
    /** Test name: Nadeau and Bengio's corrected resampled t-test over cross-validation folds. */
    public static final String CORRECTED_T = "corrected-resampled-t";

    public Comparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(test, "test");
        if (!(pValue >= 0 && pValue <= 1) || !(pHolm >= 0 && pHolm <= 1)) {
            throw new IllegalArgumentException("p-values must be in [0, 1]: " + pValue + ", " + pHolm);
        }
        if (statistic != null && !Double.isFinite(statistic)) {
            statistic = null;
        }
    }

    /** A copy with a Holm-adjusted p-value and the decision at {@code alpha}. */
    public Comparison withHolm(double adjusted) {
        return new Comparison(a, b, metric, test, difference, statistic, pValue, adjusted, adjusted < alpha,
                alpha);
    }
}
