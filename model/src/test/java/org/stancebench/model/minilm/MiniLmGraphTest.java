package org.stancebench.model.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmGraphTest {

    /** The fused graph computes what the original computes, to float rounding, text by text. */
    @Test
    void fusedGraphMatchesTheOriginalGraph() {
        List<String> texts = new ArrayList<>(MiniLmEncoderTest.TEXTS);
        for (int i = 0; i < 30; i++) {
            texts.add("Sentence " + i + ": " + "several more words ".repeat(i % 9) + "and an end.");
        }
        texts.add("word ".repeat(600)); // truncated to 256 tokens: the longest position embeddings
        MiniLmEncoder.Settings settings = MiniLmEncoder.Settings.defaults();
        try (MiniLmEncoder original = MiniLmEncoder.open(settings, false);
             MiniLmEncoder fused = MiniLmEncoder.open(settings, true)) {
            float[][] a = original.encode(texts);
            float[][] b = fused.encode(texts);
            double worst = 0;
            for (int i = 0; i < texts.size(); i++) {
                for (int d = 0; d < MiniLmEncoder.DIMENSION; d++) {
                    worst = Math.max(worst, Math.abs(a[i][d] - b[i][d]));
                }
            }
            assertTrue(worst < 1e-5, "largest difference " + worst);
            // and not by accident the same graph: the fused one differs somewhere by rounding
            assertTrue(worst > 0, "the fused graph gave bit-identical embeddings; is it loaded?");
        }
    }

    @Test
    void fusedFileIsWrittenOnceAndIsSmallerInOperatorsNotWeights() throws Exception {
        MiniLmFiles files = MiniLmFiles.extract();
        var path = MiniLmGraph.fused(files);
        assertTrue(Files.isRegularFile(path));
        assertEquals(path, MiniLmGraph.fused(files));
        long original = Files.size(files.model());
        long fused = Files.size(path);
        // Same weights (query, key and value joined, nothing dropped), far fewer operator records.
        assertTrue(Math.abs(original - fused) < original / 100, original + " vs " + fused);
    }

    @Test
    void aGraphWithoutTheExpectedWeightsIsRefusedByName() {
        byte[] empty = {0x3a, 0x00}; // a model whose graph (field 7) is empty
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MiniLmGraph.fuse(empty));
        assertTrue(e.getMessage().contains("/embeddings/LayerNorm/Constant_1"), e.getMessage());
    }
}
