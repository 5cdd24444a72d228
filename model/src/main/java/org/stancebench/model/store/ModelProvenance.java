package org.stancebench.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stancebench.api.Classifier;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.io.BadInputException;
import org.stancebench.io.Json;
import org.stancebench.io.Platform;
import org.stancebench.io.Schemas;
import org.stancebench.model.DjlBacked;

/**
 * The provenance record of a saved model, stored as {@code provenance.json} in its directory: what
 * was trained, on what data, with which seed and settings, by which library versions on which
 * platform, and a SHA-256 of every file the classifier wrote.
 *
 * <p>Immutable; maps are sorted by key. It holds no timestamp and nothing else that changes from
 * run to run, so training twice with equal data, seed and settings on the same machine and
 * checkout writes byte-identical model directories. Platform fields are recorded because
 * floating-point results of some classifiers can differ across CPU architectures and libraries.
 *
 * @param format the provenance format version, {@value #FORMAT}
 * @param classifier the registered classifier name
 * @param settings the classifier's settings including defaults ({@link Classifier#settings()})
 * @param seed the training seed
 * @param trainingFingerprint the fingerprint of the dataset the examples come from, or
 *     {@code unknown} for examples built in memory
 * @param trainSize number of training examples
 * @param devSize number of development examples (used for tuning or early stopping only)
 * @param labels the label set in probability order
 * @param stancebenchVersion the StanceBench version that trained the model
 * @param djlVersion DJL's version when the classifier computes with DJL, else null
 * @param djlEngine the DJL engine name ({@code PyTorch}, {@code OnnxRuntime}) or null
 * @param djlEngineVersion the DJL engine's version or null
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param osName {@code os.name}
 * @param osVersion {@code os.version}
 * @param cpuArch {@code os.arch}
 * @param availableProcessors processors available to the training JVM
 * @param gitCommit the StanceBench checkout's commit when known, else null
 * @param createdBy what wrote the directory
 * @param files relative path (with {@code /} separators) to lower-case hex SHA-256 of every file in
 *     the model directory except {@code provenance.json} itself
 */
public record ModelProvenance(
        int format,
        String classifier,
        SortedMap<String, String> settings,
        long seed,
        String trainingFingerprint,
        int trainSize,
        int devSize,
        List<String> labels,
        String stancebenchVersion,
        String djlVersion,
        String djlEngine,
        String djlEngineVersion,
        String javaVersion,
        String javaVendor,
        String osName,
        String osVersion,
        String cpuArch,
        int availableProcessors,
        String gitCommit,
        String createdBy,
        SortedMap<String, String> files) {

    /** The current provenance format version. */
    public static final int FORMAT = 1;

    /** The file name of the provenance record inside a model directory. */
    public static final String FILE_NAME = "provenance.json";

    public ModelProvenance {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format: unsupported provenance format " + format
                    + " (this build reads format " + FORMAT + ")");
        }
        requireText(classifier, "classifier");
        requireText(trainingFingerprint, "trainingFingerprint");
        requireText(stancebenchVersion, "stancebenchVersion");
        requireText(createdBy, "createdBy");
        settings = sortedCopy(settings, "settings");
        files = sortedCopy(files, "files");
        Objects.requireNonNull(labels, "labels: missing");
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels: empty");
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels: duplicates in " + labels);
        }
        if (trainSize < 0 || devSize < 0) {
            throw new IllegalArgumentException("trainSize/devSize: negative");
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = f.getKey();
            if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
                    || List.of(path.split("/", -1)).stream().anyMatch(p -> p.isEmpty() || p.equals("..") || p.equals("."))
                    || path.equals(FILE_NAME)) {
                throw new IllegalArgumentException("files: invalid path '" + path + "'");
            }
            if (!f.getValue().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("files: '" + path + "' has a malformed SHA-256 '" + f.getValue() + "'");
            }
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": missing");
        }
    }

    private static SortedMap<String, String> sortedCopy(Map<String, String> map, String field) {
        if (map == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException(field + ": null key or value");
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The provenance of {@code model} trained on {@code data} with {@code options}, describing this
     * JVM and platform, with the given file checksums.
     */
    public static ModelProvenance describe(Classifier model, TrainingData data, TrainingOptions options,
                                           Map<String, String> files) {
        String djlVersion = null;
        String engine = null;
        String engineVersion = null;
        if (model instanceof DjlBacked djl) {
            djlVersion = currentDjlVersion();
            engine = djl.engineName();
            engineVersion = djl.engineVersion();
        }
        Platform platform = Platform.current();
        String version = platform.stancebenchVersion();
        return new ModelProvenance(FORMAT, model.name(), new TreeMap<>(model.settings()), options.seed(),
                data.fingerprint(), data.train().size(), data.dev().size(), model.labels(),
                version, djlVersion, engine, engineVersion, platform.javaVersion(), platform.javaVendor(),
                platform.osName(), platform.osVersion(), platform.arch(), platform.processors(),
                platform.gitCommit(), "StanceBench " + version + " ModelStore", new TreeMap<>(files));
    }

    /**
     * DJL's version, read from the resource inside DJL's api jar, so that no engine (and no native
     * library) is loaded just to record it; null when DJL is not on the class path.
     */
    public static String currentDjlVersion() {
        return property("/ai/djl/engine/api.properties", "djl_version", null);
    }

    private static String property(String resource, String key, String fallback) {
        try (InputStream in = ModelProvenance.class.getResourceAsStream(resource)) {
            if (in == null) {
                return fallback;
            }
            Properties p = new Properties();
            p.load(in);
            String value = p.getProperty(key);
            return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
        } catch (IOException e) {
            return fallback;
        }
    }

    /** This record as JSON, as written to {@value #FILE_NAME}. */
    public String toJson() {
        return Schemas.withSchema(Json.pretty(this), Schemas.PROVENANCE);
    }

    /**
     * Parses a provenance record.
     *
     * @param source the file name used in error messages
     * @throws IOException with a one-line message naming {@code source} and the field at fault
     */
    public static ModelProvenance parse(String json, String source) throws IOException {
        JsonNode tree = Json.readTree(json, source);
        if (tree instanceof ObjectNode o && o.has("$schema")) {
            // Directories written before the field existed have none; any other schema is not this format.
            if (!Schemas.PROVENANCE.equals(o.get("$schema").asText())) {
                throw BadInputException.at(source, 0, "$schema", "is " + o.get("$schema") + ", expected \""
                        + Schemas.PROVENANCE + "\"");
            }
            o.remove("$schema");
        }
        return Json.parse(tree, ModelProvenance.class, source);
    }
}
