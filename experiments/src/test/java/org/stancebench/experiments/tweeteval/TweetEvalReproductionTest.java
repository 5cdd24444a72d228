package org.stancebench.experiments.tweeteval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.eval.results.TweetEvalResult;
import org.stancebench.experiments.LocalExecutor;

class TweetEvalReproductionTest {
    @TempDir
    Path root;

    /** Two stance targets: a (train mostly against), b (train mostly favor). */
    private Path stanceExcerpt() throws IOException {
        Path stance = Files.createDirectories(root.resolve("tweeteval/stance"));
        Files.writeString(stance.resolve("mapping.txt"), "0\tnone\n1\tagainst\n2\tfavor");
        target(stance.resolve("a"), "1\n1\n2\n", "1\n", "1\n2\n");
        target(stance.resolve("b"), "2\n2\n0\n", "2\n", "2\n1\n0\n");
        return root.resolve("tweeteval");
    }

    private static void target(Path dir, String train, String val, String test) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> split : Map.of("train", train, "val", val, "test", test).entrySet()) {
            Files.writeString(dir.resolve(split.getKey() + "_labels.txt"), split.getValue());
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < split.getValue().lines().count(); i++) {
                text.append(dir.getFileName()).append(' ').append(split.getKey()).append(" tweet ").append(i).append('\n');
            }
            Files.writeString(dir.resolve(split.getKey() + "_text.txt"), text);
        }
    }

    private List<TweetEvalResult> run(Path tweeteval, String classifier, Map<String, List<String>> grid, boolean perTarget)
            throws IOException {
        TweetEvalOptions options = new TweetEvalOptions(tweeteval, List.of(classifier), List.of("stance"), List.of(1L),
                grid.isEmpty() ? Map.of() : Map.of(classifier, grid), Map.of(), perTarget, false);
        try (LocalExecutor local = LocalExecutor.sequential()) {
            return TweetEvalReproduction.run(options, local, m -> { });
        }
    }

    @Test
    void stancePoolsPerTargetPredictionsForTheOfficialMetric() throws IOException {
        Path tweeteval = stanceExcerpt();
        TweetEvalResult perTarget = run(tweeteval, "majority", Map.of(), true).get(0);
        // hand computation: a predicts against, b favor; pooled gold [ag, fa, fa, ag, no], predicted
        // [ag, ag, fa, fa, fa]: F1(against) = 0.5, F1(favor) = 2(1/3)(1/2)/(1/3+1/2) = 0.4, mean 45.0
        assertEquals(45.0, perTarget.test(), 1e-9);
        assertEquals(5, perTarget.testSize());
        assertEquals(6, perTarget.trainSize());
        assertEquals(List.of("a", "b"), List.copyOf(perTarget.best().models().keySet().stream()
                .map(k -> k.substring(k.lastIndexOf('-') + 1)).toList()));
        TweetEvalResult pooled = run(tweeteval, "majority", Map.of(), false).get(0);
        // one model, majority favor (3 of 6): F1(against) = 0, F1(favor) = 2(0.4)(1)/1.4 = 0.5714; mean 28.57
        assertEquals(100 * (0 + 0.8 / 1.4) / 2, pooled.test(), 1e-9);
        assertEquals(-22.3, perTarget.test() - perTarget.published(), 1e-9); // 45.0 - 67.3 (SVM row)
    }

    @Test
    void valChoosesTheSettingAndTestIsOnlyRecorded() throws IOException {
        Path tweeteval = stanceExcerpt();
        // tfidf-logreg with two C values: val decides, whatever test says; both candidates kept
        TweetEvalResult r = run(tweeteval, "tfidf-logreg", Map.of("C", List.of("0.1", "100")), true).get(0);
        assertEquals(2, r.candidates().size());
        double bestVal = Math.max(r.candidates().get(0).dev(), r.candidates().get(1).dev());
        assertEquals(bestVal, r.dev(), 1e-12);
        assertEquals(r.candidates().get(r.chosen()).test(), r.test(), 1e-12);
        assertEquals(r.candidates().get(0).dev() >= r.candidates().get(1).dev() ? 0 : 1, r.chosen());
    }

    @Test
    void twoThreadsGiveTheSameResultsAsOne() throws IOException {
        Path tweeteval = stanceExcerpt();
        TweetEvalOptions options = new TweetEvalOptions(tweeteval, List.of("tfidf-logreg", "naive-bayes"),
                List.of("stance"), List.of(1L, 2L), Map.of("tfidf-logreg", Map.of("C", List.of("0.1", "100"))), Map.of(),
                true, true);
        List<TweetEvalResult> one;
        List<TweetEvalResult> two;
        try (LocalExecutor local = LocalExecutor.sequential()) {
            one = TweetEvalReproduction.run(options, local, m -> { });
        }
        try (LocalExecutor local = new LocalExecutor(2)) {
            two = TweetEvalReproduction.run(options, local, m -> { });
        }
        assertEquals(4, one.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).candidates(), two.get(i).candidates());
            assertEquals(one.get(i).refitTest(), two.get(i).refitTest());
            assertEquals(one.get(i).chosen(), two.get(i).chosen());
        }
    }

    @Test
    void gridIsEveryCombination() {
        assertEquals(List.of(Map.of("a", "1", "b", "x"), Map.of("a", "1", "b", "y"), Map.of("a", "2", "b", "x"),
                        Map.of("a", "2", "b", "y")),
                TweetEvalReproduction.grid(Map.of("b", List.of("x", "y"), "a", List.of("1", "2"))));
        assertEquals(List.of(Map.of()), TweetEvalReproduction.grid(Map.of()));
    }

    @ParameterizedTest
    @CsvSource({"stance, tweeteval-stance", "irony, f1-irony", "emotion, macro-f1"})
    void defaultGridsTuneInsideByTheOfficialMetric(String task, String metric) {
        List<Map<String, String>> linear = TweetEvalReproduction.defaultGrid("tfidf-logreg", task);
        assertEquals(4, linear.size());
        assertTrue(linear.stream().allMatch(m -> m.get("tune_metric").equals(metric)), linear.toString());
        assertEquals(4, TweetEvalReproduction.defaultGrid("fasttext", task).size());
        assertEquals(List.of(Map.of()), TweetEvalReproduction.defaultGrid("textcnn", task));
    }
}
