package org.stancebench.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.stancebench.api.Classifier;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.dataset.page.PageUnit;
import org.stancebench.dataset.storage.DatasetWriter;
import org.stancebench.io.AtomicFiles;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.store.ModelStore;

/**
 * Valid inputs the fuzz targets start from, built once per JVM under {@code java.io.tmpdir} (the
 * module's {@code target/} in Maven): the seed page's units, the seed dataset, small TweetEval and VAST
 * folders, and saved models of the classifiers whose loading runs in plain Java.
 */
final class Fixtures {
    /** Models fuzzed: their directories are read by Java code only (no native engine). */
    static final List<String> MODELS = List.of("naive-bayes", "tfidf-logreg", "majority", "lexicon");

    private static final Path WORK;
    private static List<PageUnit> seedUnits;
    private static Dataset seedDataset;
    private static final Map<String, Path> PRISTINE_MODELS = new LinkedHashMap<>();

    static {
        try {
            WORK = Files.createTempDirectory("stancebench-fuzz-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Fixtures() {
    }

    /** Writes {@code bytes} to {@code name} in the work directory. */
    static Path write(String name, byte[] bytes) throws IOException {
        Path file = WORK.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    static synchronized List<PageUnit> seedUnits() {
        if (seedUnits == null) {
            seedUnits = PageUnit.units(PageParser.builtIn(), SeedDataset.NAME);
        }
        return seedUnits;
    }

    static synchronized Dataset seedDataset() throws IOException {
        if (seedDataset == null) {
            Path dir = WORK.resolve("seed");
            SeedDataset.build(dir, DatasetWriter.DEFAULT_SEED);
            seedDataset = Dataset.load(dir);
        }
        return seedDataset;
    }

    /** A TweetEval task folder with the file chosen by {@code input[0]} replaced by the rest of it. */
    static Path tweetEval(byte[] input) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("mapping.txt", "0\tnon_irony\n1\tirony\n");
        files.put("train_text.txt", "first tweet \n@user second tweet\nthird one #yes\nfourth\n");
        files.put("train_labels.txt", "0\n1\n1\n0\n");
        files.put("val_text.txt", "a val tweet\nanother val tweet\n");
        files.put("val_labels.txt", "1\n0\n");
        files.put("test_text.txt", "a test tweet\nyet another\n");
        files.put("test_labels.txt", "0\n1\n");
        return folder("irony", files, input);
    }

    /** A VAST folder with {@code vast_train.csv} or {@code vast_test.csv} (by {@code input[0]}) replaced. */
    static Path vast(byte[] input) throws IOException {
        String header = "post,topic_str,label\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("vast_train.csv", header + "\"Taxes pay for roads, so keep them.\",taxes,1\n"
                + "Guns are dangerous.,gun control,1\nNo more wars please,war,0\nThe weather is nice,taxes,2\n"
                + "\"He said \"\"no\"\" twice\",war,0\nSchools need money,education,1\n");
        files.put("vast_test.csv", "post,topic_str,label,seen?\nCut the budget,taxes,0,1\nPeace now,war,1,0\n");
        return folder("vast", files, input);
    }

    private static Path folder(String name, Map<String, String> files, byte[] input) throws IOException {
        Path dir = WORK.resolve(name);
        AtomicFiles.deleteTree(dir);
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>(files.keySet());
        String replaced = input.length == 0 ? null : names.get((input[0] & 0xFF) % names.size());
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] bytes = f.getKey().equals(replaced) ? Arrays.copyOfRange(input, 1, input.length)
                    : f.getValue().getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(f.getKey()), bytes);
        }
        return dir;
    }

    /** A fresh copy of a saved model of {@code MODELS[choice % size]}, to damage. */
    static synchronized Path model(int choice) throws IOException {
        String name = MODELS.get(choice % MODELS.size());
        Path pristine = PRISTINE_MODELS.get(name);
        if (pristine == null) {
            pristine = WORK.resolve("models/" + name);
            TrainingData data = seedDataset().trainingData("train", "dev");
            TrainingOptions options = TrainingOptions.seed(13);
            try (Classifier model = ClassifierRegistry.get(name).train(data, options)) {
                ModelStore.save(model, data, options, pristine);
            }
            PRISTINE_MODELS.put(name, pristine);
        }
        Path copy = WORK.resolve("model");
        AtomicFiles.deleteTree(copy);
        try (Stream<Path> walk = Files.walk(pristine)) {
            for (Path p : walk.toList()) {
                Path to = copy.resolve(pristine.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return copy;
    }

    /** The files of a model directory, relative, sorted (provenance.json among them). */
    static List<String> modelFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
