package org.stancebench.dataset.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.stancebench.io.BadInputException;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Json;

/**
 * The contents of a dataset directory's {@code MANIFEST.json}: what was built, from what seed, by
 * which generator, label counts, the SHA-256 of every other file and the whole-dataset fingerprint.
 *
 * <p>Immutable. The fingerprint is the SHA-256 of the two lines {@code "examples.jsonl <sha256>\n"}
 * and {@code "folds.json <sha256>\n"}: it changes exactly when the examples or their fold
 * assignments change, and not when only the data card's wording does.
 *
 * @param name the dataset name
 * @param generator the name of the program that wrote the directory
 * @param generatorVersion its version
 * @param seed the seed of the split and fold assignment
 * @param folds the number of cross-validation folds actually used
 * @param repeats the number of cross-validation repeats
 * @param labels the label set in canonical order
 * @param examples the number of examples
 * @param counts examples per label per split ({@code train}, {@code dev}, {@code test}, then
 *     {@code all}), labels in canonical order
 * @param fingerprint the whole-dataset fingerprint
 * @param files SHA-256 by file name for every file of the directory except the manifest, sorted
 */
public record Manifest(String name, String generator, String generatorVersion, long seed, int folds,
                       int repeats, List<String> labels, int examples,
                       Map<String, Map<String, Integer>> counts, String fingerprint,
                       Map<String, String> files) {

    /** The manifest's file name. */
    public static final String FILE = "MANIFEST.json";
    /** The format this class reads and writes. */
    public static final String FORMAT = "stancebench-dataset";
    /** The version of {@link #FORMAT}. */
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(generatorVersion, "generatorVersion");
        labels = List.copyOf(labels);
        Map<String, Map<String, Integer>> c = new LinkedHashMap<>();
        counts.forEach((k, v) -> c.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        counts = Collections.unmodifiableMap(c);
        Objects.requireNonNull(fingerprint, "fingerprint");
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The fingerprint of a dataset whose examples and folds files have these hashes. */
    public static String fingerprint(String examplesSha256, String foldsSha256) {
        return ContentHash.sha256(DatasetWriter.EXAMPLES + " " + examplesSha256 + "\n"
                + DatasetWriter.FOLDS + " " + foldsSha256 + "\n");
    }

    /** The manifest as written to disk. */
    public byte[] toJson() {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("name", name);
        ObjectNode gen = root.putObject("generator");
        gen.put("name", generator);
        gen.put("version", generatorVersion);
        root.put("seed", seed);
        root.put("folds", folds);
        root.put("repeats", repeats);
        ArrayNode labelArray = root.putArray("labels");
        labels.forEach(labelArray::add);
        root.put("examples", examples);
        ObjectNode countNode = root.putObject("counts");
        counts.forEach((split, byLabel) -> {
            ObjectNode s = countNode.putObject(split);
            byLabel.forEach(s::put);
        });
        root.put("fingerprint", fingerprint);
        ObjectNode fileNode = root.putObject("files");
        files.forEach(fileNode::put);
        return Json.pretty(root).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code dir/MANIFEST.json}.
     *
     * @throws IOException with a one-line message naming the file and the field that is wrong
     */
    public static Manifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isDirectory(dir)) {
            throw BadInputException.in(dir, "not a directory");
        }
        if (!Files.exists(file)) {
            throw BadInputException.in(file, "missing (not a dataset directory?)");
        }
        JsonNode root = Json.readTree(file);
        if (root == null || !root.isObject()) {
            throw BadInputException.in(file, "expected a JSON object");
        }
        String format = text(root, "format", file);
        if (!FORMAT.equals(format) || root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            throw BadInputException.in(file, "field format/formatVersion: expected " + FORMAT + " version "
                    + FORMAT_VERSION + ", found " + format + " version " + root.path("formatVersion"));
        }
        JsonNode gen = root.path("generator");
        List<String> labels = new ArrayList<>();
        for (JsonNode l : array(root, "labels", file)) {
            labels.add(l.asText());
        }
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        JsonNode countNode = root.path("counts");
        countNode.fieldNames().forEachRemaining(split -> {
            Map<String, Integer> byLabel = new LinkedHashMap<>();
            countNode.get(split).fields().forEachRemaining(e -> byLabel.put(e.getKey(), e.getValue().asInt()));
            counts.put(split, byLabel);
        });
        Map<String, String> files = new TreeMap<>();
        JsonNode fileNode = root.path("files");
        if (!fileNode.isObject() || fileNode.isEmpty()) {
            throw BadInputException.in(file, "field files: missing or empty");
        }
        fileNode.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        for (String name : files.keySet()) {
            if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.equals(FILE)) {
                throw BadInputException.in(file, "field files: bad file name '" + name + "'");
            }
        }
        return new Manifest(text(root, "name", file), text(gen, "name", file), text(gen, "version", file),
                number(root, "seed", file), (int) number(root, "folds", file), (int) number(root, "repeats", file),
                labels, (int) number(root, "examples", file), counts, text(root, "fingerprint", file), files);
    }

    private static String text(JsonNode node, String field, Path file) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw BadInputException.in(file, "field " + field + ": missing or not a string");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field, Path file) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw BadInputException.in(file, "field " + field + ": missing or not an integer");
        }
        return v.asLong();
    }

    private static JsonNode array(JsonNode node, String field, Path file) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw BadInputException.in(file, "field " + field + ": missing or not a non-empty array");
        }
        return v;
    }
}
