package org.stancebench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.Probabilities;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.metrics.Metrics;
import org.stancebench.model.store.ModelStore;
import org.stancebench.model.store.StoredModel;

/**
 * Class weights and decision thresholds ({@link Imbalance}, {@link DecisionThreshold}) in every
 * trainable classifier, on a generated task with 20% positives whose cue words are noisy.
 */
class ImbalanceTest {
    private static final List<String> LABELS = List.of("not_sarcastic", "sarcastic");
    private static final String[] NOISE = ("the a bridge plan council report budget school park meeting news town "
            + "week today people city road money vote party year time work help").split(" ");
    private static final String[] CUES = {"oh", "sure", "great", "wow", "totally"};

    @TempDir
    Path tmp;

    static Stream<String> trainable() {
        return Stream.of("tfidf-logreg", "naive-bayes", "fasttext", "textcnn", "minilm-probe");
    }

    /** Small, fast settings per classifier; nothing imbalance-related. */
    private static TrainingOptions options(String name) {
        TrainingOptions o = TrainingOptions.seed(7);
        return switch (name) {
            case "fasttext" -> o.with("dim", "16").with("bucket", "4096").with("lr_grid", "0.5").with("epoch_grid", "10");
            case "tfidf-logreg" -> o.with("C_grid", "1,10");
            case "textcnn" -> o.with("epochs", "6").with("filters", "8").with("embeddingDim", "16");
            case "minilm-probe" -> o.with("epochs", "20");
            default -> o;
        };
    }

    /** {@code n} texts, 20% sarcastic; a sarcastic text has each cue with probability 0.35, others 0.08. */
    static List<LabeledText> generate(String prefix, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean positive = i % 5 == 0;
            List<String> words = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                words.add(NOISE[r.nextInt(NOISE.length)]);
            }
            for (String cue : CUES) {
                if (r.nextDouble() < (positive ? 0.35 : 0.08)) {
                    words.add(r.nextInt(words.size() + 1), cue);
                }
            }
            out.add(new LabeledText(prefix + i, String.join(" ", words), positive ? "sarcastic" : "not_sarcastic"));
        }
        return out;
    }

    static TrainingData task(boolean withDev) {
        return new TrainingData(LABELS, generate("train/", 200, 1), withDev ? generate("dev/", 100, 2) : List.of(),
                "imbalance-test");
    }

    private static double meanPositive(Classifier model, List<LabeledText> texts) {
        double sum = 0;
        for (LabeledText t : texts) {
            sum += model.predictProba(t.text())[1];
        }
        return sum / texts.size();
    }

    @ParameterizedTest
    @MethodSource("trainable")
    void balancedWeightsRaiseTheMinorityClass(String name) {
        TrainingData data = task(false);
        TrainingOptions o = options(name).with("threshold", "none");
        try (Classifier none = ClassifierRegistry.get(name).train(data, o.with("class_weight", "none"));
             Classifier balanced = ClassifierRegistry.get(name).train(data, o.with("class_weight", "balanced"))) {
            assertEquals("none", none.settings().get("class_weight"));
            assertEquals("balanced", balanced.settings().get("class_weight"));
            List<LabeledText> unseen = generate("probe/", 200, 3);
            double plain = meanPositive(none, unseen);
            double weighted = meanPositive(balanced, unseen);
            // 20% positives: weighting them 2.5 and the rest 0.625 must move the fitted prior up clearly
            assertTrue(weighted > plain + 0.02, name + ": mean P(sarcastic) " + plain + " unweighted, " + weighted
                    + " balanced");
        }
    }

    @ParameterizedTest
    @MethodSource("trainable")
    void autoChoosesOnDevAndIsDeterministic(String name) {
        TrainingData data = task(true);
        TrainingOptions o = options(name).with("tune_metric", "f1:sarcastic");
        try (Classifier a = ClassifierRegistry.get(name).train(data, o);
             Classifier b = ClassifierRegistry.get(name).train(data, o)) {
            Map<String, String> s = a.settings();
            assertTrue(List.of("none", "balanced").contains(s.get("class_weight")), s.toString());
            // f1:sarcastic is one label's F1, so a threshold on that label is chosen (0.5 allowed)
            assertEquals("sarcastic", s.get("threshold_label"), s.toString());
            double t = Double.parseDouble(s.get("threshold"));
            assertTrue(t >= 0.05 && t <= 0.95, s.toString());
            assertEquals(s, b.settings());
            for (LabeledText x : data.dev()) {
                assertArrayEquals(a.predictProba(x.text()), b.predictProba(x.text()), 0.0, x.text());
            }
            // the chosen pair's dev F1 is at least what plain argmax with no weights gets
            double chosen = devF1(a, data);
            try (Classifier plain = ClassifierRegistry.get(name).train(data,
                    o.with("class_weight", "none").with("threshold", "none"))) {
                assertTrue(chosen >= devF1(plain, data), name + ": chosen " + chosen + " < plain " + devF1(plain, data));
            }
        }
    }

    private static double devF1(Classifier model, TrainingData data) {
        int[] gold = data.dev().stream().mapToInt(t -> LABELS.indexOf(t.label())).toArray();
        int[] predicted = data.dev().stream().mapToInt(t -> Probabilities.argmax(model.predictProba(t.text()))).toArray();
        return Metrics.criterion("f1:sarcastic", LABELS).applyAsDouble(gold, predicted);
    }

    @ParameterizedTest
    @MethodSource("trainable")
    void saveAndLoadKeepTheThresholdAndPredictions(String name) throws Exception {
        TrainingData data = task(false);
        TrainingOptions o = options(name).with("tune_metric", "f1:sarcastic").with("threshold", "0.3")
                .with("class_weight", "balanced");
        try (Classifier model = ClassifierRegistry.get(name).train(data, o)) {
            assertEquals("0.3", model.settings().get("threshold"));
            assertEquals("sarcastic", model.settings().get("threshold_label"));
            Path dir = tmp.resolve(name);
            ModelStore.save(model, data, o, dir);
            try (StoredModel loaded = ModelStore.load(dir)) {
                assertEquals("0.3", loaded.classifier().settings().get("threshold"));
                assertEquals("balanced", loaded.classifier().settings().get("class_weight"));
                assertEquals("0.3", loaded.provenance().settings().get("threshold"), loaded.provenance().settings().toString());
                for (LabeledText x : data.train().subList(0, 40)) {
                    assertArrayEquals(model.predictProba(x.text()), loaded.classifier().predictProba(x.text()), 0.0,
                            x.text());
                }
            }
            // the threshold is applied: without it, some text changes its predicted label
            try (Classifier unthresholded = ClassifierRegistry.get(name).train(data, o.with("threshold", "none"))) {
                long moved = generate("probe/", 200, 3).stream().filter(x -> Probabilities.argmax(model.predictProba(x.text()))
                        != Probabilities.argmax(unthresholded.predictProba(x.text()))).count();
                assertNotEquals(0L, moved, name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("trainable")
    void aDamagedThresholdInASavedModelIsAnErrorNamingTheFile(String name) throws Exception {
        TrainingData data = task(false);
        TrainingOptions o = options(name).with("tune_metric", "f1:sarcastic").with("threshold", "0.3");
        Path dir = java.nio.file.Files.createDirectories(tmp.resolve("damaged-" + name));
        try (Classifier model = ClassifierRegistry.get(name).train(data, o)) {
            model.save(dir);
        }
        Path damaged = null;
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.toList()) {
                String text = java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                String edited = text.replaceAll("(\"threshold\"\\s*:\\s*)\"0\\.3\"", "$1\"2\"");
                if (!edited.equals(text)) {
                    java.nio.file.Files.writeString(f, edited, java.nio.charset.StandardCharsets.ISO_8859_1);
                    damaged = f;
                }
            }
        }
        assertTrue(damaged != null, "no saved file of " + name + " holds the threshold");
        Path file = damaged;
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> ClassifierRegistry.get(name).load(dir));
        assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains("threshold"),
                e.getMessage());
    }

    @Test
    void thresholdChosenByTheMetric() {
        // P(sarcastic) of 3 sarcastic and 7 other texts. By hand, F1(sarcastic) of "p > t":
        // t 0.40: {0.42} -> 2/4 = 0.5; t 0.35: {0.42, 0.37, 0.36} -> 4/6; t 0.30, 0.25 and 0.20: the three
        // sarcastic and 0.36 -> 6/7; t 0.15: also 0.19 -> 6/8; t 0.5 and up: none -> 0.
        // Best 6/7, at 0.30, 0.25 and 0.20: the tie goes to 0.30, the closest to 0.5.
        double[] p = {0.42, 0.37, 0.33, 0.36, 0.19, 0.1, 0.1, 0.05, 0.05, 0.05};
        int[] gold = {1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
        double[][] probs = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            probs[i] = new double[] {1 - p[i], p[i]};
        }
        DecisionThreshold.Scored s = DecisionThreshold.choose(1, probs, gold, Metrics.criterion("f1:sarcastic", LABELS));
        assertEquals(0.30, s.threshold().value(), 1e-12);
        assertEquals(6.0 / 7, s.score(), 1e-12);
        // applied, it keeps a probability vector and moves the decision exactly at the threshold
        double[] v = {0.68, 0.32};
        s.threshold().apply(v);
        assertEquals(1.0, v[0] + v[1], 1e-12);
        assertEquals(1, Probabilities.argmax(v));
        double[] w = {0.72, 0.28};
        s.threshold().apply(w);
        assertEquals(0, Probabilities.argmax(w));
        double[] half = {0.7, 0.3};
        new DecisionThreshold(1, 0.5).apply(half);
        assertArrayEquals(new double[] {0.7, 0.3}, half, 0.0);
    }

    @Test
    void balancedWeightsAreScikitLearns() {
        // sklearn.utils.class_weight.compute_class_weight("balanced", classes=[0, 1, 2], y=[0, 0, 0, 1])
        // gives n / (k n_c) over the classes present: 4 / (2 * 3) and 4 / (2 * 1); class 2 is absent
        assertArrayEquals(new double[] {4.0 / 6, 2.0, 1.0}, Imbalance.classWeights(new int[] {0, 0, 0, 1}, 3, "balanced"), 1e-15);
        assertArrayEquals(new double[] {1, 1, 1}, Imbalance.classWeights(new int[] {0, 0, 0, 1}, 3, "none"), 0.0);
    }

    @Test
    void badSettingsAreRefusedByName() {
        TrainingData data = task(true);
        var nb = ClassifierRegistry.get("naive-bayes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> nb.train(data, TrainingOptions.seed(1).with("threshold", "0.3")));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> nb.train(data, TrainingOptions.seed(1).with("class_weight", "heavy")));
        assertTrue(e.getMessage().contains("class_weight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> nb.train(data,
                TrainingOptions.seed(1).with("tune_metric", "f1:sarcastic").with("threshold", "1.5")));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    }

    @Test
    void withoutDevAutoMeansNoWeightsAndNoThreshold() {
        try (Classifier m = ClassifierRegistry.get("naive-bayes").train(task(false),
                TrainingOptions.seed(1).with("tune_metric", "f1:sarcastic"))) {
            assertEquals("none", m.settings().get("class_weight"));
            assertEquals("none", m.settings().get("threshold"));
        }
    }
}
