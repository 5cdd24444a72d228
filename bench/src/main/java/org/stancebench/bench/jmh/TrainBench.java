package org.stancebench.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.io.Json;
import org.stancebench.model.ClassifierRegistry;

/**
 * Training time with one fixed configuration, the peer's way: the command-line comparison of
 * {@code fasttext supervised}, which reads the training file, trains one configuration and writes
 * the model. One shot per iteration: featurizing, training and saving the model, on the run's
 * training examples ({@code train.tsv}), with the settings the measured model ended up with
 * ({@code settings.json}) and no dev split, so no settings grid is searched.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(2)
@Threads(1)
public class TrainBench {

    /** Settings that choose among configurations rather than being one; left out of the fixed run. */
    private static final java.util.Set<String> TUNING = java.util.Set.of("dev_score", "tuned_on_dev", "lr_grid",
            "epoch_grid", "C_grid", "tune_metric");

    /** The training data and the fixed settings. */
    @State(Scope.Benchmark)
    public static class Fixed {
        @Param({"fasttext"})
        public String trainClassifier;

        ClassifierFactory factory;
        TrainingData data;
        Map<String, String> settings;
        long seed;
        Path out;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Path work = Fixture.workDir();
            factory = ClassifierRegistry.get(trainClassifier);
            List<LabeledText> train = new ArrayList<>();
            TreeSet<String> labels = new TreeSet<>();
            List<String> lines = Files.readAllLines(Fixture.trainFile(work), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IOException(Fixture.trainFile(work) + ": line " + (i + 1) + " has no label TAB text");
                }
                String label = line.substring(0, tab);
                labels.add(label);
                train.add(new LabeledText("train-" + i, line.substring(tab + 1), label));
            }
            data = new TrainingData(List.copyOf(labels), train, List.of(), "bench/train.tsv");
            JsonNode saved = Json.readTree(work.resolve("settings.json")).path(trainClassifier);
            settings = new TreeMap<>();
            saved.fields().forEachRemaining(e -> {
                if (!TUNING.contains(e.getKey()) && !e.getKey().equals("seed")) {
                    settings.put(e.getKey(), e.getValue().asText());
                }
            });
            seed = saved.path("seed").asLong(42);
            out = Files.createDirectories(work.resolve("tmp").resolve("train-bench-" + trainClassifier));
        }
    }

    @Benchmark
    public Path trainAndSave(Fixed s) {
        try (Classifier model = s.factory.train(s.data, new TrainingOptions(s.seed, s.settings, m -> { }))) {
            model.save(s.out);
            return s.out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
