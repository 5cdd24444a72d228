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
 * End-to-end inference throughput of every registered classifier on real texts: one text per call
 * ({@code single*}, {@code predictProba(String)}) and batches ({@code batch*},
 * {@code predictProba(List)}), at one and two threads. Each thread loads its own model, since the
 * classifier interface does not promise thread safety. The score is calls per second; the bench
 * runner multiplies by the batch size to report texts per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class InferenceBench {

    /** A loaded model and the real texts, one text per call. */
    @State(Scope.Thread)
    public static class Single {
        @Param({"majority"})
        public String classifier;

        Classifier model;
        List<String> texts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            model = Fixture.load(classifier);
            texts = Fixture.texts();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            model.close();
        }

        String nextText() {
            String t = texts.get(next);
            next = next + 1 == texts.size() ? 0 : next + 1;
            return t;
        }
    }

    /** A loaded model and the real texts cut into batches of {@code batchSize}. */
    @State(Scope.Thread)
    public static class Batched {
        @Param({"majority"})
        public String classifier;

        @Param({"32"})
        public int batchSize;

        Classifier model;
        List<List<String>> batches;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            model = Fixture.load(classifier);
            batches = Fixture.batches(Fixture.texts(), batchSize);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            model.close();
        }

        List<String> nextBatch() {
            List<String> b = batches.get(next);
            next = next + 1 == batches.size() ? 0 : next + 1;
            return b;
        }
    }

    @Benchmark
    @Threads(1)
    public double[] single1T(Single s) {
        return s.model.predictProba(s.nextText());
    }

    @Benchmark
    @Threads(2)
    public double[] single2T(Single s) {
        return s.model.predictProba(s.nextText());
    }

    @Benchmark
    @Threads(1)
    public List<double[]> batch1T(Batched s) {
        return s.model.predictProba(s.nextBatch());
    }

    @Benchmark
    @Threads(2)
    public List<double[]> batch2T(Batched s) {
        return s.model.predictProba(s.nextBatch());
    }
}
