package org.stancebench.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.eval.results.RunResult;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.Job;
import org.stancebench.experiments.LocalExecutor;

/** The executor decides where units run, never what they compute. */
class ExecutorEquivalenceTest {

    @Test
    void crossValidationOnTwoThreadsEqualsOneThread(@TempDir Path dir) throws IOException {
        SeedDataset.build(dir.resolve("seed"), 13);
        Dataset full = Dataset.load(dir.resolve("seed"));
        Dataset data = new Dataset(full.name(), full.labels(), full.examples(), full.folds(0), full.fingerprint());
        EvalOptions options = EvalOptions.defaults();
        for (String name : List.of("tfidf-logreg", "naive-bayes")) {
            RunResult one;
            RunResult two;
            try (LocalExecutor local = LocalExecutor.sequential()) {
                one = CrossValidation.run(ClassifierSource.registered(name), data, List.of(13L, 14L), Map.of(), options, local);
            }
            try (LocalExecutor local = new LocalExecutor(2)) {
                two = CrossValidation.run(ClassifierSource.registered(name), data, List.of(13L, 14L), Map.of(), options, local);
            }
            assertEquals(one, two, name);
        }
    }

    @Test
    void outputsComeBackInInputOrderAndTheFirstFailureIsRethrown() {
        List<Integer> inputs = List.of(5, 1, 4, 2, 3);
        try (LocalExecutor local = new LocalExecutor(2)) {
            List<Integer> out = local.run(new Job<>("square", 0, inputs, (shared, x) -> {
                Thread.sleep(x * 5L);
                return x * x;
            }, x -> "x=" + x), m -> { });
            assertEquals(List.of(25, 1, 16, 4, 9), out);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> local.run(new Job<>("fail",
                    0, inputs, (shared, x) -> {
                        if (x >= 4) {
                            throw new IllegalArgumentException("unit " + x + " failed");
                        }
                        return x;
                    }, x -> "x=" + x), m -> { }));
            assertEquals("unit 5 failed", e.getMessage());
        }
    }
}
