package org.stancebench.model.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

class TextCnnTest {

    static final List<String> LABELS = List.of("pos", "neg", "other");
    static final List<String> PROBES = List.of("", "x".repeat(100_000), "🎉🙃", "这项新政策会有帮助吗",
            "good great", "a b c d e f g h i j k l m n o p q r s t u v w x y z");

    static TrainingData data;
    static Classifier trained;

    /** A toy problem: the label is decided by which cue word appears among random filler words. */
    static TrainingData toy(long seed, int n) {
        String[] filler = {"the", "a", "of", "to", "and", "in", "it", "is", "was", "on", "for", "with"};
        String[][] cues = {{"good", "great", "lovely"}, {"bad", "awful", "terrible"}, {"table", "chair", "window"}};
        SplittableRandom r = new SplittableRandom(seed);
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            List<String> words = new ArrayList<>();
            int len = 3 + r.nextInt(8);
            for (int j = 0; j < len; j++) {
                words.add(filler[r.nextInt(filler.length)]);
            }
            words.add(r.nextInt(words.size() + 1), cues[label][r.nextInt(3)]);
            out.add(new LabeledText("e" + i, String.join(" ", words), LABELS.get(label)));
        }
        return TrainingData.of(LABELS, out);
    }

    static TrainingOptions small(long seed) {
        return TrainingOptions.seed(seed).with("embeddingDim", "16").with("filters", "8").with("epochs", "10")
                .with("learningRate", "0.01");
    }

    @BeforeAll
    static void train() {
        data = toy(11, 150);
        trained = new TextCnnFactory().train(data, small(5));
    }

    @Test
    void learnsTheToyProblem() {
        TrainingData test = toy(99, 60);
        int correct = 0;
        for (LabeledText t : test.train()) {
            double[] p = trained.predictProba(t.text());
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            correct += LABELS.get(best).equals(t.label()) ? 1 : 0;
        }
        assertTrue(correct >= 54, "held-out accuracy " + correct + "/60 (chance is 20/60)");
    }

    @Test
    void probabilitiesAreDistributionsForAnyText() {
        for (String text : PROBES) {
            double[] p = trained.predictProba(text);
            assertEquals(LABELS.size(), p.length);
            assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
            assertTrue(Arrays.stream(p).allMatch(v -> v >= 0 && Double.isFinite(v)));
        }
    }

    @Test
    void trainingTwiceGivesIdenticalProbabilitiesAndAnotherSeedDiffers() {
        try (Classifier again = new TextCnnFactory().train(data, small(5));
             Classifier other = new TextCnnFactory().train(data, small(6))) {
            boolean differs = false;
            for (String text : PROBES) {
                assertArrayEquals(trained.predictProba(text), again.predictProba(text), 0.0, text);
                differs |= !Arrays.equals(trained.predictProba(text), other.predictProba(text));
            }
            assertTrue(differs);
        }
    }

    @Test
    void plainJavaForwardMatchesDjl() {
        TextCnnClassifier cnn = (TextCnnClassifier) trained;
        for (String text : PROBES) {
            int[] ids = cnn.ids(text);
            assertArrayEquals(TextCnnTrainer.djlProbabilities(cnn.weights(), ids), cnn.predictProba(text), 1e-5, text);
        }
    }

    @Test
    void projectionTableMatchesTheDirectConvolution() {
        TextCnnClassifier cnn = (TextCnnClassifier) trained;
        assertTrue(cnn.weights().usesProjectionTable());
        for (String text : PROBES) {
            int[] ids = cnn.ids(text);
            assertArrayEquals(cnn.weights().probabilitiesDirect(ids), cnn.predictProba(text), 1e-6, text);
        }
    }

    @Test
    void saveLoadRoundTripsExactly(@TempDir Path dir) throws IOException {
        trained.save(dir);
        try (Classifier loaded = new TextCnnFactory().load(dir)) {
            assertEquals(trained.labels(), loaded.labels());
            assertEquals(trained.settings(), loaded.settings());
            for (String text : PROBES) {
                assertArrayEquals(trained.predictProba(text), loaded.predictProba(text), 0.0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TextCnnFactory.WEIGHTS_FILE, TextCnnFactory.VOCAB_FILE, TextCnnFactory.CONFIG_FILE})
    void damagedModelDirectoryIsRefusedNamingTheFile(String file, @TempDir Path dir) throws IOException {
        trained.save(dir);
        Path target = dir.resolve(file);
        byte[] bytes = Files.readAllBytes(target);
        Files.write(target, Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> new TextCnnFactory().load(dir));
        assertTrue(e.getMessage().contains(file), e.getMessage());
    }

    @Test
    void earlyStoppingUsesTheDevelopmentSet() {
        TrainingData withDev = new TrainingData(LABELS, data.train(), toy(7, 30).train(), "toy");
        List<String> messages = new ArrayList<>();
        try (Classifier c = new TextCnnFactory().train(withDev, small(5).with("epochs", "4").withProgress(messages::add))) {
            assertTrue(messages.stream().anyMatch(m -> m.contains("dev log-loss")), messages.toString());
            assertEquals(LABELS.size(), c.predictProba("good").length);
        }
    }

    @Test
    void divergingTrainingFailsNamingTheLossInsteadOfReturningNoWeights() {
        TrainingData withDev = new TrainingData(LABELS, data.train(), toy(7, 30).train(), "toy");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new TextCnnFactory().train(withDev, small(5).with("learningRate", "1e30")));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("learningRate"), e.getMessage());
    }

    @Test
    void badSettingsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextCnnFactory().train(data, TrainingOptions.seed(1).with("filterz", "3")));
        assertTrue(e.getMessage().contains("filterz"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new TextCnnFactory().train(data, TrainingOptions.seed(1).with("widths", "3,x")));
        assertTrue(e.getMessage().contains("widths"));
    }

    @Test
    void tokenizerSplitsPunctuationAndEmojiAndStopsAtTheLimit() {
        assertEquals(List.of("don't", "stop", "!", "🎉", "ok"), CnnTokenizer.tokens("Don't STOP!🎉 ok", 10));
        assertEquals(List.of("a", "b"), CnnTokenizer.tokens("a b c d", 2));
        assertFalse(CnnTokenizer.tokens("x\u2028y", 5).contains("\u2028"));
    }
}
