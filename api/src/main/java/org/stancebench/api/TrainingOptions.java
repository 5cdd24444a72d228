package org.stancebench.api;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * How one training run is done: the seed every random step derives from, classifier-specific
 * settings (string keys and values, as given on the command line with {@code --set key=value}), and
 * where progress messages go.
 *
 * <p>Immutable; settings are kept sorted by key so that they print and hash the same way every time.
 * Training twice with equal options on equal data gives identical predictions.
 */
public record TrainingOptions(long seed, Map<String, String> settings, Consumer<String> progress) {
    public TrainingOptions {
        settings = Map.copyOf(new TreeMap<>(settings));
        Objects.requireNonNull(progress, "progress");
    }

    /** Options with the given seed, no settings and progress discarded. */
    public static TrainingOptions seed(long seed) {
        return new TrainingOptions(seed, Map.of(), message -> { });
    }

    /** A copy with {@code key} set to {@code value}. */
    public TrainingOptions with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(settings);
        copy.put(key, value);
        return new TrainingOptions(seed, copy, progress);
    }

    /** A copy that reports progress to {@code sink}. */
    public TrainingOptions withProgress(Consumer<String> sink) {
        return new TrainingOptions(seed, settings, sink);
    }

    /** The setting {@code key}, or {@code fallback} when it is not set. */
    public String get(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }
}
