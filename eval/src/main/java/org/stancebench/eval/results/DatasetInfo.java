package org.stancebench.eval.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dataset a results file was computed on: its name, fingerprint (from its manifest), label set in
 * canonical order and the number of examples per split and label.
 *
 * <p>Immutable. Two results files are comparable only when fingerprints and labels are equal.
 *
 * @param counts split name ({@code train}, {@code dev}, {@code test}) to label to number of examples
 */
public record DatasetInfo(String name, String fingerprint, List<String> labels,
                          Map<String, Map<String, Integer>> counts) {
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fingerprint, "fingerprint");
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("dataset labels are empty");
        }
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        (counts == null ? Map.<String, Map<String, Integer>>of() : counts)
                .forEach((split, perLabel) -> copy.put(split, Map.copyOf(perLabel)));
        counts = java.util.Collections.unmodifiableMap(copy);
    }
}
