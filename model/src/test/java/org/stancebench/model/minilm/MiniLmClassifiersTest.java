package org.stancebench.model.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

class MiniLmClassifiersTest {

    static final List<String> LABELS = List.of("hopeful", "skeptical", "sarcastic", "neutral");

    static final List<String> PROBES = List.of(
            "",
            "x".repeat(100_000),
            "🎉🎉🙃",
            "这项新政策会有帮助吗？",
            "Oh great, another plan that will surely work perfectly.",
            "I really think we can make this better together.");

    static TrainingData seedLike() {
        String[][] rows = {
                {"hopeful", "Things are finally getting better, I'm excited about the future."},
                {"hopeful", "This plan gives me real hope for our town."},
                {"hopeful", "We can do this, the progress is encouraging."},
                {"skeptical", "I doubt this will work, where is the evidence?"},
                {"skeptical", "Not convinced, the numbers don't add up."},
                {"skeptical", "Show me the data before I believe any of it."},
                {"sarcastic", "Oh wonderful, another meeting, just what I needed."},
                {"sarcastic", "Sure, because that worked so well last time."},
                {"sarcastic", "Great job breaking everything again, genius."},
                {"neutral", "The meeting is scheduled for Tuesday at 3pm."},
                {"neutral", "The report was published this morning."},
                {"neutral", "The council has twelve members."},
        };
        List<LabeledText> train = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            train.add(new LabeledText("t" + i, rows[i][1], rows[i][0]));
        }
        List<LabeledText> dev = List.of(
                new LabeledText("d0", "I'm hopeful this will help.", "hopeful"),
                new LabeledText("d1", "I seriously doubt it.", "skeptical"),
                new LabeledText("d2", "Yeah right, like that ever happens.", "sarcastic"),
                new LabeledText("d3", "The bus leaves at noon.", "neutral"));
        return new TrainingData(LABELS, train, dev, "test");
    }

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of(new MiniLmProbeFactory(), TrainingOptions.seed(7).with("epochs", "15")),
                Arguments.of(new MiniLmZeroShotFactory(), TrainingOptions.seed(7)),
                Arguments.of(new Int8Variant.Probe(), TrainingOptions.seed(7).with("epochs", "15")),
                Arguments.of(new Int8Variant.ZeroShot(), TrainingOptions.seed(7)));
    }

    @ParameterizedTest
    @MethodSource("factories")
    void probabilitiesAreDistributionsAndSurviveSaveLoad(ClassifierFactory factory, TrainingOptions options,
                                                         @TempDir Path dir) throws IOException {
        try (Classifier model = factory.train(seedLike(), options)) {
            assertEquals(LABELS, model.labels());
            List<double[]> batch = model.predictProba(PROBES);
            for (int i = 0; i < PROBES.size(); i++) {
                double[] p = batch.get(i);
                assertEquals(LABELS.size(), p.length);
                double sum = 0;
                for (double v : p) {
                    assertTrue(v >= 0 && Double.isFinite(v));
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-6);
                assertArrayEquals(model.predictProba(PROBES.get(i)), p, 0.0, "batched vs single, text " + i);
            }
            model.save(dir);
            try (Classifier loaded = factory.load(dir)) {
                assertEquals(model.labels(), loaded.labels());
                List<double[]> again = loaded.predictProba(PROBES);
                for (int i = 0; i < PROBES.size(); i++) {
                    assertArrayEquals(batch.get(i), again.get(i), 0.0, "save/load, text " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    void trainingTwiceGivesIdenticalProbabilities(ClassifierFactory factory, TrainingOptions options) {
        try (Classifier a = factory.train(seedLike(), options); Classifier b = factory.train(seedLike(), options)) {
            List<double[]> pa = a.predictProba(PROBES);
            List<double[]> pb = b.predictProba(PROBES);
            for (int i = 0; i < PROBES.size(); i++) {
                assertArrayEquals(pa.get(i), pb.get(i), 0.0);
            }
        }
    }

    @Test
    void probeLearnsItsTrainingSetAndDiffersBySeed() {
        TrainingData data = TrainingData.of(LABELS, seedLike().train());
        TrainingOptions options = TrainingOptions.seed(1).with("epochs", "40");
        try (Classifier a = new MiniLmProbeFactory().train(data, options);
             Classifier b = new MiniLmProbeFactory().train(data, TrainingOptions.seed(2).with("epochs", "40"))) {
            int correct = 0;
            for (LabeledText t : data.train()) {
                double[] p = a.predictProba(t.text());
                int argmax = 0;
                for (int k = 1; k < p.length; k++) {
                    argmax = p[k] > p[argmax] ? k : argmax;
                }
                correct += LABELS.get(argmax).equals(t.label()) ? 1 : 0;
            }
            assertEquals(data.train().size(), correct, "a linear probe separates 12 distinct sentences");
            double[] pa = a.predictProba(PROBES.get(4));
            double[] pb = b.predictProba(PROBES.get(4));
            assertTrue(!java.util.Arrays.equals(pa, pb), "different seeds give different initial weights");
        }
    }

    @Test
    void plainJavaHeadMatchesDjlForwardPass() {
        try (Classifier model = new MiniLmProbeFactory().train(seedLike(), TrainingOptions.seed(3).with("epochs", "10"))) {
            SoftmaxHead head = ((MiniLmProbeClassifier) model).head();
            float[][] x = MiniLmEncoder.shared().encode(PROBES);
            double[][] djl = SoftmaxHeadTrainer.djlProbabilities(head, x);
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(djl[i], head.probabilities(x[i]), 1e-6, "text " + i);
            }
        }
    }

    @Test
    void zeroShotDescribesAnUndescribedLabelByItsNameAndSaysSo() {
        TrainingData data = TrainingData.of(List.of("hopeful", "bewildered_reader"),
                List.of(new LabeledText("a", "x", "hopeful")));
        List<String> messages = new java.util.ArrayList<>();
        try (Classifier model = new MiniLmZeroShotFactory().train(data, TrainingOptions.seed(1).withProgress(messages::add))) {
            assertTrue(messages.stream().anyMatch(m -> m.contains("[bewildered_reader]")
                    && m.contains("label-descriptions.tsv")), messages.toString());
            double[] p = model.predictProba("I am utterly bewildered, confused and puzzled by all this.");
            assertEquals(1, argmax(p), java.util.Arrays.toString(p));
        }
    }

    @Test
    void zeroShotPrefersTheMatchingDescription() {
        try (Classifier model = new MiniLmZeroShotFactory().train(seedLike(), TrainingOptions.seed(1))) {
            double[] p = model.predictProba("I am so hopeful and optimistic about the future!");
            assertEquals(0, argmax(p), java.util.Arrays.toString(p));
        }
    }

    @Test
    void builtInDescriptionsCoverThePublicCorpusLabels() {
        LabelDescriptions d = LabelDescriptions.builtIn();
        for (String label : List.of("hopeful", "skeptical", "sarcastic", "neutral", "none", "against", "favor",
                "non_irony", "irony", "anger", "joy", "optimism", "sadness", "con", "pro")) {
            assertTrue(d.byLabel().get(label).size() >= 2, label);
        }
    }

    @Test
    void malformedDescriptionLineNamesFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelDescriptions.parse("my.tsv", List.of("# c", "hopeful\tfine", "no tab here")));
        assertTrue(e.getMessage().startsWith("my.tsv:3:"), e.getMessage());
    }

    @Test
    void unknownSettingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MiniLmProbeFactory().train(seedLike(), TrainingOptions.seed(1).with("epochz", "3")));
        assertTrue(e.getMessage().contains("epochz"), e.getMessage());
    }

    @Test
    void modelSavedWithAnotherEncoderIsRefused(@TempDir Path dir) throws IOException {
        try (Classifier model = new MiniLmZeroShotFactory().train(seedLike(), TrainingOptions.seed(1))) {
            model.save(dir);
        }
        Path file = dir.resolve(MiniLmZeroShotFactory.CONFIG_FILE);
        String json = Files.readString(file);
        Files.writeString(file, json.replace(MiniLmFiles.extract().modelSha256(), "0".repeat(64)));
        IOException e = assertThrows(IOException.class, () -> new MiniLmZeroShotFactory().load(dir));
        assertTrue(e.getMessage().contains("encoder"), e.getMessage());
    }

    @Test
    void factoriesAreRegistered() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(ClassifierFactory.class).forEach(f -> names.add(f.name()));
        assertTrue(names.containsAll(List.of("minilm-probe", "minilm-zeroshot", "minilm-probe-int8",
                "minilm-zeroshot-int8")), names.toString());
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        return best;
    }
}
