package org.stancebench.eval.results;

import java.util.Objects;

/**
 * The task's official metric, as the corpus defines it ({@code tweeteval-stance}, {@code f1-irony},
 * {@code f1:LABEL} or {@code macro-f1}), with its value and bootstrap interval. The same numbers
 * also appear in the run's {@code metrics} map under {@code name}.
 */
public record OfficialMetric(String name, double value, double low, double high) {
    public OfficialMetric {
        Objects.requireNonNull(name, "name");
        if (!(Double.isFinite(value) && Double.isFinite(low) && Double.isFinite(high))) {
            throw new IllegalArgumentException("official metric " + name + " is not finite");
        }
    }
}
