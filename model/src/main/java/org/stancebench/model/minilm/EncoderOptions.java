package org.stancebench.model.minilm;

import java.util.Map;
import java.util.TreeMap;
import org.stancebench.model.Settings;

/**
 * The encoder settings that MiniLM classifiers accept as training settings:
 * {@code maxTokens} (truncation, default 256, at most 512), {@code encodeBatch} (texts per forward
 * pass, default 32) and {@code threads} (forward passes run side by side, one core each, default: available
 * processors). Only {@code maxTokens} changes predictions, so only it is saved with a model.
 */
final class EncoderOptions {

    private EncoderOptions() {
    }

    /** Encoder settings read from {@code s}, defaults for missing keys. */
    static MiniLmEncoder.Settings from(Settings s) {
        MiniLmEncoder.Settings d = MiniLmEncoder.Settings.defaults();
        int any = Integer.MAX_VALUE;
        return new MiniLmEncoder.Settings(s.integer("maxTokens", d.maxTokens(), 1, any),
                s.integer("encodeBatch", d.batchSize(), 1, any), s.integer("threads", d.threads(), 1, any));
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
