package org.stancebench.model.minilm;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The all-MiniLM-L6-v2 sentence encoder: text in, a 384-dimensional unit-length embedding out,
 * computed like sentence-transformers and LangChain4j (mean pooling over the attention mask, then L2
 * normalisation), with the ONNX model run by DJL's OnnxRuntime engine and tokenised by DJL's Hugging
 * Face tokenizer.
 *
 * <p>Guarantees: texts are truncated to {@link Settings#maxTokens()} tokens including {@code [CLS]}
 * and {@code [SEP]}; {@link #encode(List)} sorts texts by token length and runs them in batches of
 * at most {@link Settings#batchSize()} padded only to the longest text of their batch, then returns
 * embeddings in input order; an embedding depends on its text only (batch composition changes it by
 * float rounding, well under 1e-5). Any string, including the empty one, encodes. Thread-safe: the
 * tokenizer and the ONNX Runtime session accept concurrent calls. Holds native memory: close it
 * (except the {@link #shared()} instance, which lives as long as the JVM).
 */
public final class MiniLmEncoder implements AutoCloseable {

    /** Size of every embedding. */
    public static final int DIMENSION = 384;
    /** Default of {@link Settings#padMultiple()}. */
    public static final int DEFAULT_PAD_MULTIPLE = 8;

    /**
     * How an encoder runs.
     *
     * @param maxTokens truncation length in tokens, special tokens included (the reference model
     *     uses 256; up to 512, the model's position limit)
     * @param batchSize largest number of texts per forward pass in {@link #encode(List)}
     * @param intraOpThreads ONNX Runtime intra-op threads for one forward pass
     * @param padMultiple every text, alone or batched, is padded to a multiple of this many tokens;
     *     batches group texts of equal padded length, so a text's embedding does not depend on the
     *     other texts of its batch (1 means no padding and batches of equal lengths only)
     */
    public record Settings(int maxTokens, int batchSize, int intraOpThreads, int padMultiple) {
        /** Validates the ranges. */
        public Settings {
            if (maxTokens < 2 || maxTokens > 512) {
                throw new IllegalArgumentException("maxTokens must be in 2..512, got " + maxTokens);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
            }
            if (padMultiple < 1 || padMultiple > 64) {
                throw new IllegalArgumentException("padMultiple must be in 1..64, got " + padMultiple);
            }
        }

        /** Settings with the default padding multiple. */
        public Settings(int maxTokens, int batchSize, int intraOpThreads) {
            this(maxTokens, batchSize, intraOpThreads, DEFAULT_PAD_MULTIPLE);
        }

        /** 256 tokens, batches of 32, one intra-op thread per available processor, padding to multiples of 8. */
        public static Settings defaults() {
            return new Settings(256, 32, Math.max(1, Runtime.getRuntime().availableProcessors()));
        }

        /** A copy with another truncation length. */
        public Settings withMaxTokens(int tokens) {
            return new Settings(tokens, batchSize, intraOpThreads, padMultiple);
        }

        /** A copy with another batch size. */
        public Settings withBatchSize(int size) {
            return new Settings(maxTokens, size, intraOpThreads, padMultiple);
        }

        /** A copy with another number of intra-op threads. */
        public Settings withIntraOpThreads(int threads) {
            return new Settings(maxTokens, batchSize, threads, padMultiple);
        }

        /** A copy with another padding multiple. */
        public Settings withPadMultiple(int multiple) {
            return new Settings(maxTokens, batchSize, intraOpThreads, multiple);
        }
    }

    /**
     * One tokenised text, unpadded: word-piece ids (with {@code [CLS]} and {@code [SEP]}) and their
     * token type ids; every position is attended to.
     */
    public record Tokens(long[] ids, long[] typeIds) {
        /** Validates that both arrays are present, non-empty and of equal length. */
        public Tokens {
            if (ids == null || typeIds == null || ids.length == 0 || ids.length != typeIds.length) {
                throw new IllegalArgumentException("token ids and type ids must be non-empty and of equal length");
            }
        }

        /** Number of tokens. */
        public int length() {
            return ids.length;
        }
    }

    private static final class SharedHolder {
        static final MiniLmEncoder INSTANCE = open(Settings.defaults());
    }

    private final Settings settings;
    private final MiniLmFiles files;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;

    private MiniLmEncoder(Settings settings, MiniLmFiles files, HuggingFaceTokenizer tokenizer,
                          ZooModel<NDList, NDList> model) {
        this.settings = settings;
        this.files = files;
        this.tokenizer = tokenizer;
        this.model = model;
    }

    /**
     * The JVM-wide encoder with {@link Settings#defaults()}, created on first use. Closing it does
     * nothing, so every user may close what it got.
     */
    public static MiniLmEncoder shared() {
        return SharedHolder.INSTANCE;
    }

    /**
     * The shared encoder when {@code wanted} equals its settings, else a new one the caller owns;
     * {@link #isShared()} tells which.
     */
    public static MiniLmEncoder sharedOrOpen(Settings wanted) {
        return wanted.equals(Settings.defaults()) ? shared() : open(wanted);
    }

    /** A new encoder with its own ONNX Runtime session; the caller closes it. */
    public static MiniLmEncoder open(Settings settings) {
        MiniLmFiles files = MiniLmFiles.extract();
        // DJL must initialise the engine (and ONNX Runtime's environment) before anything else uses it.
        Engine.getEngine("OnnxRuntime");
        Map<String, String> options = new HashMap<>();
        options.put("addSpecialTokens", "true");
        options.put("truncation", "true");
        // tokenizer.json pads every text to 128 tokens; batches pad themselves, so turn that off.
        options.put("padding", "false");
        options.put("maxLength", Integer.toString(settings.maxTokens()));
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(files.tokenizer(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + files.tokenizer() + ": " + e.getMessage(), e);
        }
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine("OnnxRuntime")
                .optModelPath(files.model())
                .optOption("intraOpNumThreads", Integer.toString(settings.intraOpThreads()))
                .optOption("interOpNumThreads", "1")
                .optOption("executionMode", "SEQUENTIAL")
                .optOption("optLevel", "ALL_OPT")
                .build();
        try {
            ZooModel<NDList, NDList> model = criteria.loadModel();
            return new MiniLmEncoder(settings, files, tokenizer, model);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            tokenizer.close();
            throw new IllegalStateException("cannot load the MiniLM ONNX model " + files.model() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The settings this encoder runs with. */
    public Settings settings() {
        return settings;
    }

    /** The model and tokenizer files, with their hashes. */
    public MiniLmFiles files() {
        return files;
    }

    /** Whether this is the JVM-wide instance whose {@link #close()} does nothing. */
    public boolean isShared() {
        return this == SharedHolder.INSTANCE;
    }

    /** Tokenises one text (truncated, with special tokens, unpadded). */
    public Tokens tokenize(String text) {
        return toTokens(tokenizer.encode(text));
    }

    /** Tokenises texts in input order (truncated, with special tokens, unpadded). */
    public List<Tokens> tokenize(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        List<Tokens> out = new ArrayList<>(encodings.length);
        for (Encoding e : encodings) {
            out.add(toTokens(e));
        }
        return out;
    }

    private static Tokens toTokens(Encoding e) {
        return new Tokens(e.getIds(), e.getTypeIds());
    }

    /**
     * One forward pass over {@code batch}, padded to the longest {@link #paddedLength(int)} of its
     * entries, followed by mean pooling and L2 normalisation; one embedding per entry, in order.
     */
    public float[][] forward(List<Tokens> batch) {
        int width = 0;
        for (Tokens t : batch) {
            width = Math.max(width, paddedLength(t.length()));
        }
        return forward(batch, width);
    }

    /**
     * The length a text of {@code tokens} tokens is padded to, alone or in a batch: the next multiple
     * of {@link Settings#padMultiple()} (at most {@link Settings#maxTokens()}).
     */
    public int paddedLength(int tokens) {
        int m = settings.padMultiple();
        return Math.max(tokens, Math.min(((tokens + m - 1) / m) * m, settings.maxTokens()));
    }

    /** One forward pass over {@code batch}, every entry padded to {@code width} tokens. */
    public float[][] forward(List<Tokens> batch, int width) {
        int n = batch.size();
        if (n == 0) {
            return new float[0][];
        }
        for (Tokens t : batch) {
            if (t.length() > width) {
                throw new IllegalArgumentException("a text of " + t.length() + " tokens does not fit width " + width);
            }
        }
        long[] ids = new long[n * width];
        long[] mask = new long[n * width];
        long[] types = new long[n * width];
        for (int i = 0; i < n; i++) {
            Tokens t = batch.get(i);
            System.arraycopy(t.ids(), 0, ids, i * width, t.length());
            System.arraycopy(t.typeIds(), 0, types, i * width, t.length());
            Arrays.fill(mask, i * width, i * width + t.length(), 1L);
        }
        Shape shape = new Shape(n, width);
        float[] hidden;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray idArray = manager.create(LongBuffer.wrap(ids), shape);
            idArray.setName("input_ids");
            NDArray maskArray = manager.create(LongBuffer.wrap(mask), shape);
            maskArray.setName("attention_mask");
            NDArray typeArray = manager.create(LongBuffer.wrap(types), shape);
            typeArray.setName("token_type_ids");
            NDList out = model.getBlock().forward(new ParameterStore(manager, false),
                    new NDList(idArray, maskArray, typeArray), false);
            NDArray last = out.get("last_hidden_state");
            if (last == null) {
                last = out.get(0);
            }
            hidden = last.toFloatArray();
        }
        float[][] result = new float[n][];
        for (int i = 0; i < n; i++) {
            result[i] = meanPoolNormalised(hidden, i, width, batch.get(i).length());
        }
        return result;
    }

    private static float[] meanPoolNormalised(float[] hidden, int row, int width, int length) {
        // Sum in double: the order of float additions would otherwise depend on the padded width.
        double[] sum = new double[DIMENSION];
        int base = row * width * DIMENSION;
        for (int t = 0; t < length; t++) {
            int off = base + t * DIMENSION;
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] += hidden[off + d];
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            sum[d] /= length;
            norm += sum[d] * sum[d];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] out = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            out[d] = (float) (sum[d] / norm);
        }
        return out;
    }

    /** The embedding of one text. */
    public float[] encode(String text) {
        return forward(List.of(tokenize(text)))[0];
    }

    /**
     * Embeddings of {@code texts} in input order, computed in length-sorted batches of at most
     * {@link Settings#batchSize()} texts.
     */
    public float[][] encode(List<String> texts) {
        List<Tokens> tokens = tokenize(texts);
        Integer[] order = new Integer[tokens.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort keeps equal-length texts in input order, so batches are reproducible.
        Arrays.sort(order, Comparator.comparingInt(i -> tokens.get(i).length()));
        float[][] out = new float[tokens.size()][];
        List<Tokens> batch = new ArrayList<>(settings.batchSize());
        int start = 0;
        while (start < order.length) {
            // A batch holds texts of one padded length only, so each text is computed exactly as alone.
            int width = paddedLength(tokens.get(order[start]).length());
            int end = start;
            batch.clear();
            while (end < order.length && end - start < settings.batchSize()
                    && paddedLength(tokens.get(order[end]).length()) == width) {
                batch.add(tokens.get(order[end]));
                end++;
            }
            float[][] embedded = forward(batch, width);
            for (int k = start; k < end; k++) {
                out[order[k]] = embedded[k - start];
            }
            start = end;
        }
        return out;
    }

    /** Releases the ONNX Runtime session and the tokenizer, unless this is the shared instance. */
    @Override
    public void close() {
        if (isShared()) {
            return;
        }
        model.close();
        tokenizer.close();
    }
}
