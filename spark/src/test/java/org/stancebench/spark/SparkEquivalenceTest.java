package org.stancebench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;
import org.stancebench.eval.results.TweetEvalResult;
import org.stancebench.eval.results.VastResult;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.Job;
import org.stancebench.experiments.LocalExecutor;
import org.stancebench.experiments.protocol.CrossValidation;
import org.stancebench.experiments.protocol.EvalOptions;
import org.stancebench.experiments.seed.SeedReproduction;
import org.stancebench.experiments.seed.SeedReproductionOptions;
import org.stancebench.experiments.tweeteval.TweetEvalOptions;
import org.stancebench.experiments.tweeteval.TweetEvalReproduction;
import org.stancebench.experiments.vast.VastOptions;
import org.stancebench.experiments.vast.VastReproduction;

/** Spark (embedded, local[2]) computes exactly what the local engine computes. */
class SparkEquivalenceTest {

    static SparkExecutor spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = new SparkExecutor("local[2]", Map.of());
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void crossValidationEqualsTheLocalEngine() throws IOException {
        SeedDataset.build(dir.resolve("seed"), 13);
        Dataset full = Dataset.load(dir.resolve("seed"));
        Dataset data = new Dataset(full.name(), full.labels(), full.examples(), full.folds(0), full.fingerprint());
        for (String name : List.of("naive-bayes", "tfidf-logreg", "textcnn")) {
            RunResult local;
            try (LocalExecutor executor = LocalExecutor.sequential()) {
                local = CrossValidation.run(ClassifierSource.registered(name), data, List.of(13L), Map.of(),
                        EvalOptions.defaults(), executor);
            }
            RunResult onSpark = CrossValidation.run(ClassifierSource.registered(name), data, List.of(13L), Map.of(),
                    EvalOptions.defaults(), spark);
            assertEquals(local, onSpark, name);
        }
    }

    @Test
    void theVastReproductionEqualsTheLocalEngine() throws Exception {
        Path fixture = Path.of(SparkEquivalenceTest.class.getResource("/vast-fixture").toURI());
        VastOptions options = new VastOptions(fixture, List.of("stratified", "tfidf-logreg", "minilm-probe"),
                List.of(13L), Map.of(), Map.of());
        List<VastResult> local;
        try (LocalExecutor executor = LocalExecutor.sequential()) {
            local = VastReproduction.run(options, executor, m -> { });
        }
        List<VastResult> onSpark = VastReproduction.run(options, spark, m -> { });
        // Everything but the time each fit took.
        assertEquals(local.stream().map(SparkEquivalenceTest::untimed).toList(),
                onSpark.stream().map(SparkEquivalenceTest::untimed).toList());
    }

    @Test
    void theTweetEvalReproductionEqualsTheLocalEngine() throws Exception {
        Path fixture = Path.of(SparkEquivalenceTest.class.getResource("/tweeteval-fixture").toURI());
        TweetEvalOptions options = new TweetEvalOptions(fixture, List.of("majority", "tfidf-logreg"), List.of("irony"),
                List.of(13L), Map.of(), Map.of(), true, false);
        List<TweetEvalResult> local;
        try (LocalExecutor executor = LocalExecutor.sequential()) {
            local = TweetEvalReproduction.run(options, executor, m -> { });
        }
        List<TweetEvalResult> onSpark = TweetEvalReproduction.run(options, spark, m -> { });
        assertEquals(2, local.size());
        assertEquals(local.stream().map(SparkEquivalenceTest::untimed).toList(),
                onSpark.stream().map(SparkEquivalenceTest::untimed).toList());
    }

    /** Everything of a TweetEval result but the time its fits took. */
    private static String untimed(TweetEvalResult r) {
        return String.join("|", r.task(), r.classifier(), String.valueOf(r.seed()), String.valueOf(r.chosen()),
                r.candidates().toString(), String.valueOf(r.test()), r.testPredictions().labels().toString(),
                Arrays.toString(r.testPredictions().gold()), Arrays.toString(r.testPredictions().predicted()));
    }

    private static VastResult untimed(VastResult r) {
        return new VastResult(r.classifier(), r.seed(), r.chosen(), r.candidates(), r.trainSize(), r.devSize(),
                r.devZeroShotSize(), r.test(), 0);
    }

    @Test
    void theQuickSeedReproductionEqualsTheLocalEngine() throws IOException {
        SeedReproductionOptions options = SeedReproductionOptions.defaults(dir.resolve("local"))
                .withBench(SeedReproductionOptions.Bench.NONE).withClassifiers(List.of("majority", "lexicon", "fasttext"))
                .quick();
        Results local;
        try (LocalExecutor executor = LocalExecutor.sequential()) {
            local = SeedReproduction.run(options, executor, (s, n, name, m) -> { }).results();
        }
        Results onSpark = SeedReproduction.run(new SeedReproductionOptions(dir.resolve("spark"), options.seeds(), true,
                SeedReproductionOptions.Bench.NONE, options.classifiers(), null), spark, (s, n, name, m) -> { }).results();
        // Everything but where it ran: the same runs, predictions, intervals and paired tests.
        assertEquals(local.dataset(), onSpark.dataset());
        assertEquals(local.runs(), onSpark.runs());
        assertEquals(local.comparisons(), onSpark.comparisons());
        assertTrue(Files.exists(dir.resolve("spark/dataset/MANIFEST.json")));
    }

    @Test
    void aFailingUnitFailsTheJobWithItsMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> spark.run(new Job<>("fail", 0,
                List.of(1, 2, 3), (shared, x) -> {
                    if (x == 2) {
                        throw new IllegalArgumentException("unit 2 failed");
                    }
                    return x;
                }, x -> "x=" + x), m -> { }));
        assertTrue(e.getMessage().startsWith("fail failed on Spark: unit 2 failed"), e.getMessage());
    }

    @Test
    void outputsComeBackInInputOrder() {
        List<Integer> inputs = List.of(5, 1, 4, 2, 3, 9, 7);
        assertEquals(List.of(25, 1, 16, 4, 9, 81, 49), spark.run(new Job<>("square", 0, inputs, (shared, x) -> x * x,
                x -> "x=" + x), m -> { }));
    }
}
