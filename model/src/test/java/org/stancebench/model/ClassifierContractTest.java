package org.stancebench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.store.ModelProvenance;
import org.stancebench.model.store.ModelStore;
import org.stancebench.model.store.StoredModel;

/**
 * The {@link Classifier} contract, checked for every registered classifier (built-in or plug-in on
 * the test class path) on a small synthetic dataset with each classifier's default settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassifierContractTest {
    private static final long SEED = 13;
    private final Map<String, Classifier> trained = new HashMap<>();
    private final Map<String, List<double[]>> expected = new HashMap<>();

    @TempDir
    Path tmp;

    static Stream<String> names() {
        return ClassifierRegistry.names().stream();
    }

    private Classifier model(String name) {
        return trained.computeIfAbsent(name,
                n -> ClassifierRegistry.get(n).train(SyntheticData.seedTaskWithDev(), TrainingOptions.seed(SEED)));
    }

    /** The cached model's batch predictions for {@link #probeTexts()}, which the other checks compare with. */
    private List<double[]> expected(String name) {
        return expected.computeIfAbsent(name, n -> model(n).predictProba(probeTexts()));
    }

    /**
     * Every fourth training text and every edge text: enough to exercise the contract, few enough
     * that classifiers with a sentence encoder stay quick (the training texts themselves are
     * predicted in full when the model is trained).
     */
    private static List<String> probeTexts() {
        List<String> texts = new ArrayList<>();
        List<LabeledText> train = SyntheticData.seedTask().train();
        for (int i = 0; i < train.size(); i += 4) {
            texts.add(train.get(i).text());
        }
        texts.addAll(SyntheticData.edgeTexts());
        return texts;
    }

    private static void assertSamePredictions(List<double[]> expected, List<double[]> actual, String what) {
        List<String> texts = probeTexts();
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            String text = texts.get(i);
            assertArrayEquals(expected.get(i), actual.get(i), 0.0,
                    what + " on '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
    }

    @AfterAll
    void closeModels() {
        trained.values().forEach(Classifier::close);
    }

    @Test
    void theFloorsAndTheLexiconAreRegistered() {
        assertTrue(ClassifierRegistry.names().containsAll(List.of("majority", "stratified")),
                ClassifierRegistry.names().toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void describesItself(String name) {
        ClassifierFactory factory = ClassifierRegistry.get(name);
        assertEquals(name, factory.name());
        assertFalse(factory.description().isBlank());
        assertFalse(factory.description().contains("\n"), "description must be one line");
        assertEquals(name, model(name).name());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void probabilitiesAreADistributionOverTheLabelSet(String name) {
        Classifier model = model(name);
        assertEquals(SyntheticData.LABELS, model.labels());
        List<String> texts = probeTexts();
        List<double[]> probs = expected(name);
        for (int i = 0; i < texts.size(); i++) {
            assertDistribution(probs.get(i), model.labels().size(), name, texts.get(i));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void batchPredictionEqualsOneByOne(String name) {
        Classifier model = model(name);
        List<String> texts = probeTexts();
        List<double[]> batch = expected(name);
        assertEquals(texts.size(), batch.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(batch.get(i), model.predictProba(texts.get(i)), 1e-9, name + " text " + i);
        }
        assertTrue(model.predictProba(List.of()).isEmpty());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void saveAndLoadPredictIdentically(String name) throws IOException {
        Classifier model = model(name);
        Path dir = tmp.resolve(name);
        ModelStore.save(model, SyntheticData.seedTaskWithDev(), TrainingOptions.seed(SEED), dir);
        try (StoredModel loaded = ModelStore.load(dir)) {
            assertEquals(name, loaded.classifier().name());
            assertEquals(model.labels(), loaded.classifier().labels());
            assertEquals(model.settings(), loaded.classifier().settings());
            assertEquals(name, loaded.provenance().classifier());
            assertEquals(SEED, loaded.provenance().seed());
            assertEquals(32, loaded.provenance().trainSize());
            assertEquals(8, loaded.provenance().devSize());
            assertEquals("synthetic-seed-task-dev", loaded.provenance().trainingFingerprint());
            assertSamePredictions(expected(name), loaded.classifier().predictProba(probeTexts()), name + " after loading");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void trainingTwiceWithTheSameSeedPredictsIdentically(String name) {
        ClassifierFactory factory = ClassifierRegistry.get(name);
        try (Classifier again = factory.train(SyntheticData.seedTaskWithDev(), TrainingOptions.seed(SEED))) {
            assertSamePredictions(expected(name), again.predictProba(probeTexts()), name + " trained again");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void worksWithAnotherLabelSet(String name) {
        TrainingData irony = SyntheticData.ironyTask();
        try (Classifier model = ClassifierRegistry.get(name).train(irony, TrainingOptions.seed(SEED))) {
            assertEquals(List.of("non_irony", "irony"), model.labels());
            List<String> texts = probeTexts();
            List<double[]> probs = model.predictProba(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertDistribution(probs.get(i), 2, name, texts.get(i));
            }
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void refusesAnUnknownSetting(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassifierRegistry.get(name)
                .train(SyntheticData.seedTask(), TrainingOptions.seed(SEED).with("no-such-setting", "1")));
        assertTrue(e.getMessage().contains("no-such-setting"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void refusesDamagedModelDirectories(String name) throws IOException {
        Path saved = tmp.resolve(name + "-saved");
        ModelStore.save(model(name), SyntheticData.seedTaskWithDev(), TrainingOptions.seed(SEED), saved);
        String largest = largestModelFile(saved);

        Path flipped = copy(saved, name + "-flipped");
        byte[] bytes = Files.readAllBytes(flipped.resolve(largest));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(flipped.resolve(largest), bytes);
        assertRefused(flipped, largest + ": SHA-256 mismatch (expected ");

        Path deleted = copy(saved, name + "-deleted");
        Files.delete(deleted.resolve(largest));
        assertRefused(deleted, largest + ": missing");

        Path corrupt = copy(saved, name + "-corrupt");
        Path provenance = corrupt.resolve(ModelProvenance.FILE_NAME);
        String json = Files.readString(provenance);
        Files.writeString(provenance, json.substring(0, json.length() / 2));
        assertRefused(corrupt, ModelProvenance.FILE_NAME + ":");

        Path noProvenance = copy(saved, name + "-no-provenance");
        Files.delete(noProvenance.resolve(ModelProvenance.FILE_NAME));
        assertRefused(noProvenance, ModelProvenance.FILE_NAME + ": missing");

        Path extra = copy(saved, name + "-extra");
        Files.writeString(extra.resolve("stray.txt"), "x");
        assertRefused(extra, "stray.txt: unexpected file");
    }

    private static void assertRefused(Path dir, String expected) {
        IOException e = assertThrows(IOException.class, () -> ModelStore.load(dir).close());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
    }

    private static String largestModelFile(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(ModelProvenance.FILE_NAME))
                    .max(Comparator.comparingLong((Path p) -> p.toFile().length()).thenComparing(Path::toString))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .orElseThrow();
        }
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static void assertDistribution(double[] p, int size, String name, String text) {
        String what = name + " on '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        assertEquals(size, p.length, what);
        double sum = 0;
        for (double v : p) {
            assertTrue(Double.isFinite(v) && v >= 0, what + ": " + v);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-6, what);
    }

    /** A label with no training example stays in the label set with a finite probability. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("names")
    void keepsALabelAbsentFromTraining(String name) {
        List<String> labels = List.of("hopeful", "skeptical", "sarcastic", "neutral", "unused");
        List<LabeledText> train = SyntheticData.seedTask().train();
        try (Classifier model = ClassifierRegistry.get(name).train(TrainingData.of(labels, train), TrainingOptions.seed(SEED))) {
            assertEquals(labels, model.labels());
            assertDistribution(model.predictProba("Oh sure, that will work"), 5, name, "absent label");
        }
    }
}
