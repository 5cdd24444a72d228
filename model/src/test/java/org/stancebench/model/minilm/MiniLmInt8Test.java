package org.stancebench.model.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.api.Classifier;
import org.stancebench.api.TrainingOptions;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Json;

class MiniLmInt8Test {

    static List<String> texts() {
        List<String> texts = new ArrayList<>(MiniLmEncoderTest.TEXTS);
        for (int i = 0; i < 30; i++) {
            texts.add("Sentence " + i + ": " + "several more words ".repeat(i % 9) + "and an end.");
        }
        texts.addAll(MiniLmClassifiersTest.PROBES);
        return texts;
    }

    @Test
    void weightsAreQuantizedPerColumnWithinHalfAStep() {
        int rows = 50;
        int cols = 7;
        Random random = new Random(3);
        ByteBuffer raw = ByteBuffer.allocate(rows * cols * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            int c = i % cols;
            // column 6 is all zeros; the others have very different ranges
            w[i] = c == 6 ? 0f : (float) (random.nextGaussian() * Math.pow(10, c - 3));
            raw.putFloat(w[i]);
        }
        MiniLmGraph.Quantized q = MiniLmGraph.Quantized.of(new MiniLmGraph.Tensor(new long[] {rows, cols}, raw.array()));
        assertEquals(cols, q.scales().length);
        for (int c = 0; c < cols; c++) {
            int largest = 0;
            for (int r = 0; r < rows; r++) {
                int v = q.values()[r * cols + c];
                largest = Math.max(largest, Math.abs(v));
                double error = Math.abs(v * (double) q.scales()[c] - w[r * cols + c]);
                assertTrue(error <= q.scales()[c] / 2 * (1 + 1e-6), "column " + c + " row " + r + ": error " + error);
            }
            assertEquals(c == 6 ? 0 : MiniLmGraph.WEIGHT_LIMIT, largest, "column " + c);
        }
        assertEquals(1f, q.scales()[6]);
    }

    @Test
    void int8GraphIsWrittenOnceWithInt8WeightsAndItsHashIsRecorded() throws IOException {
        MiniLmFiles files = MiniLmFiles.extract();
        Path int8 = MiniLmGraph.int8(files);
        assertEquals(int8, MiniLmGraph.int8(files));
        long fused = Files.size(MiniLmGraph.fused(files));
        long quantized = Files.size(int8);
        // The 42 MB of matrix-product weights shrink to a quarter; the 47 MB embedding table stays float32.
        assertTrue(quantized < fused * 0.7 && quantized > fused * 0.5, fused + " vs " + quantized);
        assertEquals(ContentHash.sha256(int8), MiniLmGraph.int8Sha256(files));
    }

    @Test
    void int8EmbeddingsAreCloseToFloat32ButComputedInInt8() {
        List<String> texts = texts();
        MiniLmEncoder.Settings settings = MiniLmEncoder.Settings.defaults();
        try (MiniLmEncoder f = MiniLmEncoder.open(settings);
             MiniLmEncoder q = MiniLmEncoder.open(MiniLmEncoder.Settings.defaults(MiniLmEncoder.Precision.INT8))) {
            float[][] a = f.encode(texts);
            float[][] b = q.encode(texts);
            double sum = 0;
            double worst = 1;
            boolean anyDifferent = false;
            for (int i = 0; i < texts.size(); i++) {
                double cosine = 0;
                double norm = 0;
                for (int d = 0; d < MiniLmEncoder.DIMENSION; d++) {
                    cosine += a[i][d] * b[i][d];
                    norm += b[i][d] * b[i][d];
                }
                assertEquals(1.0, norm, 1e-5, "int8 embeddings are unit length too");
                sum += cosine;
                worst = Math.min(worst, cosine);
                anyDifferent |= cosine < 0.99999;
            }
            double mean = sum / texts.size();
            assertTrue(mean > 0.98, "mean cosine " + mean);
            assertTrue(worst > 0.95, "worst cosine " + worst);
            assertTrue(anyDifferent, "int8 gave the float32 embeddings; is the int8 graph loaded?");
        }
    }

    @Test
    void atItsDefaultBatchSizeAnInt8EmbeddingDependsOnItsTextAlone() {
        List<String> texts = texts();
        MiniLmEncoder q = MiniLmEncoder.sharedOrOpen(MiniLmEncoder.Settings.defaults(MiniLmEncoder.Precision.INT8));
        assertTrue(q.isShared());
        assertEquals(1, q.settings().batchSize());
        float[][] together = q.encode(texts);
        List<String> shuffled = new ArrayList<>(texts);
        Collections.shuffle(shuffled, new Random(5));
        float[][] reordered = q.encode(shuffled);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(together[i], q.encode(texts.get(i)), "alone, text " + i);
            assertArrayEquals(together[i], reordered[shuffled.indexOf(texts.get(i))], "shuffled, text " + i);
        }
    }

    @Test
    void batchedInt8IsDeterministicForTheSameListAndDependsOnTheBatch() {
        List<String> texts = texts();
        MiniLmEncoder.Settings batched = MiniLmEncoder.Settings.defaults(MiniLmEncoder.Precision.INT8).withBatchSize(32);
        try (MiniLmEncoder q = MiniLmEncoder.open(batched)) {
            float[][] first = q.encode(texts);
            float[][] second = q.encode(texts);
            int alike = 0;
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(first[i], second[i], "text " + i);
                alike += java.util.Arrays.equals(first[i], q.encode(texts.get(i))) ? 1 : 0;
            }
            // The documented caveat, checked so that the documentation stays true.
            assertTrue(alike < texts.size(), "every batched int8 embedding equalled the text's own pass");
        }
    }

    @Test
    void int8ProbeIsNamedRecordsItsQuantizationAndSurvivesSaveLoad(@TempDir Path dir) throws IOException {
        try (Classifier model = new Int8Variant.Probe().train(MiniLmClassifiersTest.seedLike(),
                TrainingOptions.seed(7).with("epochs", "15"))) {
            assertEquals("minilm-probe-int8", model.name());
            assertEquals("int8", model.settings().get("precision"));
            assertEquals("1", model.settings().get("encodeBatch"));
            assertEquals(MiniLmGraph.INT8_METHOD, model.settings().get("quantization"));
            assertEquals(ContentHash.sha256(MiniLmGraph.int8(MiniLmFiles.extract())), model.settings().get("int8GraphSha256"));
            model.save(dir);
            ObjectNode config = (ObjectNode) Json.readTree(dir.resolve(MiniLmProbeFactory.CONFIG_FILE));
            assertEquals("int8", config.get("precision").asText());
            try (Classifier loaded = new MiniLmProbeFactory().load(dir)) {
                assertEquals("minilm-probe-int8", loaded.name());
                for (String text : MiniLmClassifiersTest.PROBES) {
                    assertArrayEquals(model.predictProba(text), loaded.predictProba(text), 0.0, text);
                }
            }
            config.put("precision", "int4");
            Json.write(dir.resolve(MiniLmProbeFactory.CONFIG_FILE), config);
            IOException e = assertThrows(IOException.class, () -> new MiniLmProbeFactory().load(dir));
            assertTrue(e.getMessage().contains(MiniLmProbeFactory.CONFIG_FILE) && e.getMessage().contains("'precision'")
                    && e.getMessage().contains("int4"), e.getMessage());
        }
    }

    @Test
    void theSameModelUnderEitherNameAndConflictingPrecisionIsRefused() {
        TrainingOptions options = TrainingOptions.seed(7).with("epochs", "5");
        try (Classifier a = new Int8Variant.Probe().train(MiniLmClassifiersTest.seedLike(), options);
             Classifier b = new MiniLmProbeFactory().train(MiniLmClassifiersTest.seedLike(), options.with("precision", "int8"))) {
            assertEquals(a.name(), b.name());
            assertEquals(a.settings(), b.settings());
            for (String text : MiniLmClassifiersTest.PROBES) {
                assertArrayEquals(a.predictProba(text), b.predictProba(text), 0.0, text);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Int8Variant.ZeroShot()
                .train(MiniLmClassifiersTest.seedLike(), TrainingOptions.seed(7).with("precision", "float32")));
        assertTrue(e.getMessage().contains("minilm-zeroshot-int8") && e.getMessage().contains("use minilm-zeroshot"),
                e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new MiniLmProbeFactory()
                .train(MiniLmClassifiersTest.seedLike(), TrainingOptions.seed(7).with("precision", "int16")));
        assertTrue(bad.getMessage().contains("precision") && bad.getMessage().contains("int16"), bad.getMessage());
        assertFalse(bad.getMessage().contains("\n"));
    }
}
