package org.stancebench.bench.jmh;

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
import org.stancebench.api.Classifier;

/**
 * End-to-end throughput against text length: texts of exactly {@code textLength} whitespace tokens,
 * made from the real texts' words, one text per call, one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
public class ScalingBench {

    /** A loaded model and 64 texts of one length. */
    @State(Scope.Thread)
    public static class Sized {
        @Param({"majority"})
        public String scaledClassifier;

        @Param({"16", "64", "128", "256", "512"})
        public int textLength;

        Classifier model;
        List<String> texts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            model = Fixture.load(scaledClassifier);
            texts = Fixture.ofLength(Fixture.texts(), textLength, 64);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            model.close();
        }
    }

    @Benchmark
    public double[] scaling(Sized s) {
        String t = s.texts.get(s.next);
        s.next = s.next + 1 == s.texts.size() ? 0 : s.next + 1;
        return s.model.predictProba(t);
    }
}
