package org.stancebench.model.minilm;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.Device;
import ai.djl.Model;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The all-MiniLM-L6-v2 sentence encoder: text in, a 384-dimensional unit-length embedding out,
 * computed like sentence-transformers and LangChain4j (mean pooling over the attention mask, then L2
 * normalisation), with the ONNX model run by DJL's OnnxRuntime engine and tokenised by DJL's Hugging
 * Face tokenizer.
 *
 * <p>Guarantees: texts are truncated to {@link Settings#maxTokens()} tokens including {@code [CLS]}
 * and {@code [SEP]}; {@link #encode(List)} sorts texts by token length, groups them into batches of
 * at most {@link Settings#batchSize()} texts (see {@link #batches(int[], int)}), pads each batch to
 * its longest text and returns embeddings in input order. With one intra-op thread (the default)
 * ONNX Runtime computes a text's positions the same whatever the padding and the other texts of its
 * batch, so an embedding depends on its text only, bit for bit (tests check this for every width
 * of up to 40 padding tokens). Any string, including the empty one, encodes. Thread-safe: the
 * tokenizer and the ONNX Runtime session accept concurrent calls, and {@link #encode(List)} itself
 * runs up to {@link Settings#threads()} forward passes side by side. Holds native memory: close it
 * (except the {@link #shared()} instance, which lives as long as the JVM).
 */
public final class MiniLmEncoder implements AutoCloseable {

    /** Size of every embedding. */
    public static final int DIMENSION = 384;
    /**
     * The fixed cost of one forward pass in {@link #batches(int[], int)}'s cost model, in tokens.
     * Set on the unfused graph, where on one core of this project's 2-core AVX2 EPYC VM a pass of 2
     * tokens took 3.9 ms (reading the 90 MB of weights, operator overheads) and each further token
     * about 0.3 ms. On the fused graph a fit over 15 batch shapes gives 1.06 ms fixed and 0.25 ms a
     * token (4.3 tokens); 4 and 10 encoded TweetEval irony batches of 32 equally fast within the
     * noise (two runs each), so the value stayed.
     */
    static final double PASS_COST_TOKENS = 10;
    /**
     * Multiply-adds per token of the projections and feed-forward layers (1,769,472) over those of
     * attention per token and position (768): see {@link #textCost(int)}.
     */
    private static final double ATTENTION_TOKENS = 2304;

    /**
     * How an encoder runs.
     *
     * @param maxTokens truncation length in tokens, special tokens included (the reference model
     *     uses 256; up to 512, the model's position limit)
     * @param batchSize largest number of texts per forward pass in {@link #encode(List)}
     * @param threads forward passes {@link #encode(List)} runs at the same time, each on its own
     *     batch (data parallelism: the calling thread plus {@code threads - 1} encoder threads)
     * @param intraOpThreads ONNX Runtime intra-op threads inside one forward pass
     * @param spinWait whether idle ONNX Runtime intra-op threads spin (ONNX Runtime's own default)
     *     rather than sleep; only matters with more than one intra-op thread
     * @param precision the arithmetic of the weight matrix products
     */
    public record Settings(int maxTokens, int batchSize, int threads, int intraOpThreads, boolean spinWait,
                           Precision precision) {
        /** Validates the ranges. */
        public Settings {
            java.util.Objects.requireNonNull(precision, "precision");
            if (maxTokens < 2 || maxTokens > 512) {
                throw new IllegalArgumentException("maxTokens must be in 2..512, got " + maxTokens);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be in 1..256, got " + threads);
            }
            if (intraOpThreads < 1 || intraOpThreads > 256) {
                throw new IllegalArgumentException("intraOpThreads must be in 1..256, got " + intraOpThreads);
            }
        }

        /**
         * Settings with {@code threads} parallel forward passes of one intra-op thread each and no
         * spin-waiting.
         */
        public Settings(int maxTokens, int batchSize, int threads) {
            this(maxTokens, batchSize, threads, 1, false, Precision.FLOAT32);
        }

        /**
         * 256 tokens, batches of 32, one forward pass per available processor with one intra-op
         * thread each. Measured on 2 cores (TweetEval irony texts, batch
         * 32): two single-threaded passes side by side encode about 30% more texts per second than
         * one pass on two intra-op threads, whose small matrix products split poorly.
         */
        public static Settings defaults() {
            return new Settings(256, 32, Math.max(1, Runtime.getRuntime().availableProcessors()));
        }

        /**
         * {@link #defaults()} in {@code precision}; int8 encodes one text per forward pass (batch size
         * 1), because its activations are quantized with one scale per pass: in a pass of several
         * texts, a text's embedding would depend on the others (see {@link Precision#INT8}).
         */
        public static Settings defaults(Precision precision) {
            Settings d = defaults().withPrecision(precision);
            return precision == Precision.INT8 ? d.withBatchSize(1) : d;
        }

        /** A copy with another truncation length. */
        public Settings withMaxTokens(int tokens) {
            return new Settings(tokens, batchSize, threads, intraOpThreads, spinWait, precision);
        }

        /** A copy with another batch size. */
        public Settings withBatchSize(int size) {
            return new Settings(maxTokens, size, threads, intraOpThreads, spinWait, precision);
        }

        /** A copy with another number of parallel forward passes. */
        public Settings withThreads(int n) {
            return new Settings(maxTokens, batchSize, n, intraOpThreads, spinWait, precision);
        }

        /** A copy with another number of intra-op threads per forward pass. */
        public Settings withIntraOpThreads(int n) {
            return new Settings(maxTokens, batchSize, threads, n, spinWait, precision);
        }

        /** A copy with another precision. */
        public Settings withPrecision(Precision p) {
            return new Settings(maxTokens, batchSize, threads, intraOpThreads, spinWait, p);
        }

        /** A copy with spin-waiting on or off. */
        public Settings withSpinWait(boolean spin) {
            return new Settings(maxTokens, batchSize, threads, intraOpThreads, spin, precision);
        }
    }

    /**
     * The arithmetic of the encoder's weight matrix products: {@code float32} (the shipped model,
     * fused) or {@code int8} (the same fused graph with int8 weights and dynamically quantized
     * activations, see {@link MiniLmGraph#INT8_METHOD}); everything else is float32 in both.
     *
     * <p>int8 quantizes each matrix product's input with one scale for the whole pass (the largest
     * magnitude in it). A pass over one text therefore depends on that text alone, and int8 keeps
     * the float32 guarantee (an embedding depends on its text only, whatever else is encoded with
     * it) at its default batch size of 1; with a larger batch size, an embedding also depends on the
     * texts batched with it (the same list of texts still gives the same embeddings).
     */
    public enum Precision {
        FLOAT32("float32"),
        INT8("int8");

        private final String id;

        Precision(String id) {
            this.id = id;
        }

        /** The name used in settings and provenance: {@code float32} or {@code int8}. */
        public String id() {
            return id;
        }

        /** The precision named {@code id}, or an exception naming the known ones. */
        public static Precision of(String id) {
            for (Precision p : values()) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown precision '" + id + "'; known: float32, int8");
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
        static final MiniLmEncoder INSTANCE = open(Settings.defaults()).markShared();
    }

    private static final class SharedInt8Holder {
        static final MiniLmEncoder INSTANCE = open(Settings.defaults(Precision.INT8)).markShared();
    }

    private final Settings settings;
    private final MiniLmFiles files;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private ExecutorService pool;
    private volatile boolean shared;

    private MiniLmEncoder(Settings settings, MiniLmFiles files, HuggingFaceTokenizer tokenizer,
                          Model model) {
        this.settings = settings;
        this.files = files;
        this.tokenizer = tokenizer;
        this.model = model;
    }

    /**
     * The JVM-wide encoder with {@link Settings#defaults()}, created on first use. Closing it does
     * nothing, so every user may close what it got. (There is a second JVM-wide encoder, with the
     * default settings in int8, that {@link #sharedOrOpen(Settings)} hands out.)
     */
    public static MiniLmEncoder shared() {
        return SharedHolder.INSTANCE;
    }

    /**
     * The shared encoder (float32 or int8) when {@code wanted} equals its settings, else a new one the caller owns;
     * {@link #isShared()} tells which.
     */
    public static MiniLmEncoder sharedOrOpen(Settings wanted) {
        if (wanted.equals(Settings.defaults())) {
            return shared();
        }
        if (wanted.equals(Settings.defaults(Precision.INT8))) {
            return SharedInt8Holder.INSTANCE;
        }
        return open(wanted);
    }

    /**
     * A new encoder with its own ONNX Runtime session over the fused graph ({@link MiniLmGraph});
     * the caller closes it.
     */
    public static MiniLmEncoder open(Settings settings) {
        return open(settings, true);
    }

    /** {@link #open(Settings)}, over the fused graph or the original one (for tests). */
    static MiniLmEncoder open(Settings settings, boolean fusedGraph) {
        return open(settings, fusedGraph, MiniLmFiles.extract());
    }

    /** {@link #open(Settings, boolean)} over files extracted elsewhere (for tests). */
    static MiniLmEncoder open(Settings settings, boolean fusedGraph, MiniLmFiles files) {
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
        Path graph;
        try {
            graph = settings.precision() == Precision.INT8 ? MiniLmGraph.int8(files)
                    : fusedGraph ? MiniLmGraph.fused(files) : files.model();
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        Model model = Model.newInstance("all-minilm-l6-v2", Device.cpu(), "OnnxRuntime");
        try {
            // DJL's OrtModel applies these on top of the SessionOptions object it is given.
            OrtSession.SessionOptions session = new OrtSession.SessionOptions();
            if (!settings.spinWait()) {
                // Spinning intra-op threads help a quiet machine a little and cost a busy one a lot.
                session.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            Map<String, Object> modelOptions = new HashMap<>();
            modelOptions.put("sessionOptions", session);
            modelOptions.put("intraOpNumThreads", Integer.toString(settings.intraOpThreads()));
            modelOptions.put("interOpNumThreads", "1");
            modelOptions.put("executionMode", "SEQUENTIAL");
            // Basic graph optimisations only: the extended ones fuse LayerNormalization, whose CPU
            // kernel ran slower than the unfused operators here (ONNX Runtime's profiler, 16 texts
            // of 24 tokens, one thread: non-MatMul operators 17 ms per pass basic, 23 ms extended).
            modelOptions.put("optLevel", "BASIC_OPT");
            model.load(files.directory(), graph.getFileName().toString().replaceFirst("\\.onnx$", ""), modelOptions);
            return new MiniLmEncoder(settings, files, tokenizer, model);
        } catch (IOException | MalformedModelException | OrtException e) {
            model.close();
            tokenizer.close();
            String cache = graph.equals(files.model()) ? ""
                    : " (rewritten from " + files.model().getFileName() + "; delete it and it is written again)";
            throw new IllegalStateException("cannot load the MiniLM ONNX model " + graph + ": "
                    + e.getMessage() + cache, e);
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
        return shared;
    }

    private MiniLmEncoder markShared() {
        shared = true;
        return this;
    }

    /** Tokenises one text (truncated, with special tokens, unpadded). */
    public Tokens tokenize(String text) {
        return toTokens(tokenizer.encode(text));
    }

    /**
     * Tokenises texts in input order (truncated, with special tokens, unpadded), as
     * {@link HuggingFaceTokenizer#batchEncode(List)} would, reading only the token and type ids:
     * its {@link Encoding}s also fetch tokens, offsets and masks, which took more than half of the
     * time (4.0 against 1.7 ms per 32 TweetEval texts).
     */
    public List<Tokens> tokenize(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        long[] encodings = TokenizersLibrary.LIB.batchEncode(tokenizer.getHandle(), texts.toArray(String[]::new), true);
        List<Tokens> out = new ArrayList<>(encodings.length);
        try {
            for (long e : encodings) {
                out.add(new Tokens(TokenizersLibrary.LIB.getTokenIds(e), TokenizersLibrary.LIB.getTypeIds(e)));
            }
        } finally {
            for (long e : encodings) {
                TokenizersLibrary.LIB.deleteEncoding(e);
            }
        }
        return out;
    }

    private static Tokens toTokens(Encoding e) {
        return new Tokens(e.getIds(), e.getTypeIds());
    }

    /**
     * One forward pass over {@code batch}, padded to its longest entry, followed by mean pooling and
     * L2 normalisation; one embedding per entry, in order.
     */
    public float[][] forward(List<Tokens> batch) {
        int width = 0;
        for (Tokens t : batch) {
            width = Math.max(width, t.length());
        }
        return forward(batch, width);
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
     * Embeddings of {@code texts} in input order, computed in length-sorted batches (see
     * {@link #batches(int[], int)}), up to {@link Settings#threads()} batches at a time.
     */
    public float[][] encode(List<String> texts) {
        return encodeTokens(tokenize(texts));
    }

    /**
     * {@link #encode(List)} after tokenizing: embeddings of already tokenised texts, in input
     * order, batched and run side by side the same way.
     */
    public float[][] encodeTokens(List<Tokens> tokens) {
        Integer[] order = new Integer[tokens.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort keeps equal-length texts in input order, so batches are reproducible.
        Arrays.sort(order, Comparator.comparingInt(i -> tokens.get(i).length()));
        int[] lengths = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            lengths[i] = tokens.get(order[i]).length();
        }
        // At most an even share of the texts per batch, so that every thread has work.
        int share = Math.max(1, Math.min(settings.batchSize(),
                (order.length + settings.threads() - 1) / settings.threads()));
        List<int[]> jobs = batches(lengths, share);
        // Largest first, so the last job to finish is a small one.
        jobs.sort(Comparator.comparingDouble((int[] j) -> -(j[1] - j[0]) * textCost(j[2])));
        float[][] out = new float[tokens.size()][];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            List<Tokens> batch = new ArrayList<>();
            for (int j = next.getAndIncrement(); j < jobs.size(); j = next.getAndIncrement()) {
                int[] job = jobs.get(j);
                batch.clear();
                for (int k = job[0]; k < job[1]; k++) {
                    batch.add(tokens.get(order[k]));
                }
                float[][] embedded = forward(batch, job[2]);
                for (int k = job[0]; k < job[1]; k++) {
                    out[order[k]] = embedded[k - job[0]];
                }
            }
        };
        int helpers = Math.min(settings.threads(), jobs.size()) - 1;
        if (helpers <= 0) {
            worker.run();
            return out;
        }
        List<Future<?>> running = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            running.add(pool().submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("MiniLM encoding failed: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while encoding", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    /**
     * Splits texts sorted by token length into consecutive batches of at most {@code maxTexts}
     * texts, each padded to its longest text, minimising the modelled cost: per batch
     * {@link #PASS_COST_TOKENS}, plus per text {@link #textCost(int)} of the padded width. Fewer,
     * larger batches save the fixed cost of a pass, more, narrower ones save padding; dynamic
     * programming over the cut points finds the cheapest split exactly.
     *
     * @param lengths token lengths, ascending
     * @return batches as {@code {start, end, width}} over {@code lengths}, in order
     */
    static List<int[]> batches(int[] lengths, int maxTexts) {
        int n = lengths.length;
        double[] best = new double[n + 1];
        int[] cut = new int[n + 1];
        for (int end = 1; end <= n; end++) {
            double perText = textCost(lengths[end - 1]);
            best[end] = Double.POSITIVE_INFINITY;
            for (int start = Math.max(0, end - maxTexts); start < end; start++) {
                double cost = best[start] + PASS_COST_TOKENS + (end - start) * perText;
                if (cost < best[end]) {
                    best[end] = cost;
                    cut[end] = start;
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int end = n; end > 0; end = cut[end]) {
            out.add(new int[] {cut[end], end, lengths[end - 1]});
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * The modelled cost of one text padded to {@code width} tokens, in tokens: the projections and
     * feed-forward layers cost the same per token, attention adds {@code width / 2304} per token
     * (768 multiply-adds per token and position, against 1,769,472).
     */
    static double textCost(int width) {
        return width * (1 + width / ATTENTION_TOKENS);
    }

    /** The encoder's daemon threads, started on first parallel use. */
    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(settings.threads() - 1, r -> {
                Thread t = new Thread(r, "minilm-encoder-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** Releases the ONNX Runtime session and the tokenizer, unless this is the shared instance. */
    @Override
    public void close() {
        if (isShared()) {
            return;
        }
        synchronized (this) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        model.close();
        tokenizer.close();
    }
}
