package org.stancebench.model.minilm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short natural-language descriptions of labels, several per label, for zero-shot classification.
 *
 * <p>Read from a TSV file ({@code label<TAB>description} per line, {@code #} comments and blank
 * lines ignored). Immutable; labels keep file order, descriptions keep line order.
 *
 * @param source where the descriptions came from, for error messages
 * @param byLabel descriptions of each label
 */
record LabelDescriptions(String source, Map<String, List<String>> byLabel) {

    /** Class-path location of the built-in descriptions. */
    static final String RESOURCE = "org/stancebench/model/minilm/label-descriptions.tsv";

    LabelDescriptions {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byLabel.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byLabel = java.util.Collections.unmodifiableMap(copy);
    }

    /** Class-path location of the built-in topic-conditioned descriptions (with {@value #TOPIC}). */
    static final String TOPIC_RESOURCE = "org/stancebench/model/minilm/topic-label-descriptions.tsv";

    /** The placeholder a topic-conditioned description has for the input's topic. */
    static final String TOPIC = "{topic}";

    /** The descriptions shipped in {@value #RESOURCE}. */
    static LabelDescriptions builtIn() {
        return builtIn(RESOURCE);
    }

    /** The topic-conditioned descriptions shipped in {@value #TOPIC_RESOURCE}. */
    static LabelDescriptions builtInTopic() {
        return builtIn(TOPIC_RESOURCE);
    }

    private static LabelDescriptions builtIn(String resource) {
        try (InputStream in = LabelDescriptions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource " + resource + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse("model/src/main/resources/" + resource, text.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Descriptions from a user's TSV file. */
    static LabelDescriptions read(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read label descriptions " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses TSV lines; a malformed line is an error naming {@code source} and the line number. */
    static LabelDescriptions parse(String source, List<String> lines) {
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String label = tab < 0 ? "" : line.substring(0, tab).strip();
            String description = tab < 0 ? "" : line.substring(tab + 1).strip();
            if (label.isEmpty() || description.isEmpty() || description.indexOf('\t') >= 0) {
                throw new IllegalArgumentException(source + ":" + (i + 1)
                        + ": expected 'label<TAB>description', got '" + line + "'");
            }
            byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(description);
        }
        return new LabelDescriptions(source, byLabel);
    }

    /**
     * The descriptions of {@code labels}, in that order. A label the file does not describe is
     * described by its own name (underscores and dashes read as spaces), the usual zero-shot
     * fallback, so that any corpus's label set can be scored; {@link #undescribed(List)} names them.
     */
    Map<String, List<String>> forLabels(List<String> labels) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String label : labels) {
            List<String> d = byLabel.get(label);
            out.put(label, d != null ? d : List.of(label.replace('_', ' ').replace('-', ' ')));
        }
        return out;
    }

    /**
     * {@code descriptions} with every {@value #TOPIC} replaced by {@code topic} ("it" when the topic
     * is empty), per label in order.
     */
    static Map<String, List<String>> forTopic(Map<String, List<String>> descriptions, String topic) {
        String t = topic.isEmpty() ? "it" : topic;
        Map<String, List<String>> out = new LinkedHashMap<>();
        descriptions.forEach((label, d) -> out.put(label, d.stream().map(x -> x.replace(TOPIC, t)).toList()));
        return out;
    }

    /** The labels among {@code labels} that this file does not describe. */
    List<String> undescribed(List<String> labels) {
        return labels.stream().filter(l -> !byLabel.containsKey(l)).toList();
    }
}
