package org.stancebench.model.minilm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stancebench.model.Settings;

/**
 * What {@code minilm-probe}'s head reads from an input: its embedding ({@link #TEXT}, also
 * {@code topicInput=joint}: a topic before the separator is simply part of the text), or, with
 * {@code topicInput=pair}, the text's and the topic's embeddings and their element-wise product.
 *
 * @param separator the topic separator, or null without topic conditioning
 * @param pair whether text and topic are embedded apart
 */
record ProbeFeatures(String separator, boolean pair) {

    /** No topic conditioning: the input's embedding, as before topics existed. */
    static final ProbeFeatures TEXT = new ProbeFeatures(null, false);

    /** Reads {@code topicSeparator} and {@code topicInput} (only with a separator) from the settings. */
    static ProbeFeatures from(Settings s, Map<String, String> given) {
        String separator = given.get(TopicInput.SEPARATOR_SETTING);
        if (separator == null) {
            return TEXT;
        }
        s.string(TopicInput.SEPARATOR_SETTING, separator);
        if (separator.isEmpty()) {
            throw s.bad(TopicInput.SEPARATOR_SETTING, separator, "a non-empty separator");
        }
        return new ProbeFeatures(separator, s.choice("topicInput", "joint", Set.of("joint", "pair")).equals("pair"));
    }

    /** The features a saved model's settings name. */
    static ProbeFeatures of(Map<String, String> saved) {
        String separator = saved.get(TopicInput.SEPARATOR_SETTING);
        return separator == null ? TEXT : new ProbeFeatures(separator, "pair".equals(saved.get("topicInput")));
    }

    /** Adds these features' settings to a model's effective settings. */
    void record(Map<String, String> effective) {
        if (separator != null) {
            effective.put(TopicInput.SEPARATOR_SETTING, separator);
            effective.put("topicInput", pair ? "pair" : "joint");
        }
    }

    /** Values per input. */
    int dimension() {
        return pair ? 3 * MiniLmEncoder.DIMENSION : MiniLmEncoder.DIMENSION;
    }

    /** The features of {@code inputs}, in order. */
    float[][] of(MiniLmEncoder encoder, List<String> inputs) {
        if (!pair) {
            return encoder.encode(inputs);
        }
        List<TopicInput> split = TopicInput.splitAll(inputs, separator);
        float[][] text = TopicInput.encodeDistinct(encoder, split.stream().map(TopicInput::text).toList());
        float[][] topic = TopicInput.encodeDistinct(encoder, split.stream().map(TopicInput::topic).toList());
        int d = MiniLmEncoder.DIMENSION;
        float[][] out = new float[inputs.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] f = new float[3 * d];
            System.arraycopy(text[i], 0, f, 0, d);
            System.arraycopy(topic[i], 0, f, d, d);
            for (int k = 0; k < d; k++) {
                f[2 * d + k] = text[i][k] * topic[i][k];
            }
            out[i] = f;
        }
        return out;
    }
}
