package org.stancebench.eval.results;

import java.util.Objects;

/**
 * Precision, recall and F1 of one class (one-vs-rest), each with its bootstrap interval, and the
 * class's support (number of gold examples; with cross-validation, counted over the pooled
 * predictions, so over all seeds and repeats).
 *
 * <p>Undefined precision or recall (no predictions of, or no gold examples of, the class) is 0,
 * like scikit-learn's {@code zero_division=0}.
 */
public record ClassMetrics(MetricValue precision, MetricValue recall, MetricValue f1, long support) {
    public ClassMetrics {
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(recall, "recall");
        Objects.requireNonNull(f1, "f1");
        if (support < 0) {
            throw new IllegalArgumentException("support must be >= 0: " + support);
        }
    }
}
