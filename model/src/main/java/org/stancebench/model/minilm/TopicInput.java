package org.stancebench.model.minilm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One input of a topic-conditioned task, written as {@code topic + separator + text} (the
 * convention of the VAST importer, separator {@code " [SEP] "}): the topic and the text, split at
 * the first occurrence of the separator, each stripped. An input without the separator has an empty
 * topic and is all text.
 *
 * @param topic what the stance is towards; empty when the input names none
 * @param text the text whose stance is classified
 */
record TopicInput(String topic, String text) {

    /** The setting that turns topic conditioning on: the separator between topic and text. */
    static final String SEPARATOR_SETTING = "topicSeparator";

    /** Splits {@code input} at the first {@code separator}. */
    static TopicInput split(String input, String separator) {
        int at = input.indexOf(separator);
        if (at < 0) {
            return new TopicInput("", input.strip());
        }
        return new TopicInput(input.substring(0, at).strip(), input.substring(at + separator.length()).strip());
    }

    /** Every input split, in order. */
    static List<TopicInput> splitAll(List<String> inputs, String separator) {
        List<TopicInput> out = new ArrayList<>(inputs.size());
        for (String input : inputs) {
            out.add(split(input, separator));
        }
        return out;
    }

    /**
     * The embeddings of {@code texts} in their order, each distinct text encoded once (a VAST post
     * appears with several topics); deterministic for the same list.
     */
    static float[][] encodeDistinct(MiniLmEncoder encoder, List<String> texts) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String t : texts) {
            index.putIfAbsent(t, index.size());
        }
        float[][] distinct = encoder.encode(new ArrayList<>(index.keySet()));
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = distinct[index.get(texts.get(i))];
        }
        return out;
    }
}
