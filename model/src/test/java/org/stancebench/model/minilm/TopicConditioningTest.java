package org.stancebench.model.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.Probabilities;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

/** The topic reaches both MiniLM classifiers through the {@code topic + separator + text} convention. */
class TopicConditioningTest {

    static final String SEP = " [SEP] ";
    static final List<String> LABELS = List.of("con", "pro", "neutral");

    @Test
    void splitsAtTheFirstSeparator() {
        assertEquals(new TopicInput("gun control", "a [SEP] b"), TopicInput.split("gun control [SEP] a [SEP] b", SEP));
        assertEquals(new TopicInput("", "no topic here"), TopicInput.split(" no topic here ", SEP));
        assertEquals(new TopicInput("", "text"), TopicInput.split(" [SEP] text", SEP));
    }

    @Test
    void zeroShotPutsTheTopicIntoTheDescriptions() {
        TrainingOptions options = TrainingOptions.seed(1).with(TopicInput.SEPARATOR_SETTING, SEP);
        try (Classifier model = new MiniLmZeroShotFactory().train(TrainingData.of(LABELS, List.of()), options)) {
            String text = "We need far more renewable energy, it is the best thing we can do.";
            double[] p = model.predictProba("renewable energy" + SEP + text);
            // By hand: softmax over the mean cosine of the text to each label's descriptions of this topic.
            MiniLmEncoder encoder = MiniLmEncoder.shared();
            float[] e = encoder.encode(text);
            Map<String, List<String>> d = LabelDescriptions.forTopic(
                    LabelDescriptions.builtInTopic().forLabels(LABELS), "renewable energy");
            assertTrue(d.get("pro").get(0).contains("renewable energy"), d.toString());
            double[] expected = new double[3];
            for (int k = 0; k < 3; k++) {
                float[][] de = encoder.encode(d.get(LABELS.get(k)));
                double sum = 0;
                for (float[] v : de) {
                    for (int i = 0; i < v.length; i++) {
                        sum += (double) v[i] * e[i];
                    }
                }
                expected[k] = sum / de.length / MiniLmZeroShotFactory.DEFAULT_TEMPERATURE;
            }
            Probabilities.softmaxInPlace(expected);
            assertArrayEquals(expected, p, 1e-9);
            assertEquals(1, Probabilities.argmax(p), "support for the topic is pro: " + Arrays.toString(p));
            double[] other = model.predictProba("nuclear weapons" + SEP + text);
            assertFalse(Arrays.equals(p, other), "another topic, other probabilities");
        }
    }

    @Test
    void zeroShotWithoutSeparatorIsUnchangedAndBadSettingsAreRefused() {
        try (Classifier plain = new MiniLmZeroShotFactory().train(TrainingData.of(LABELS, List.of()), TrainingOptions.seed(1))) {
            assertFalse(plain.settings().containsKey(TopicInput.SEPARATOR_SETTING));
            assertTrue(plain.settings().get("descriptions").endsWith("/label-descriptions.tsv"));
        }
        assertThrows(IllegalArgumentException.class, () -> new MiniLmZeroShotFactory().train(
                TrainingData.of(LABELS, List.of()), TrainingOptions.seed(1).with("embed", "input")),
                "embed without a separator is an unknown setting");
        assertThrows(IllegalArgumentException.class, () -> new MiniLmZeroShotFactory().train(
                TrainingData.of(LABELS, List.of()), TrainingOptions.seed(1).with(TopicInput.SEPARATOR_SETTING, SEP)
                        .with("embed", "both")));
    }

    static TrainingData topical() {
        String[][] rows = {
                {"pro", "school uniforms", "Uniforms make mornings easier and kids focus on learning. Good idea."},
                {"con", "school uniforms", "Uniforms crush self-expression and cost parents money. Bad idea."},
                {"neutral", "school uniforms", "The bus schedule changes next week."},
                {"pro", "wind farms", "Wind farms give clean power and jobs. Build more."},
                {"con", "wind farms", "Wind farms ruin the landscape and kill birds. Stop them."},
                {"neutral", "wind farms", "My cousin visited Spain last summer."},
                {"pro", "public transit", "More trains and buses would help everyone get to work."},
                {"con", "public transit", "Transit projects waste billions and nobody rides them."},
                {"neutral", "public transit", "The library opens at nine."},
        };
        List<LabeledText> train = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            train.add(new LabeledText("t" + i, rows[i][1] + SEP + rows[i][2], rows[i][0]));
        }
        List<LabeledText> dev = List.of(new LabeledText("d0", "wind farms" + SEP + "Wind farms are great.", "pro"),
                new LabeledText("d1", "school uniforms" + SEP + "Uniforms are awful.", "con"));
        return new TrainingData(LABELS, train, dev, "test");
    }

    @Test
    void probePairEmbedsTextAndTopicApartAndSurvivesSaveLoad(@TempDir Path dir) throws IOException {
        TrainingOptions options = TrainingOptions.seed(5).with("epochs", "20")
                .with(TopicInput.SEPARATOR_SETTING, SEP).with("topicInput", "pair");
        List<String> probes = List.of("wind farms" + SEP + "I love wind farms.", "wind farms" + SEP + "no separator text",
                "no separator at all");
        try (Classifier a = new MiniLmProbeFactory().train(topical(), options);
             Classifier b = new MiniLmProbeFactory().train(topical(), options)) {
            assertEquals("pair", a.settings().get("topicInput"));
            assertEquals(3 * MiniLmEncoder.DIMENSION, ((MiniLmProbeClassifier) a).head().weight()[0].length);
            List<double[]> pa = a.predictProba(probes);
            List<double[]> pb = b.predictProba(probes);
            for (int i = 0; i < probes.size(); i++) {
                assertArrayEquals(pa.get(i), pb.get(i), 0.0, "training twice, probe " + i);
                assertArrayEquals(pa.get(i), a.predictProba(probes.get(i)), 0.0, "batched vs single, probe " + i);
            }
            double[] otherTopic = a.predictProba("public transit" + SEP + "I love wind farms.");
            assertFalse(Arrays.equals(pa.get(0), otherTopic), "the topic changes the features");
            a.save(dir);
            try (Classifier loaded = new MiniLmProbeFactory().load(dir)) {
                List<double[]> again = loaded.predictProba(probes);
                for (int i = 0; i < probes.size(); i++) {
                    assertArrayEquals(pa.get(i), again.get(i), 0.0, "save/load, probe " + i);
                }
            }
        }
    }

    @Test
    void probeJointIsTheWholeInputsEmbedding() {
        TrainingOptions plain = TrainingOptions.seed(5).with("epochs", "10");
        try (Classifier a = new MiniLmProbeFactory().train(topical(), plain);
             Classifier b = new MiniLmProbeFactory().train(topical(), plain.with(TopicInput.SEPARATOR_SETTING, SEP))) {
            assertEquals("joint", b.settings().get("topicInput"));
            String probe = "wind farms" + SEP + "I love wind farms.";
            assertArrayEquals(a.predictProba(probe), b.predictProba(probe), 0.0);
        }
    }
}
