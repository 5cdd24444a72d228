package org.stancebench.model.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniLmEncoderTest {

    static final List<String> TEXTS = List.of(
            "The new policy will finally fix the housing crisis!",
            "Sure, because that worked so well last time.",
            "",
            "🙂🙂🙂",
            "Мы надеемся на лучшее, но готовимся к худшему.",
            "I'm not convinced the numbers add up; show me the data before I believe any of this.",
            "ok");

    @Test
    void embeddingsAreUnitLengthWithTheModelDimension() {
        float[][] e = MiniLmEncoder.shared().encode(TEXTS);
        assertEquals(TEXTS.size(), e.length);
        for (float[] v : e) {
            assertEquals(MiniLmEncoder.DIMENSION, v.length);
            double norm = 0;
            for (float x : v) {
                assertTrue(Float.isFinite(x));
                norm += x * x;
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-5);
        }
    }

    /** Batched texts share passes with others; one-by-one must give the same bits. */
    @Test
    void batchedEncodingEqualsOneByOneExactly() {
        MiniLmEncoder encoder = MiniLmEncoder.shared();
        List<String> texts = new ArrayList<>(TEXTS);
        for (int i = 0; i < 12; i++) {
            texts.add("Variant number " + i + " of a sentence with several words in it.");
        }
        float[][] batched = encoder.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(encoder.encode(texts.get(i)), batched[i], 0f, "text " + i);
        }
    }

    /** Forward passes run side by side must not change a single bit, nor the order of the results. */
    @Test
    void parallelEncodingEqualsSequentialExactly() {
        List<String> texts = new ArrayList<>(TEXTS);
        for (int i = 0; i < 40; i++) {
            texts.add("Sentence " + i + ": " + "more words ".repeat(i % 7) + "and an end.");
        }
        MiniLmEncoder.Settings base = MiniLmEncoder.Settings.defaults().withBatchSize(4);
        try (MiniLmEncoder one = MiniLmEncoder.open(base.withThreads(1));
             MiniLmEncoder three = MiniLmEncoder.open(base.withThreads(3))) {
            float[][] sequential = one.encode(texts);
            float[][] parallel = three.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(sequential[i], parallel[i], 0f, "text " + i);
                assertArrayEquals(one.encode(texts.get(i)), parallel[i], 0f, "text " + i + " alone");
            }
        }
    }

    /**
     * What {@link MiniLmEncoder#batches} relies on: with one intra-op thread, padding and the other
     * texts of a batch change no bit of an embedding.
     */
    @Test
    void paddingAndBatchCompanionsChangeNoBit() {
        MiniLmEncoder encoder = MiniLmEncoder.shared();
        assertEquals(1, encoder.settings().intraOpThreads());
        List<MiniLmEncoder.Tokens> tokens = encoder.tokenize(TEXTS);
        int longest = tokens.stream().mapToInt(MiniLmEncoder.Tokens::length).max().orElseThrow();
        int longestOfTwo = Math.max(tokens.get(0).length(), tokens.get(1).length());
        for (int extra = 0; extra <= 40; extra++) {
            float[][] padded = encoder.forward(tokens, longest + extra);
            float[][] firstTwo = encoder.forward(tokens.subList(0, 2), longestOfTwo + extra);
            for (int i = 0; i < TEXTS.size(); i++) {
                float[] alone = encoder.forward(List.of(tokens.get(i)), tokens.get(i).length())[0];
                assertArrayEquals(alone, padded[i], 0f, "text " + i + " with " + extra + " more padding");
                if (i < 2) {
                    assertArrayEquals(alone, firstTwo[i], 0f, "text " + i + " in a batch of two");
                }
            }
        }
    }

    @Test
    void batchesSplitWhereThePaddingSavedOutweighsAPass() {
        // Equal lengths: as few passes as the cap allows.
        assertBatches(List.of(new int[] {0, 4, 20}, new int[] {4, 8, 20}), new int[] {20, 20, 20, 20, 20, 20, 20, 20}, 4);
        // Close lengths share a pass; a far longer text gets its own rather than padding the rest.
        assertBatches(List.of(new int[] {0, 3, 12}, new int[] {3, 4, 120}), new int[] {10, 11, 12, 120}, 32);
        assertEquals(List.of(), MiniLmEncoder.batches(new int[0], 8));
    }

    /** The dynamic programme against every way of cutting random sorted lengths. */
    @Test
    void batchesAreTheCheapestSplit() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(10);
            int[] lengths = random.ints(n, 2, 90).sorted().toArray();
            int cap = 1 + random.nextInt(5);
            double best = Double.POSITIVE_INFINITY;
            for (int mask = 0; mask < 1 << (n - 1); mask++) { // bit k set: cut after text k
                double cost = 0;
                int start = 0;
                boolean fits = true;
                for (int end = 1; end <= n; end++) {
                    if (end == n || (mask & 1 << (end - 1)) != 0) {
                        fits &= end - start <= cap;
                        cost += MiniLmEncoder.PASS_COST_TOKENS + (end - start) * MiniLmEncoder.textCost(lengths[end - 1]);
                        start = end;
                    }
                }
                if (fits) {
                    best = Math.min(best, cost);
                }
            }
            double got = 0;
            int covered = 0;
            for (int[] b : MiniLmEncoder.batches(lengths, cap)) {
                assertEquals(covered, b[0]);
                assertTrue(b[1] - b[0] <= cap);
                assertEquals(lengths[b[1] - 1], b[2]);
                got += MiniLmEncoder.PASS_COST_TOKENS + (b[1] - b[0]) * MiniLmEncoder.textCost(b[2]);
                covered = b[1];
            }
            assertEquals(n, covered);
            assertEquals(best, got, 1e-9, "lengths " + java.util.Arrays.toString(lengths) + " cap " + cap);
        }
    }

    private static void assertBatches(List<int[]> expected, int[] lengths, int cap) {
        List<int[]> got = MiniLmEncoder.batches(lengths, cap);
        assertEquals(expected.size(), got.size(), "number of batches");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), got.get(i), "batch " + i);
        }
    }

    /** The list path reads ids straight from the native encodings; it must agree with DJL's. */
    @Test
    void batchTokenizingEqualsOneByOne() {
        MiniLmEncoder encoder = MiniLmEncoder.shared();
        List<String> texts = new ArrayList<>(TEXTS);
        texts.add("word ".repeat(600));
        List<MiniLmEncoder.Tokens> batch = encoder.tokenize(texts);
        assertEquals(texts.size(), batch.size());
        for (int i = 0; i < texts.size(); i++) {
            MiniLmEncoder.Tokens one = encoder.tokenize(texts.get(i));
            assertArrayEquals(one.ids(), batch.get(i).ids(), "text " + i);
            assertArrayEquals(one.typeIds(), batch.get(i).typeIds(), "text " + i);
        }
        assertEquals(256, batch.get(texts.size() - 1).length());
    }

    @Test
    void longTextIsTruncatedToTheConfiguredLength() {
        String longText = "word ".repeat(20_000);
        MiniLmEncoder encoder = MiniLmEncoder.shared();
        assertEquals(256, encoder.tokenize(longText).length());
        assertEquals(MiniLmEncoder.DIMENSION, encoder.encode(longText).length);
        try (MiniLmEncoder wide = MiniLmEncoder.open(encoder.settings().withMaxTokens(512).withBatchSize(4))) {
            assertEquals(512, wide.tokenize(longText).length());
            float[][] both = wide.encode(List.of(longText, "short"));
            assertEquals(2, both.length);
            assertEquals(MiniLmEncoder.DIMENSION, both[0].length);
            assertEquals(MiniLmEncoder.DIMENSION, both[1].length);
        }
    }

    /** Reference: LangChain4j's AllMiniLmL6V2EmbeddingModel (same ONNX file, same tokenizer). */
    @Test
    void matchesLangChain4jWithinCosine1e4() {
        List<String> texts = List.of(TEXTS.get(0), TEXTS.get(1), TEXTS.get(4), TEXTS.get(5));
        // DJL creates ONNX Runtime's environment with its own thread settings: it must come first.
        float[][] ours = MiniLmEncoder.shared().encode(texts);
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            Embedding theirs = reference.embed(texts.get(i)).content();
            float[] v = theirs.vector();
            double dot = 0;
            double nTheirs = 0;
            for (int d = 0; d < v.length; d++) {
                dot += v[d] * ours[i][d];
                nTheirs += v[d] * v[d];
            }
            double cosine = dot / Math.sqrt(nTheirs);
            assertEquals(1.0, cosine, 1e-4, "text " + i);
        }
    }

    @Test
    void filesAreReusedFromTheCache() {
        MiniLmFiles first = MiniLmFiles.extract();
        MiniLmFiles second = MiniLmFiles.extract();
        assertEquals(first, second);
        assertEquals(64, first.modelSha256().length());
        List<String> none = new ArrayList<>();
        assertEquals(0, MiniLmEncoder.shared().encode(none).length);
    }

    @Test
    void aDamagedRewrittenGraphIsNamedAndDeletingItRepairsIt(@TempDir Path root) throws Exception {
        MiniLmFiles files = MiniLmFiles.extract(root);
        Path fused = MiniLmGraph.fused(files);
        Files.write(fused, new byte[] {8, 1, 0, 7});
        MiniLmEncoder.Settings settings = MiniLmEncoder.Settings.defaults().withThreads(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MiniLmEncoder.open(settings, true, files));
        assertTrue(e.getMessage().startsWith("cannot load the MiniLM ONNX model " + fused + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(rewritten from model.onnx; delete it and it is written again)"),
                e.getMessage());

        Files.delete(fused);
        try (MiniLmEncoder repaired = MiniLmEncoder.open(settings, true, files)) {
            assertArrayEquals(MiniLmEncoder.shared().encode(TEXTS.get(0)), repaired.encode(TEXTS.get(0)));
        }
    }
}
