package org.stancebench.model.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a classifier's {@code --set key=value} settings with defaults, validating each value and
 * refusing keys nobody asked for, so a typo is an error rather than a silent default.
 *
 * <p>Every value read (given or default) is recorded in {@link #resolved()}, the settings a model
 * reports for provenance. Not thread-safe; one per training run.
 */
public final class SettingsReader {
    private final String classifier;
    private final Map<String, String> given;
    private final Map<String, String> resolved = new TreeMap<>();

    /** A reader of {@code settings} for the classifier named {@code classifier}. */
    public SettingsReader(String classifier, Map<String, String> settings) {
        this.classifier = classifier;
        this.given = new TreeMap<>(settings);
    }

    /** The raw value of {@code key}, or {@code fallback}. */
    public String string(String key, String fallback) {
        String v = given.getOrDefault(key, fallback);
        resolved.put(key, v);
        return v;
    }

    /** An integer in {@code [min, max]}. */
    public int integer(String key, int fallback, int min, int max) {
        String v = string(key, Integer.toString(fallback));
        try {
            int x = Integer.parseInt(v.trim());
            if (x < min || x > max) {
                throw bad(key, v, "an integer in [" + min + ", " + max + "]");
            }
            return x;
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer in [" + min + ", " + max + "]");
        }
    }

    /** A finite number in {@code (0, max]}... or any positive finite number when max is infinite. */
    public double positive(String key, double fallback) {
        String v = string(key, Double.toString(fallback));
        try {
            double x = Double.parseDouble(v.trim());
            if (!(x > 0) || Double.isInfinite(x)) {
                throw bad(key, v, "a positive number");
            }
            return x;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a positive number");
        }
    }

    /** A comma-separated list of positive numbers. */
    public List<Double> positives(String key, String fallback) {
        String v = string(key, fallback);
        List<Double> out = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                double x = Double.parseDouble(part.trim());
                if (!(x > 0) || Double.isInfinite(x)) {
                    throw bad(key, v, "comma-separated positive numbers");
                }
                out.add(x);
            } catch (NumberFormatException e) {
                throw bad(key, v, "comma-separated positive numbers");
            }
        }
        return out;
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String key, boolean fallback) {
        String v = string(key, Boolean.toString(fallback)).trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(key, v, "true or false");
        };
    }

    /** One of {@code allowed} (lower case). */
    public String choice(String key, String fallback, Set<String> allowed) {
        String v = string(key, fallback).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw bad(key, v, "one of " + new TreeSet<>(allowed));
        }
        resolved.put(key, v);
        return v;
    }

    /**
     * An n-gram range {@code MIN-MAX} (or a single {@code N}, or {@code 0} for off) within
     * {@code [1, limit]}; returns {@code {min, max}}, {@code {0, 0}} when off.
     */
    public int[] range(String key, String fallback, int limit) {
        String v = string(key, fallback).trim();
        try {
            if (v.equals("0") || v.equalsIgnoreCase("off")) {
                return new int[] {0, 0};
            }
            String[] parts = v.split("-", -1);
            int min = Integer.parseInt(parts[0].trim());
            int max = parts.length == 1 ? min : Integer.parseInt(parts[1].trim());
            if (parts.length > 2 || min < 1 || max < min || max > limit) {
                throw bad(key, v, "a range MIN-MAX with 1 <= MIN <= MAX <= " + limit + ", or 0 for off");
            }
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw bad(key, v, "a range MIN-MAX with 1 <= MIN <= MAX <= " + limit + ", or 0 for off");
        }
    }

    /** Overrides what {@link #resolved()} reports for {@code key} (a value chosen during training). */
    public void record(String key, String value) {
        resolved.put(key, value);
    }

    /**
     * Fails when a given key was never read: it is unknown to this classifier. Keys in
     * {@code informational} (what a trained model reports besides its settings, such as its dev
     * score) are accepted and ignored, so a model's reported settings can be passed back in.
     */
    public void rejectUnknown(String... informational) {
        Set<String> ignored = Set.of(informational);
        for (String key : given.keySet()) {
            if (!resolved.containsKey(key) && !ignored.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "' for " + classifier + "; known: "
                        + String.join(", ", resolved.keySet()));
            }
        }
    }

    /** Every setting read, with the value used. */
    public Map<String, String> resolved() {
        return new TreeMap<>(resolved);
    }

    private IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(classifier + " setting " + key + "='" + value + "': expected " + expected);
    }
}
