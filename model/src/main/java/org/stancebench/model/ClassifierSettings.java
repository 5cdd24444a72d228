package org.stancebench.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A classifier's settings resolved against its defaults: given values ({@code --set key=value})
 * overlay the defaults, unknown keys are refused, and typed accessors check ranges.
 *
 * <p>Immutable. Every error is an {@link IllegalArgumentException} with one line naming the
 * classifier, the setting and what is wrong, for example
 * {@code naive-bayes: setting 'alpha' must be a number > 0, got 'x'}.
 */
public final class ClassifierSettings {
    private final String classifier;
    private final SortedMap<String, String> values;

    private ClassifierSettings(String classifier, SortedMap<String, String> values) {
        this.classifier = classifier;
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * Resolves {@code given} against {@code defaults}.
     *
     * @throws IllegalArgumentException when {@code given} has a key that {@code defaults} lacks
     */
    public static ClassifierSettings resolve(String classifier, Map<String, String> given,
                                             Map<String, String> defaults) {
        SortedMap<String, String> values = new TreeMap<>(defaults);
        for (Map.Entry<String, String> e : new TreeMap<>(given).entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException(classifier + ": unknown setting '" + e.getKey() + "'; known: "
                        + (defaults.isEmpty() ? "none" : String.join(", ", new TreeMap<>(defaults).keySet())));
            }
            values.put(e.getKey(), e.getValue());
        }
        return new ClassifierSettings(classifier, values);
    }

    /** Every setting with its resolved value, sorted by key: what {@code Classifier.settings()} returns. */
    public SortedMap<String, String> values() {
        return values;
    }

    /** The value of {@code key} as given or defaulted. */
    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException(classifier + ": setting '" + key + "' has no default");
        }
        return v;
    }

    /** The value of {@code key} as an integer in {@code [min, max]}. */
    public int integer(String key, int min, int max) {
        String v = string(key).strip();
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw new IllegalArgumentException(classifier + ": setting '" + key + "' must be an integer in ["
                + min + ", " + max + "], got '" + v + "'");
    }

    /** The value of {@code key} as a finite number greater than {@code exclusiveMin}. */
    public double number(String key, double exclusiveMin) {
        String v = string(key).strip();
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && d > exclusiveMin) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(classifier + ": setting '" + key + "' must be a number > "
                + exclusiveMin + ", got '" + v + "'");
    }

    /** The value of {@code key} as {@code true} or {@code false}. */
    public boolean bool(String key) {
        String v = string(key).strip();
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(classifier + ": setting '" + key + "' must be true or false, got '" + v + "'");
    }
}
