package org.stancebench.model.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.BadInputException;
import org.stancebench.io.ContentHash;
import org.stancebench.io.TextInput;
import org.stancebench.model.ClassifierRegistry;

/**
 * Saves trained models to directories with their provenance, and loads them back after checking
 * that nothing was changed.
 *
 * <p>A model directory holds the files the classifier wrote ({@link Classifier#save(Path)}) and
 * {@value ModelProvenance#FILE_NAME}, which lists a SHA-256 for each of them. Guarantees:
 * <ul>
 *   <li>Saving is all or nothing: files are written into a temporary sibling directory that is
 *       moved into place, so a crash never leaves a half-written model directory.</li>
 *   <li>An existing non-empty directory is replaced only when {@code overwrite} is set, and only if
 *       it is itself a model directory (it holds a provenance record); anything else is refused.</li>
 *   <li>Saving the same model trained on the same data with the same options writes byte-identical
 *       files (no timestamps).</li>
 *   <li>Loading refuses, with one line naming the file, a directory whose provenance is missing or
 *       malformed, whose files are missing, extra or differ from their recorded SHA-256, or whose
 *       classifier is not registered.</li>
 * </ul>
 */
public final class ModelStore {

    private static final AtomicLong COUNTER = new AtomicLong();

    private ModelStore() {
    }

    /** Saves {@code model} into {@code dir}, refusing to replace a non-empty existing directory. */
    public static void save(Classifier model, TrainingData data, TrainingOptions options, Path dir)
            throws IOException {
        save(model, data, options, dir, false);
    }

    /**
     * Saves {@code model}, trained on {@code data} with {@code options}, into {@code dir} with its
     * provenance record.
     *
     * @param overwrite replace {@code dir} if it is an existing model directory
     * @throws IOException when {@code dir} exists and may not be replaced, or writing fails
     */
    public static void save(Classifier model, TrainingData data, TrainingOptions options, Path dir,
                            boolean overwrite) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw BadInputException.in(dir, "cannot save a model at the file-system root");
        }
        boolean exists = Files.exists(target);
        if (exists) {
            checkTarget(dir, overwrite);
        }
        Files.createDirectories(parent);
        Path tmp = siblingName(target, "partial");
        Files.createDirectory(tmp);
        try {
            model.save(tmp);
            for (String reserved : new String[] {ModelProvenance.FILE_NAME, ModelCard.FILE_NAME}) {
                if (Files.exists(tmp.resolve(reserved))) {
                    throw new IllegalStateException("classifier '" + model.name() + "' wrote its own " + reserved
                            + "; that name is reserved for the model store");
                }
            }
            // The card describes the model without the file hashes, so it can be one of the hashed files.
            Files.writeString(tmp.resolve(ModelCard.FILE_NAME),
                    ModelCard.markdown(ModelProvenance.describe(model, data, options, new TreeMap<>())),
                    StandardCharsets.UTF_8);
            SortedMap<String, String> files = checksums(tmp);
            ModelProvenance provenance = ModelProvenance.describe(model, data, options, files);
            Files.writeString(tmp.resolve(ModelProvenance.FILE_NAME), provenance.toJson(), StandardCharsets.UTF_8);
            AtomicFiles.replaceDirectory(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * Checks, before a long training run, that a model could be saved to {@code dir}: it does not
     * exist, is an empty directory, or (with {@code overwrite}) is an existing model directory.
     *
     * @throws IOException with one line naming {@code dir} and why it may not be written
     */
    public static void checkTarget(Path dir, boolean overwrite) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw BadInputException.in(dir, "exists and is not a directory");
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(target)) {
            empty = entries.findAny().isEmpty();
        }
        if (empty) {
            return;
        }
        if (!overwrite) {
            throw BadInputException.in(dir,
                    "already exists and is not empty (use --overwrite to replace a model directory)");
        }
        if (!Files.isRegularFile(target.resolve(ModelProvenance.FILE_NAME))) {
            throw BadInputException.in(dir, "is not a model directory (no " + ModelProvenance.FILE_NAME
                    + "); refusing to replace it");
        }
    }

    private static Path siblingName(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-"
                + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    }

    /**
     * Loads the model saved in {@code dir} after verifying it ({@link #verify(Path)}).
     *
     * @throws IOException with a one-line message naming the file at fault
     */
    public static StoredModel load(Path dir) throws IOException {
        ModelProvenance provenance = verify(dir);
        ClassifierFactory factory;
        try {
            factory = ClassifierRegistry.get(provenance.classifier());
        } catch (IllegalArgumentException e) {
            throw BadInputException.in(dir.resolve(ModelProvenance.FILE_NAME), e.getMessage()).because(e);
        }
        Classifier classifier;
        try {
            classifier = factory.load(dir);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A classifier's own reader found its files unusable (their hashes match the provenance, so
            // they were written that way or edited with the provenance): name the model, keep the reason.
            throw BadInputException.in(dir, "cannot load the " + provenance.classifier() + " model: "
                    + reason(e)).because(e);
        }
        try {
            if (!classifier.name().equals(provenance.classifier())) {
                throw BadInputException.in(dir, "classifier '" + provenance.classifier() + "' loaded a model named '"
                        + classifier.name() + "'");
            }
            if (!classifier.labels().equals(provenance.labels())) {
                throw BadInputException.in(dir, "the model's labels " + classifier.labels()
                        + " differ from the provenance's " + provenance.labels());
            }
        } catch (IOException | RuntimeException e) {
            classifier.close();
            throw e;
        }
        return new StoredModel(classifier, provenance);
    }

    /**
     * Reads and checks a model directory without loading the model: the provenance record parses,
     * every listed file exists with its recorded SHA-256, and no unlisted file is present.
     *
     * @return the provenance record
     * @throws IOException with a one-line message naming the file at fault
     */
    public static ModelProvenance verify(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw BadInputException.in(dir, "no such model directory");
        }
        Path provenanceFile = dir.resolve(ModelProvenance.FILE_NAME);
        if (!Files.isRegularFile(provenanceFile)) {
            throw BadInputException.in(provenanceFile, "missing (not a model directory, or a damaged one)");
        }
        String json = TextInput.read(provenanceFile);
        ModelProvenance provenance = ModelProvenance.parse(json, provenanceFile.toString());
        SortedMap<String, String> actual = checksums(dir);
        actual.remove(ModelProvenance.FILE_NAME);
        for (Map.Entry<String, String> listed : provenance.files().entrySet()) {
            String found = actual.get(listed.getKey());
            Path file = dir.resolve(listed.getKey());
            if (found == null) {
                throw BadInputException.in(file, "missing (listed in " + ModelProvenance.FILE_NAME + ")");
            }
            if (!found.equals(listed.getValue())) {
                throw BadInputException.in(file, "SHA-256 mismatch (expected " + listed.getValue()
                        + ", found " + found + ")");
            }
        }
        for (String path : actual.keySet()) {
            if (!provenance.files().containsKey(path)) {
                throw BadInputException.in(dir.resolve(path), "unexpected file (not listed in "
                        + ModelProvenance.FILE_NAME + ")");
            }
        }
        return provenance;
    }

    /** Relative path (with {@code /}) to SHA-256 of every non-directory file under {@code dir}. */
    static SortedMap<String, String> checksums(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !Files.isDirectory(p)).forEach(files::add);
        }
        SortedMap<String, String> out = new TreeMap<>();
        for (Path file : files) {
            StringBuilder rel = new StringBuilder();
            for (Path part : dir.relativize(file)) {
                if (!rel.isEmpty()) {
                    rel.append('/');
                }
                rel.append(part);
            }
            out.put(rel.toString(), ContentHash.sha256(file));
        }
        return out;
    }

    /** The first line of what went wrong, without exception class names. */
    private static String reason(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "its files are damaged (" + e.getClass().getSimpleName() + ")";
        }
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }

    /** Best effort: a leftover hidden temporary directory is harmless and named for its origin. */
    private static void deleteQuietly(Path root) {
        try {
            AtomicFiles.deleteTree(root);
        } catch (IOException | RuntimeException e) {
            // see above
        }
    }
}
