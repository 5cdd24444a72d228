package org.stancebench.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.io.BadInputException;
import org.stancebench.io.Json;

/**
 * The common head of a sparse model's {@code config.json}: its format tag, label set and settings,
 * with the rest of the document left for the classifier to read.
 *
 * @param root the whole JSON document
 * @param labels the non-empty label set, in file order
 * @param settings the saved settings, sorted by key
 */
public record ModelConfig(JsonNode root, List<String> labels, Map<String, String> settings) {
    public ModelConfig {
        labels = List.copyOf(labels);
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /**
     * Reads {@code file}, checking that it exists, parses, carries {@code format} and names labels.
     *
     * @throws IOException with one line naming the file and what is wrong
     */
    public static ModelConfig read(Path file, String format) throws IOException {
        JsonNode root = Json.readTree(file);
        if (root == null || !format.equals(root.path("format").asText())) {
            throw BadInputException.in(file, "field 'format' is not " + format);
        }
        List<String> labels = new ArrayList<>();
        root.path("labels").forEach(n -> labels.add(n.asText()));
        if (labels.isEmpty()) {
            throw BadInputException.in(file, "field 'labels' is missing or empty");
        }
        Map<String, String> settings = new TreeMap<>();
        root.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        return new ModelConfig(root, labels, settings);
    }
}
