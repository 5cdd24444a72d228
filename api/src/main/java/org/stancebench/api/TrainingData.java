package org.stancebench.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a classifier is trained on: the task's label set, in the order probability vectors use, the
 * training examples and the development examples (for early stopping or tuning; may be empty).
 *
 * <p>Immutable. Every example's label belongs to {@code labels}; labels are distinct. Test examples
 * never appear here.
 *
 * @param fingerprint the dataset fingerprint these examples come from (from its manifest), recorded
 *     in a trained model's provenance; {@code "unknown"} when the examples were built in memory
 */
public record TrainingData(List<String> labels, List<LabeledText> train, List<LabeledText> dev,
                           String fingerprint) {
    public TrainingData {
        labels = List.copyOf(labels);
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("the label set is empty");
        }
        Set<String> known = new HashSet<>(labels);
        if (known.size() != labels.size()) {
            throw new IllegalArgumentException("the label set has duplicates: " + labels);
        }
        for (List<LabeledText> part : List.of(train, dev)) {
            for (LabeledText t : part) {
                if (!known.contains(t.label())) {
                    throw new IllegalArgumentException(
                            "example " + t.id() + " has label '" + t.label() + "', not in " + labels);
                }
            }
        }
    }

    /** Training data with no development split and no dataset fingerprint, for tests and examples. */
    public static TrainingData of(List<String> labels, List<LabeledText> train) {
        return new TrainingData(labels, train, List.of(), "unknown");
    }
}
