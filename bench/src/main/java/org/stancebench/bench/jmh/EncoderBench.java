package org.stancebench.bench.jmh;

import ai.djl.engine.Engine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentence encoding with all-MiniLM-L6-v2 at batch 32 on the same real texts: LangChain4j's
 * in-process model ({@code embedAll}, the JVM peer) beside ours. One calling thread; each library
 * uses the cores as it chooses (LangChain4j spreads {@code embedAll} over its executor, ours over
 * ONNX Runtime's intra-op threads), which is how each is used.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(1)
public class EncoderBench {

    /** Texts per {@code embedAll} call. */
    public static final int BATCH = 32;

    /** LangChain4j's model and the texts as its segments. */
    @State(Scope.Benchmark)
    public static class LangChain4j {
        AllMiniLmL6V2EmbeddingModel model;
        List<List<TextSegment>> batches;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            // DJL's OnnxRuntime engine loads the native library the project pins before anything
            // touches OrtEnvironment (see DEVELOPERS.md).
            Engine.getEngine("OnnxRuntime");
            model = new AllMiniLmL6V2EmbeddingModel();
            batches = new ArrayList<>();
            for (List<String> batch : Fixture.batches(Fixture.texts(), BATCH)) {
                batches.add(batch.stream().map(TextSegment::from).toList());
            }
        }

        List<TextSegment> nextBatch() {
            List<TextSegment> b = batches.get(next);
            next = next + 1 == batches.size() ? 0 : next + 1;
            return b;
        }
    }

    /** Our encoder, as {@code minilm-probe} and {@code minilm-zeroshot} use it. */
    @Benchmark
    public float[][] minilm(StageBench.MiniLm s) {
        return s.encoder.encode(s.batches.get(s.nextIndex()));
    }

    @Benchmark
    public List<Embedding> langchain4j(LangChain4j s) {
        return s.model.embedAll(s.nextBatch()).content();
    }
}
