package org.stancebench.bench.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.stancebench.api.Classifier;

/**
 * The command-line comparison: load a saved model from its directory, then read a file of
 * {@value #LINES} lines (the real texts repeated) and predict every line, as
 * {@code fasttext predict-prob MODEL FILE} does. One shot per iteration, load included.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(2)
@Threads(1)
public class FileBench {

    /** Lines in the file, as in the fastText command-line figures of the issue. */
    public static final int LINES = 200_000;

    /** Where the model and the lines file are. */
    @State(Scope.Benchmark)
    public static class Files200k {
        @Param({"fasttext"})
        public String fileClassifier;

        Path lines;

        @Setup(Level.Trial)
        public void setUp() {
            lines = Fixture.linesFile(Fixture.workDir());
        }
    }

    @Benchmark
    public double loadAndPredictFile(Files200k s) throws IOException {
        double sum = 0;
        try (Classifier model = Fixture.load(s.fileClassifier);
             BufferedReader in = Files.newBufferedReader(s.lines, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                sum += model.predictProba(line)[0];
            }
        }
        return sum;
    }
}
