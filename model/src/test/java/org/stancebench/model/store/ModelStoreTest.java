package org.stancebench.model.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancebench.api.Classifier;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.io.ContentHash;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.DjlBacked;
import org.stancebench.model.SyntheticData;
import org.stancebench.model.store.ModelProvenance;
import org.stancebench.model.store.ModelStore;

class ModelStoreTest {
    private static final TrainingData DATA = SyntheticData.seedTask();
    private static final TrainingOptions OPTIONS = TrainingOptions.seed(7);

    @TempDir
    Path tmp;

    private Path saveMajority(String name) throws IOException {
        Path dir = tmp.resolve(name);
        try (Classifier model = ClassifierRegistry.get("majority").train(DATA, OPTIONS)) {
            ModelStore.save(model, DATA, OPTIONS, dir);
        }
        return dir;
    }

    @Test
    void writesTheModelFilesAndAProvenanceListingTheirChecksums() throws IOException {
        Path dir = saveMajority("m");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("MODEL_CARD.md", "majority.json", "provenance.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        ModelProvenance p = ModelStore.verify(dir);
        assertEquals("majority", p.classifier());
        assertEquals(7, p.seed());
        assertEquals("synthetic-seed-task", p.trainingFingerprint());
        assertEquals(40, p.trainSize());
        assertEquals(0, p.devSize());
        assertEquals(SyntheticData.LABELS, p.labels());
        assertEquals(Map.of("majority.json", ContentHash.sha256(dir.resolve("majority.json")),
                "MODEL_CARD.md", ContentHash.sha256(dir.resolve("MODEL_CARD.md"))), p.files());
        assertNull(p.djlVersion(), "majority does not use DJL");
        assertNull(p.djlEngine());
        assertEquals(System.getProperty("java.version"), p.javaVersion());
        assertEquals(System.getProperty("os.arch"), p.cpuArch());
        assertTrue(p.availableProcessors() >= 1);
    }

    @Test
    void aModelCardWithHubFrontMatterDescribesTheModel() throws IOException {
        Path dir = saveMajority("card");
        String card = Files.readString(dir.resolve(ModelCard.FILE_NAME));
        assertTrue(card.startsWith("---\nlibrary_name: stancebench\npipeline_tag: text-classification\n"), card);
        String front = card.substring(4, card.indexOf("\n---\n", 4));
        assertTrue(front.contains("\n  classifier: majority\n"), front);
        assertTrue(front.contains("\n  labels: [" + String.join(", ", SyntheticData.LABELS) + "]\n"), front);
        assertTrue(front.contains("\n  seed: 7\n"), front);
        assertTrue(front.contains("\n  training_fingerprint: synthetic-seed-task\n"), front);
        assertTrue(card.contains("trained by StanceBench") && card.contains("with seed 7 on 40 training examples"), card);
        // Hand-editing the card is a change like any other: the directory no longer verifies.
        Files.writeString(dir.resolve(ModelCard.FILE_NAME), card + "edited\n");
        assertThrows(IOException.class, () -> ModelStore.verify(dir));
    }

    @Test
    void savingTheSameModelTwiceWritesIdenticalBytes() throws IOException {
        Path a = saveMajority("a");
        Path b = saveMajority("b");
        for (String f : List.of("majority.json", "provenance.json", "MODEL_CARD.md")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void refusesToReplaceAnExistingDirectoryUnlessAskedAndOnlyAModelDirectory() throws IOException {
        Path dir = saveMajority("m");
        Classifier stratified = ClassifierRegistry.get("stratified").train(DATA, OPTIONS);
        IOException e = assertThrows(IOException.class, () -> ModelStore.save(stratified, DATA, OPTIONS, dir));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("majority", ModelStore.verify(dir).classifier(), "left untouched");

        ModelStore.save(stratified, DATA, OPTIONS, dir, true);
        assertEquals("stratified", ModelStore.verify(dir).classifier());
        assertTrue(Files.notExists(dir.resolve("majority.json")), "old files are gone");

        Path notAModel = Files.createDirectory(tmp.resolve("precious"));
        Files.writeString(notAModel.resolve("thesis.tex"), "years of work");
        e = assertThrows(IOException.class, () -> ModelStore.save(stratified, DATA, OPTIONS, notAModel, true));
        assertTrue(e.getMessage().contains("not a model directory"), e.getMessage());
        assertTrue(Files.exists(notAModel.resolve("thesis.tex")));

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        ModelStore.save(stratified, DATA, OPTIONS, empty);
        assertEquals("stratified", ModelStore.verify(empty).classifier());

        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("empty", "m", "precious"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary directories left");
        }
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path dir = tmp.resolve("a/b/c");
        try (Classifier model = ClassifierRegistry.get("majority").train(DATA, OPTIONS)) {
            ModelStore.save(model, DATA, OPTIONS, dir);
        }
        assertEquals("majority", ModelStore.verify(dir).classifier());
    }

    @Test
    void refusesAMissingDirectory() {
        IOException e = assertThrows(IOException.class, () -> ModelStore.load(tmp.resolve("nothing")));
        assertEquals(tmp.resolve("nothing") + ": no such model directory", e.getMessage());
    }

    @Test
    void refusesAChecksumMismatchNamingTheFileAndBothChecksums() throws IOException {
        Path dir = saveMajority("m");
        String expected = ContentHash.sha256(dir.resolve("majority.json"));
        Files.writeString(dir.resolve("majority.json"), Files.readString(dir.resolve("majority.json")).replace("10", "11"));
        String found = ContentHash.sha256(dir.resolve("majority.json"));
        IOException e = assertThrows(IOException.class, () -> ModelStore.load(dir));
        assertEquals(dir.resolve("majority.json") + ": SHA-256 mismatch (expected " + expected + ", found " + found + ")",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"classifier\": \"majority\"=>\"classifier\": \"no-such-model\"|unknown classifier 'no-such-model'; known: ",
        "\"seed\": 7=>\"seed\": 7, \"color\": \"red\"|unknown field 'color'",
        "\"format\": 1=>\"format\": 99|unsupported provenance format 99",
        "\"labels\": [=>\"labelz\": [|missing field 'labels'",
        "{=>[|provenance.json:2: not valid JSON",
    })
    void refusesAnEditedProvenance(String edit) throws IOException {
        String[] parts = edit.split("\\|");
        String[] replace = parts[0].split("=>");
        Path dir = saveMajority("m");
        Path file = dir.resolve(ModelProvenance.FILE_NAME);
        String json = Files.readString(file);
        assertTrue(json.contains(replace[0]), json);
        Files.writeString(file, json.replaceFirst(java.util.regex.Pattern.quote(replace[0]), replace[1]));
        IOException e = assertThrows(IOException.class, () -> ModelStore.load(dir));
        assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void refusesAProvenanceWhoseFileListDisagreesWithTheModelsLabels() throws IOException {
        Path dir = saveMajority("m");
        Path file = dir.resolve(ModelProvenance.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"neutral\"", "\"other\""));
        IOException e = assertThrows(IOException.class, () -> ModelStore.load(dir));
        assertTrue(e.getMessage().contains("labels"), e.getMessage());
    }

    /** A classifier that says it computes with DJL. */
    private record FakeDjlModel(Classifier inner) implements Classifier, DjlBacked {
        @Override public String name() { return inner.name(); }
        @Override public List<String> labels() { return inner.labels(); }
        @Override public Map<String, String> settings() { return inner.settings(); }
        @Override public double[] predictProba(String text) { return inner.predictProba(text); }
        @Override public void save(Path dir) throws IOException { inner.save(dir); }
        @Override public String engineName() { return "PyTorch"; }
        @Override public String engineVersion() { return "2.7.1"; }
    }

    @Test
    void recordsDjlVersionsOnlyForDjlBackedClassifiers() throws IOException {
        Path dir = tmp.resolve("djl");
        ModelStore.save(new FakeDjlModel(ClassifierRegistry.get("majority").train(DATA, OPTIONS)), DATA, OPTIONS, dir);
        ModelProvenance p = ModelStore.verify(dir);
        assertEquals("0.36.0", p.djlVersion());
        assertEquals("PyTorch", p.djlEngine());
        assertEquals("2.7.1", p.djlEngineVersion());
    }

    @Test
    void sparseClassifiersRecordThePyTorchThatTrainedThem() throws IOException {
        for (String name : List.of("tfidf-logreg", "fasttext")) {
            Path dir = tmp.resolve("trained-" + name);
            try (Classifier model = ClassifierRegistry.get(name).train(DATA, OPTIONS)) {
                ModelStore.save(model, DATA, OPTIONS, dir);
            }
            ModelProvenance p = ModelStore.verify(dir);
            assertEquals("0.36.0", p.djlVersion(), name);
            assertEquals("PyTorch", p.djlEngine(), name);
            assertEquals("2.7.1", p.djlEngineVersion(), name + ": the pytorch-native-cpu version in the parent pom");
        }
    }

    @Test
    void onnxRuntimesVersionIsTheLibrarysNotTheOneDjlWasBuiltAgainst() {
        assertEquals("1.29.0", DjlBacked.runningVersion("OnnxRuntime"), "the onnxruntime version in the parent pom");
    }

    @Test
    void readsDjlsVersionWithoutLoadingAnEngine() {
        assertEquals("0.36.0", ModelProvenance.currentDjlVersion(), "the DJL version in the parent pom");
    }
}
