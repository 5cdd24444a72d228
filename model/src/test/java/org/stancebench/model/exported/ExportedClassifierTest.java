package org.stancebench.model.exported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exported-model classifier on the fixtures of src/test/resources/exported, made by
 * make_fixtures.py (torch 1.13.1); expected.json holds PyTorch's own probabilities.
 */
class ExportedClassifierTest {
    static final Path FIXTURES = Path.of("src/test/resources/exported").toAbsolutePath();

    @TempDir
    Path dir;

    static Path modelFile(ExportedFormat format) {
        return FIXTURES.resolve(format == ExportedFormat.ONNX ? "tiny.onnx" : "tiny.pt");
    }

    static ExportedClassifier open(ExportedFormat format) throws IOException {
        return ExportedClassifier.open("tiny", format, modelFile(format), FIXTURES.resolve("tokenizer.json"), null);
    }

    @ParameterizedTest
    @EnumSource(ExportedFormat.class)
    void matchesPyTorchsProbabilitiesAloneAndInABatch(ExportedFormat format) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("expected.json").toFile());
        List<String> texts = new ArrayList<>();
        expected.get("cases").forEach(c -> texts.add(c.get("text").asText()));
        try (ExportedClassifier model = open(format)) {
            assertEquals(List.of("hopeful", "skeptical", "sarcastic", "neutral"), model.labels());
            List<double[]> batch = model.predictProba(texts);
            for (int i = 0; i < texts.size(); i++) {
                double[] alone = model.predictProba(texts.get(i));
                JsonNode want = expected.get("cases").get(i).get("probs");
                double sum = 0;
                for (int k = 0; k < alone.length; k++) {
                    // float32 logits on both sides: agreement to float rounding, not exactly.
                    assertEquals(want.get(k).asDouble(), alone[k], 1e-5, format + " '" + texts.get(i) + "' label " + k);
                    assertEquals(alone[k], batch.get(i)[k], 1e-5, "padding in a batch does not change the result");
                    sum += alone[k];
                }
                assertEquals(1.0, sum, 1e-9);
            }
            assertEquals(format.id(), model.settings().get("format"));
            assertEquals(format.engine(), model.engineName());
        }
    }

    @ParameterizedTest
    @EnumSource(ExportedFormat.class)
    void aSavedCopyPredictsTheSame(ExportedFormat format) throws IOException {
        try (ExportedClassifier model = open(format)) {
            model.save(dir);
            try (ExportedClassifier back = ExportedClassifier.load(dir, "tiny")) {
                assertArrayEquals(model.predictProba("peace talks"), back.predictProba("peace talks"));
                assertEquals(model.settings().get("model_sha256"), back.settings().get("model_sha256"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExportedFormat.class)
    void aCorruptedModelFileIsOneLine(ExportedFormat format) throws IOException {
        Path bad = dir.resolve(modelFile(format).getFileName());
        byte[] bytes = Files.readAllBytes(modelFile(format));
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Files.copy(FIXTURES.resolve("labels.txt"), dir.resolve("labels.txt"));
        IOException e = assertThrows(IOException.class, () -> ExportedClassifier.open("tiny", format, bad,
                FIXTURES.resolve("tokenizer.json"), null));
        assertTrue(e.getMessage().startsWith(bad + ": cannot load as a " + format.id() + " model"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() {
        Path none = dir.resolve("none.onnx");
        IOException model = assertThrows(IOException.class, () -> ExportedClassifier.open("x", ExportedFormat.ONNX,
                none, FIXTURES.resolve("tokenizer.json"), FIXTURES.resolve("labels.txt")));
        assertEquals(none + ": no such file", model.getMessage());
        IOException labels = assertThrows(IOException.class, () -> ExportedClassifier.open("x", ExportedFormat.ONNX,
                modelFile(ExportedFormat.ONNX), FIXTURES.resolve("tokenizer.json"), dir.resolve("labels.txt")));
        assertEquals(dir.resolve("labels.txt") + ": no such file", labels.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExportedFormat.class)
    void aLabelSidecarOfTheWrongSizeIsOneLine(ExportedFormat format) {
        Path labels = FIXTURES.resolve("labels-3.txt");
        IOException e = assertThrows(IOException.class, () -> ExportedClassifier.open("tiny", format,
                modelFile(format), FIXTURES.resolve("tokenizer.json"), labels));
        assertEquals(labels + ": 3 labels, but " + modelFile(format).getFileName() + " gives 4 outputs per text",
                e.getMessage());
    }

    @Test
    void badLabelFilesAndTokenizersAreOneLine() throws IOException {
        Path labels = dir.resolve("labels.txt");
        Files.writeString(labels, "a\n\nb\n");
        IOException empty = assertThrows(IOException.class, () -> ExportedClassifier.readLabels(labels));
        assertEquals(labels + ":2: empty label", empty.getMessage());
        Files.writeString(labels, "a\nb\na\n");
        IOException twice = assertThrows(IOException.class, () -> ExportedClassifier.readLabels(labels));
        assertEquals(labels + ":3: label 'a' repeated", twice.getMessage());
        Path tokenizer = dir.resolve("tokenizer.json");
        Files.writeString(tokenizer, "{not json");
        IOException tok = assertThrows(IOException.class, () -> ExportedClassifier.open("x", ExportedFormat.ONNX,
                modelFile(ExportedFormat.ONNX), tokenizer, FIXTURES.resolve("labels.txt")));
        assertTrue(tok.getMessage().startsWith(tokenizer + ": not a readable Hugging Face tokenizer.json"),
                tok.getMessage());
        assertEquals(1, tok.getMessage().lines().count());
    }

    @Test
    void logitsGoThroughASoftmaxAndProbabilitiesStay() {
        // Hand computation: softmax(0, ln 3) = (1/4, 3/4).
        assertArrayEquals(new double[] {0.25, 0.75}, ExportedClassifier.probabilities(new float[] {0f, (float) Math.log(3)}),
                1e-7);
        assertArrayEquals(new double[] {0.2, 0.8}, ExportedClassifier.probabilities(new float[] {0.2f, 0.8f}), 1e-7);
        assertEquals(ExportedFormat.TORCHSCRIPT, ExportedFormat.guess(Path.of("m.pt")));
        assertThrows(IllegalArgumentException.class, () -> ExportedFormat.guess(Path.of("m.bin")));
    }
}
