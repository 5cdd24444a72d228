package org.stancebench.model.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    /** Texts of equal padded length share batches; one-by-one must then give the same bits. */
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

    /** Without bucketing, a batch padded to its longest text stays within float rounding. */
    @Test
    void paddingToTheLongestTextChangesEmbeddingsOnlyByRounding() {
        MiniLmEncoder encoder = MiniLmEncoder.shared();
        float[][] padded = encoder.forward(encoder.tokenize(TEXTS), 64);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertArrayEquals(encoder.encode(TEXTS.get(i)), padded[i], 1e-5f, "text " + i);
        }
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
}
