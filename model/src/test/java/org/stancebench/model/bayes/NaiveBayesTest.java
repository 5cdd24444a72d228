package org.stancebench.model.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

class NaiveBayesTest {
    @TempDir
    Path tmp;

    private static final TrainingData TINY = TrainingData.of(List.of("x", "y"), List.of(
            new LabeledText("1", "a a b", "x"),
            new LabeledText("2", "b c", "y")));

    /** Word unigrams only, one-letter words kept: small enough to compute by hand. */
    private static TrainingOptions unigrams() {
        return TrainingOptions.seed(1).with("word-ngrams", "1-1").with("char-ngrams", "off").with("min-word-length", "1");
    }

    @Test
    void matchesAHandComputation() {
        Classifier nb = new NaiveBayesFactory().train(TINY, unigrams());
        // Hand computation, alpha = 1, V = 3: theta_x = (3/6, 2/6, 1/6), theta_y = (1/5, 2/5, 2/5), prior 1/2 each.
        // "a c": x ∝ 3/6 * 1/6 = 1/12, y ∝ 1/5 * 2/5 = 2/25, so P(x) = 25/49.
        assertArrayEquals(new double[] {25.0 / 49, 24.0 / 49}, nb.predictProba("a c"), 1e-12);
        // "a a": x ∝ 1/4, y ∝ 1/25, so P(x) = 25/29.
        assertArrayEquals(new double[] {25.0 / 29, 4.0 / 29}, nb.predictProba("A a"), 1e-12);
        // Unknown words only: the prior.
        assertArrayEquals(new double[] {0.5, 0.5}, nb.predictProba("zzz qqq"), 1e-15);
    }

    @Test
    void alphaChangesTheSmoothing() {
        Classifier nb = new NaiveBayesFactory().train(TINY, unigrams().with("alpha", "0.5"));
        // alpha = 0.5: theta_x(a) = 2.5/4.5, theta_x(c) = 0.5/4.5; theta_y(a) = 0.5/3.5, theta_y(c) = 1.5/3.5.
        double x = (2.5 / 4.5) * (0.5 / 4.5);
        double y = (0.5 / 3.5) * (1.5 / 3.5);
        assertArrayEquals(new double[] {x / (x + y), y / (x + y)}, nb.predictProba("a c"), 1e-12);
        assertEquals("0.5", nb.settings().get("alpha"));
    }

    @Test
    void aLabelAbsentFromTrainingGetsProbabilityZero() {
        TrainingData data = TrainingData.of(List.of("x", "y", "z"), TINY.train());
        double[] p = new NaiveBayesFactory().train(data, unigrams()).predictProba("a");
        assertEquals(0.0, p[2], "as scikit-learn's MultinomialNB with fit_prior=True");
        assertEquals(1.0, p[0] + p[1], 1e-12);
    }

    @Test
    void extremeTextsStayFinite() {
        Classifier nb = new NaiveBayesFactory().train(TINY, unigrams());
        double[] p = nb.predictProba("a ".repeat(50_000));
        assertEquals(1.0, p[0], 1e-12, "100,000 characters of evidence saturate, without overflow");
        assertTrue(Double.isFinite(p[1]) && p[1] >= 0);
    }

    @Test
    void alphaAutoIsTunedOnTheDevelopmentSplit() {
        List<LabeledText> train = new ArrayList<>(TINY.train());
        List<LabeledText> dev = List.of(new LabeledText("d", "a", "x"));
        List<String> messages = new ArrayList<>();
        NaiveBayesClassifier nb = (NaiveBayesClassifier) new NaiveBayesFactory().train(
                new TrainingData(List.of("x", "y"), train, dev, "t"),
                unigrams().with("alpha", "auto").withProgress(messages::add));
        assertTrue(List.of(0.01, 0.03, 0.1, 0.3, 1.0, 3.0).contains(nb.alpha()));
        // "a" is x and "a" occurs only in x's training text: P(x | "a") = theta_x(a) / (theta_x(a) + theta_y(a))
        // with theta_x(a) = (2 + alpha) / (3 + 3 alpha) and theta_y(a) = alpha / (2 + 3 alpha) falls as alpha
        // grows (0.993 at 0.01, 0.604 at 3), so the smallest alpha wins.
        assertEquals(0.01, nb.alpha());
        NaiveBayesClassifier other = (NaiveBayesClassifier) new NaiveBayesFactory().train(
                new TrainingData(List.of("x", "y"), train, List.of(new LabeledText("d", "a c", "x")), "t"),
                unigrams().with("alpha", "auto"));
        // "a c" as x: P(x) = 25/49 = 0.5102 at alpha 1 but 0.5123 at alpha 3 (hand computation), so 3 wins.
        assertEquals(3.0, other.alpha());
        assertTrue(messages.stream().anyMatch(m -> m.contains("alpha 0.01")), messages.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alpha|0|'alpha' must be a number > 0",
        "alpha|x|'alpha' must be a number > 0",
        "word-ngrams|2-1|'word-ngrams' must be MIN-MAX",
        "char-ngrams|0-3|'char-ngrams' must be MIN-MAX",
        "min-df|0|'min-df' must be an integer",
        "colour|red|unknown setting 'colour'",
    })
    void refusesBadSettings(String key, String value, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NaiveBayesFactory().train(TINY, TrainingOptions.seed(1).with(key, value)));
        assertTrue(e.getMessage().startsWith("naive-bayes: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void refusesBothNgramFamiliesOff() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NaiveBayesFactory()
                .train(TINY, TrainingOptions.seed(1).with("word-ngrams", "off").with("char-ngrams", "off")));
        assertTrue(e.getMessage().contains("both off"), e.getMessage());
    }

    @Test
    void loadRefusesAMalformedCountsFile() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("m"));
        new NaiveBayesFactory().train(TINY, unigrams()).save(dir);
        Path counts = dir.resolve("counts.bin");
        byte[] good = Files.readAllBytes(counts);

        Files.write(counts, java.util.Arrays.copyOf(good, good.length - 4));
        IOException e = assertThrows(IOException.class, () -> new NaiveBayesFactory().load(dir));
        assertTrue(e.getMessage().startsWith(counts + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + good.length), e.getMessage());

        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        Files.write(counts, badMagic);
        e = assertThrows(IOException.class, () -> new NaiveBayesFactory().load(dir));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());

        byte[] negative = good.clone();
        negative[good.length - 4] = (byte) 0xFF;
        Files.write(counts, negative);
        e = assertThrows(IOException.class, () -> new NaiveBayesFactory().load(dir));
        assertTrue(e.getMessage().contains("negative count"), e.getMessage());

        Files.write(counts, good);
        assertArrayEquals(new double[] {25.0 / 49, 24.0 / 49}, new NaiveBayesFactory().load(dir).predictProba("a c"), 1e-12);
    }

    @Test
    void defaultsUseWordAndCharacterNgrams() {
        NaiveBayesClassifier nb = (NaiveBayesClassifier) new NaiveBayesFactory().train(TINY, TrainingOptions.seed(1));
        assertEquals(1, nb.extractor().wordMin());
        assertEquals(2, nb.extractor().wordMax());
        assertEquals(2, nb.extractor().charMin());
        assertEquals(4, nb.extractor().charMax());
        // no dev split: class_weight auto means none, and threshold auto means none
        assertEquals(java.util.Map.of("alpha", "1", "char-ngrams", "2-4", "min-df", "1", "min-word-length", "2",
                "word-ngrams", "1-2", "class_weight", "none", "threshold", "none", "tune_metric", "macro-f1-all"),
                nb.settings());
    }
}
