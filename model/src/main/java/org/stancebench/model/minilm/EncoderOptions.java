package org.stancebench.model.minilm;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The encoder settings that MiniLM classifiers accept as training settings:
 * {@code maxTokens} (truncation, default 256, at most 512), {@code encodeBatch} (texts per forward
 * pass, default 32) and {@code threads} (forward passes run side by side, one core each, default: available
 * processors). Only {@code maxTokens} changes predictions, so only it is saved with a model.
 */
final class EncoderOptions {

    static final Set<String> KEYS = Set.of("maxTokens", "encodeBatch", "threads");

    private EncoderOptions() {
    }

    /** Encoder settings from {@code settings}, defaults for missing keys. */
    static MiniLmEncoder.Settings from(Map<String, String> settings) {
        MiniLmEncoder.Settings d = MiniLmEncoder.Settings.defaults();
        return new MiniLmEncoder.Settings(
                intSetting(settings, "maxTokens", d.maxTokens()),
                intSetting(settings, "encodeBatch", d.batchSize()),
                intSetting(settings, "threads", d.threads()));
    }

    /** Rejects keys outside {@code allowed} (plus the encoder's), naming them. */
    static void checkKeys(String classifier, Map<String, String> settings, Set<String> allowed) {
        Set<String> known = new TreeSet<>(KEYS);
        known.addAll(allowed);
        for (String key : settings.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "' for " + classifier
                        + "; known settings: " + known);
            }
        }
    }

    static int intSetting(Map<String, String> settings, String key, int fallback) {
        String v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + "=" + v + " is not an integer");
        }
    }

    static double doubleSetting(Map<String, String> settings, String key, double fallback) {
        String v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + "=" + v + " is not a finite number");
        }
    }

    /** Sorted copy of {@code settings} with the encoder's effective values filled in. */
    static Map<String, String> effective(Map<String, String> settings, MiniLmEncoder.Settings encoder) {
        Map<String, String> out = new TreeMap<>(settings);
        out.put("maxTokens", Integer.toString(encoder.maxTokens()));
        out.put("encodeBatch", Integer.toString(encoder.batchSize()));
        out.put("threads", Integer.toString(encoder.threads()));
        return out;
    }
}
