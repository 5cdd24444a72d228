package org.stancebench.eval.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One metric's value with its percentile-bootstrap confidence interval, and, for runs over several
 * seeds or repeats, the mean and sample standard deviation of the per-seed-and-repeat values.
 *
 * <p>Immutable; every number is finite and {@code low <= high}. The interval need not contain
 * {@code value} when the bootstrap distribution is very skewed, though it usually does.
 *
 * @param value the metric on all (pooled) predictions
 * @param low lower end of the 95% bootstrap interval
 * @param high upper end of the 95% bootstrap interval
 * @param mean mean over seeds and repeats, or null for a single run
 * @param std sample standard deviation (n - 1) over seeds and repeats, or null for a single run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricValue(double value, double low, double high, Double mean, Double std) {
    public MetricValue {
        check("value", value);
        check("low", low);
        check("high", high);
        if (low > high) {
            throw new IllegalArgumentException("interval low " + low + " > high " + high);
        }
        if (mean != null) {
            check("mean", mean);
        }
        if (std != null) {
            check("std", std);
        }
    }

    /** A value with its interval and no spread over seeds. */
    public static MetricValue of(double value, double low, double high) {
        return new MetricValue(value, low, high, null, null);
    }

    /** A copy with the mean and standard deviation over seeds and repeats. */
    public MetricValue withSpread(double newMean, double newStd) {
        return new MetricValue(value, low, high, newMean, newStd);
    }

    private static void check(String field, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(field + " must be finite, got " + x);
        }
    }
}
