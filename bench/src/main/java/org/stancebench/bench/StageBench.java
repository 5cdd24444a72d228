package org.stancebench.bench;

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
import org.stancebench.model.minilm.MiniLmEncoder;

/**
 * One stage of an inference pipeline at a time, so that a slowdown can be located: tokenizing,
 * featurizing and scoring for the sparse classifiers, tokenizing and the forward pass for MiniLM.
 * Method names end with the batch size when it is not 1.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
public class StageBench {

    /** Texts per call of a stage benchmark method. */
    static int batchOf(String method) {
        return method.endsWith("32") ? 32 : 1;
    }

    /**
     * The shared MiniLM encoder (the one {@code minilm-probe} and {@code minilm-zeroshot} use) with
     * the real texts in batches of 32, raw and tokenised.
     */
    @State(Scope.Benchmark)
    public static class MiniLm {
        MiniLmEncoder encoder;
        List<List<String>> batches;
        List<List<MiniLmEncoder.Tokens>> tokenized;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            encoder = MiniLmEncoder.shared();
            batches = Fixture.batches(Fixture.texts(), 32);
            tokenized = batches.stream().map(encoder::tokenize).toList();
        }

        int nextIndex() {
            int i = next;
            next = next + 1 == batches.size() ? 0 : next + 1;
            return i;
        }
    }

    @Benchmark
    public List<MiniLmEncoder.Tokens> minilmTokenize32(MiniLm s) {
        return s.encoder.tokenize(s.batches.get(s.nextIndex()));
    }

    @Benchmark
    public float[][] minilmForward32(MiniLm s) {
        return s.encoder.forward(s.tokenized.get(s.nextIndex()));
    }
}
