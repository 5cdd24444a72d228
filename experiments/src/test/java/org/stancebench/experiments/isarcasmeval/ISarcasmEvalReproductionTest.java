package org.stancebench.experiments.isarcasmeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.Fold;
import org.stancebench.dataset.corpus.ISarcasmEvalImporter;
import org.stancebench.dataset.splitting.Splits;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.RunResult;
import org.stancebench.eval.stats.Bootstrap;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.LocalExecutor;

class ISarcasmEvalReproductionTest {
    /** The public corpora beside the project, or $STANCEBENCH_CORPORA (absent: the test using them skips). */
    private static final Path CORPORA = System.getenv("STANCEBENCH_CORPORA") != null
            && !System.getenv("STANCEBENCH_CORPORA").isBlank() ? Path.of(System.getenv("STANCEBENCH_CORPORA"))
            : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpora").normalize();

    @TempDir
    Path root;

    /** 40 tweets, every fourth sarcastic with a rephrase. */
    private Path smallTrainFile() throws IOException {
        StringBuilder csv = new StringBuilder(",tweet,sarcastic,rephrase,sarcasm,irony,satire,understatement,"
                + "overstatement,rhetorical_question\n");
        for (int i = 0; i < 40; i++) {
            boolean s = i % 4 == 0;
            csv.append(i).append(",\"").append(s ? "oh great another thing number " : "a plain note number ").append(i)
                    .append("\",").append(s ? "1,\"I did not like thing " + i + "\",1,0,0,0,0,0" : "0,,,,,,,").append('\n');
        }
        Path file = root.resolve("train.En.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void rephrasesAddOneNotSarcasticExamplePerSarcasticTrainingTweet() throws IOException {
        List<ISarcasmEvalImporter.Tweet> train = ISarcasmEvalImporter.readTrain(smallTrainFile());
        List<Splits.Item> items = train.stream().map(t -> new Splits.Item(t.id(), t.label(), t.text())).toList();
        List<Fold> folds = Splits.folds(items, 13, 2, 1);
        ISarcasmEvalReproduction.Shared shared = new ISarcasmEvalReproduction.Shared(train, folds, List.of(), 13, 0.15,
                new TreeMap<>());
        ClassifierSource nb = ClassifierSource.registered("naive-bayes");
        ISarcasmEvalReproduction.Tally without = ISarcasmEvalReproduction.fit(shared, new ISarcasmEvalReproduction.Fit(nb, 0, false));
        ISarcasmEvalReproduction.Tally with = ISarcasmEvalReproduction.fit(shared, new ISarcasmEvalReproduction.Fit(nb, 0, true));
        int pool = folds.get(0).trainIds().size();
        assertEquals(pool, without.trainSize() + without.devSize());
        // 20 tweets in the fold's training part, 5 sarcastic; the carve puts 15% of each label in dev
        // (1 sarcastic of 5, round(0.75)), so 4 sarcastic training tweets bring 4 rephrases
        Set<String> ids = new HashSet<>(folds.get(0).trainIds());
        long sarcasticInPool = train.stream().filter(t -> ids.contains(t.id()) && t.label().equals("sarcastic")).count();
        assertEquals(5, sarcasticInPool);
        assertEquals(4, with.trainSize() - without.trainSize());
        assertEquals(folds.get(0).testIds().size(), with.predictions().size());
        assertEquals("f1:sarcastic", with.model().get("tune_metric"));
    }

    @Test
    void crossValidationOnTheRealTrainingFileIsCompleteAndDeterministic() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(CORPORA.resolve("isarcasmeval/train/train.En.csv")),
                "the public corpora are not at " + CORPORA + "; skipping the real-corpus test");
        ISarcasmEvalOptions options = new ISarcasmEvalOptions(CORPORA, null, List.of("naive-bayes"), 13, 2, 0.15,
                List.of(false), Map.of(), Bootstrap.defaults());
        RunResult a;
        RunResult b;
        try (LocalExecutor local = new LocalExecutor(2)) {
            a = ISarcasmEvalReproduction.run(options, local, m -> { }).results().runs().get(0);
            b = ISarcasmEvalReproduction.run(options, local, m -> { }).results().runs().get(0);
        }
        assertEquals(a, b);
        // every training tweet (3,468 records less one blank) is predicted exactly once out of fold
        Set<String> seen = new HashSet<>();
        for (PredictionRecord p : a.predictions()) {
            assertTrue(seen.add(p.id()), p.id());
        }
        assertEquals(3467, seen.size());
        assertEquals("f1:sarcastic", a.official().name());
        assertTrue(a.official().low() <= a.official().value() && a.official().value() <= a.official().high());
    }
}
