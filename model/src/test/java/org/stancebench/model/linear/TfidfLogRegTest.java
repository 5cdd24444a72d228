package org.stancebench.model.linear;

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
import org.junit.jupiter.params.provider.ValueSource;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.Probabilities;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.text.SparseVector;
import org.stancebench.model.text.ToyTask;

class TfidfLogRegTest {

    static final List<String> LABELS = ToyTask.LABELS;
    static final List<String> PROBES = ToyTask.PROBES;

    static TrainingData toy() {
        return ToyTask.data();
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "hinge"})
    void fitsSeparableToyDataPerfectly(String loss) {
        TrainingData data = toy();
        Classifier model = new TfidfLogRegFactory().train(data, TrainingOptions.seed(3).with("loss", loss));
        for (LabeledText t : data.train()) {
            double[] p = model.predictProba(t.text());
            assertEquals(t.label(), LABELS.get(Probabilities.argmax(p)), t.text());
        }
        assertEquals(loss, model.settings().get("loss"));
        assertEquals("true", model.settings().get("tuned_on_dev"));
    }

    @Test
    void probabilitiesAreValidForAwkwardTexts() {
        Classifier model = new TfidfLogRegFactory().train(toy(), TrainingOptions.seed(1).with("C", "10"));
        for (String text : PROBES) {
            double[] p = model.predictProba(text);
            assertEquals(LABELS.size(), p.length);
            double sum = 0;
            for (double v : p) {
                assertTrue(v >= 0 && Double.isFinite(v));
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9);
        }
    }

    @Test
    void trainingTwiceGivesIdenticalProbabilities() {
        TrainingOptions options = TrainingOptions.seed(11);
        Classifier a = new TfidfLogRegFactory().train(toy(), options);
        Classifier b = new TfidfLogRegFactory().train(toy(), options);
        for (String text : PROBES) {
            assertArrayEquals(a.predictProba(text), b.predictProba(text), text);
        }
        assertEquals(a.settings(), b.settings());
    }

    @Test
    void plainJavaForwardMatchesDjlForward() {
        TfidfLogRegClassifier model = (TfidfLogRegClassifier) new TfidfLogRegFactory().train(toy(),
                TrainingOptions.seed(2).with("C", "30").with("class_weight", "balanced"));
        List<SparseVector> rows = new ArrayList<>();
        for (String text : PROBES) {
            rows.add(model.featurizer().transform(text));
        }
        for (LabeledText t : toy().train()) {
            rows.add(model.featurizer().transform(t.text()));
        }
        LinearScorer scorer = model.scorer();
        double[][] djl = DjlSparseLinear.probabilities(scorer.weights(), scorer.bias(), scorer.classes(), rows);
        for (int i = 0; i < rows.size(); i++) {
            SparseVector r = rows.get(i);
            double[] java = new double[scorer.classes()];
            scorer.probabilities(r.indices(), r.values(), r.size(), java);
            assertArrayEquals(djl[i], java, 1e-5, "row " + i);
        }
    }

    @Test
    void saveAndLoadRoundTripsExactly(@TempDir Path dir) throws IOException {
        TfidfLogRegFactory factory = new TfidfLogRegFactory();
        Classifier model = factory.train(toy(), TrainingOptions.seed(5).with("sublinear_tf", "true"));
        model.save(dir);
        Classifier loaded = factory.load(dir);
        assertEquals(model.labels(), loaded.labels());
        assertEquals(model.settings(), loaded.settings());
        for (String text : PROBES) {
            assertArrayEquals(model.predictProba(text), loaded.predictProba(text), text);
        }
    }

    @Test
    void damagedModelDirectoriesAreRefused(@TempDir Path dir) throws IOException {
        TfidfLogRegFactory factory = new TfidfLogRegFactory();
        factory.train(toy(), TrainingOptions.seed(5).with("C", "1")).save(dir);
        byte[] weights = Files.readAllBytes(dir.resolve("weights.bin"));
        Files.write(dir.resolve("weights.bin"), java.util.Arrays.copyOf(weights, weights.length - 4));
        IOException e = assertThrows(IOException.class, () -> factory.load(dir));
        assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("expected"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), "{\"format\": \"something-else\"}");
        e = assertThrows(IOException.class, () -> factory.load(dir));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
        Files.delete(dir.resolve("config.json"));
        assertThrows(IOException.class, () -> factory.load(dir));
    }

    @Test
    void reportedSettingsCanBePassedBackIn() {
        Classifier model = new TfidfLogRegFactory().train(toy(), TrainingOptions.seed(1).with("C_grid", "1,10"));
        TrainingOptions again = new TrainingOptions(1, model.settings(), message -> { });
        Classifier retrained = new TfidfLogRegFactory().train(toy(), again);
        assertEquals(model.settings().get("C"), retrained.settings().get("C"));
        assertEquals("false", retrained.settings().get("tuned_on_dev"));
    }

    @Test
    void unknownOrMalformedSettingsAreRejected() {
        TfidfLogRegFactory factory = new TfidfLogRegFactory();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.train(toy(), TrainingOptions.seed(1).with("colour", "red")));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> factory.train(toy(), TrainingOptions.seed(1).with("C", "-1")));
        assertThrows(IllegalArgumentException.class,
                () -> factory.train(toy(), TrainingOptions.seed(1).with("word_ngrams", "3-1")));
        assertThrows(IllegalArgumentException.class, () -> factory.train(toy(), TrainingOptions.seed(1).with("loss", "l1")));
    }

    @Test
    void logLossTuningPicksByDevLogLossAndNeedsTheLogisticLoss() {
        // hand computation: all-zero weights give uniform probabilities, so the log-loss is ln(k)
        List<SparseVector> rows = List.of(new SparseVector(2, new int[] {0}, new float[] {1f}),
                new SparseVector(2, new int[] {1}, new float[] {1f}));
        assertEquals(Math.log(3), TfidfLogRegFactory.logLoss(new double[2 * 3 + 3], 2, 3, rows, new int[] {0, 2}), 1e-12);
        Classifier model = new TfidfLogRegFactory().train(toy(), TrainingOptions.seed(1).with("tune_metric", "log_loss"));
        assertEquals("true", model.settings().get("tuned_on_dev"));
        assertTrue(Double.parseDouble(model.settings().get("dev_score")) < 0, "minus the log-loss");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TfidfLogRegFactory()
                .train(toy(), TrainingOptions.seed(1).with("tune_metric", "log_loss").with("loss", "hinge")));
        assertTrue(e.getMessage().contains("log_loss needs loss=logistic"), e.getMessage());
    }
}
