package org.stancebench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one reader of a classifier's {@code --set key=value} settings: each value is read with its
 * default and checked, keys nobody read are refused, so a typo is an error rather than a silent
 * default.
 *
 * <p>Every value read (given or default) is recorded in {@link #resolved()}, the settings a model
 * reports for provenance. Every error is an {@link IllegalArgumentException} with one line naming
 * the classifier, the setting, what was expected and what was given, for example
 * {@code naive-bayes: setting 'alpha' must be a number > 0, got 'x'}. Not thread-safe; one per
 * training run.
 */
public final class Settings {
    private final String classifier;
    private final SortedMap<String, String> given;
    private final SortedMap<String, String> resolved = new TreeMap<>();

    /** A reader of {@code given} for the classifier named {@code classifier}. */
    public Settings(String classifier, Map<String, String> given) {
        this.classifier = classifier;
        this.given = new TreeMap<>(given);
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
            int x = Integer.parseInt(v.strip());
            if (x >= min && x <= max) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw bad(key, v, "an integer in [" + min + ", " + max + "]");
    }

    /** A finite number greater than {@code exclusiveMin}; the default is recorded as {@code fallback}. */
    public double number(String key, String fallback, double exclusiveMin) {
        String v = string(key, fallback);
        try {
            double x = Double.parseDouble(v.strip());
            if (Double.isFinite(x) && x > exclusiveMin) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, v, "a number > " + format(exclusiveMin));
    }

    /** A finite number of any sign. */
    public double real(String key, double fallback) {
        String v = string(key, Double.toString(fallback));
        try {
            double x = Double.parseDouble(v.strip());
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, v, "a finite number");
    }

    /** A finite number greater than 0. */
    public double positive(String key, double fallback) {
        return number(key, Double.toString(fallback), 0);
    }

    /** A comma-separated list of positive numbers. */
    public List<Double> positives(String key, String fallback) {
        String v = string(key, fallback);
        List<Double> out = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                double x = Double.parseDouble(part.strip());
                if (x > 0 && Double.isFinite(x)) {
                    out.add(x);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(key, v, "comma-separated positive numbers");
        }
        return out;
    }

    /** A comma-separated list of integers. */
    public int[] integers(String key, String fallback) {
        String v = string(key, fallback);
        try {
            return Arrays.stream(v.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw bad(key, v, "comma-separated integers");
        }
    }

    /** {@code true} or {@code false} ({@code yes}/{@code no} and {@code 1}/{@code 0} too). */
    public boolean bool(String key, boolean fallback) {
        String v = string(key, Boolean.toString(fallback)).strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(key, v, "true or false");
        };
    }

    /** One of {@code allowed} (lower case); recorded in lower case. */
    public String choice(String key, String fallback, Set<String> allowed) {
        String v = string(key, fallback).strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw bad(key, v, "one of " + new TreeSet<>(allowed));
        }
        resolved.put(key, v);
        return v;
    }

    /**
     * An n-gram range {@code MIN-MAX} (or a single {@code N}, or {@code 0} / {@code off} for off)
     * within {@code [1, limit]}; returns {@code {min, max}}, {@code {0, 0}} when off.
     */
    public int[] range(String key, String fallback, int limit) {
        String v = string(key, fallback).strip();
        if (v.equals("0") || v.equalsIgnoreCase("off")) {
            return new int[] {0, 0};
        }
        String[] parts = v.split("-", -1);
        try {
            int min = Integer.parseInt(parts[0].strip());
            int max = parts.length == 1 ? min : Integer.parseInt(parts[1].strip());
            if (parts.length <= 2 && min >= 1 && min <= max && max <= limit) {
                return new int[] {min, max};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, v, "MIN-MAX with 1 <= MIN <= MAX <= " + limit + ", or off");
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
                throw new IllegalArgumentException(classifier + ": unknown setting '" + key + "'; known: "
                        + (resolved.isEmpty() ? "none" : String.join(", ", resolved.keySet())));
            }
        }
    }

    /** Every setting read, with the value used, sorted by key. */
    public SortedMap<String, String> resolved() {
        return new TreeMap<>(resolved);
    }

    /** The one-line error for a bad value of {@code key}. */
    public IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(classifier + ": setting '" + key + "' must be " + expected + ", got '"
                + value + "'");
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
