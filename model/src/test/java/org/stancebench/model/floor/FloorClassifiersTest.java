package org.stancebench.model.floor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.store.ModelStore;

class FloorClassifiersTest {
    private static final List<String> LABELS = List.of("a", "b", "c");

    @TempDir
    Path tmp;

    /** 6 a, 3 b, 1 c. */
    private static TrainingData skewed() {
        List<LabeledText> train = new ArrayList<>();
        String[] labels = {"a", "a", "a", "a", "a", "a", "b", "b", "b", "c"};
        for (int i = 0; i < labels.length; i++) {
            train.add(new LabeledText("t" + i, "text " + i, labels[i]));
        }
        return TrainingData.of(LABELS, train);
    }

    @Test
    void majorityPredictsTheTrainingPrior() {
        Classifier m = new MajorityFactory().train(skewed(), TrainingOptions.seed(1));
        // Hand computation: 6/10, 3/10, 1/10.
        assertArrayEquals(new double[] {0.6, 0.3, 0.1}, m.predictProba("anything at all"), 1e-15);
        assertArrayEquals(new double[] {0.6, 0.3, 0.1}, m.predictProba(""), 1e-15);
    }

    @Test
    void majorityBreaksTiesByLabelOrder() {
        TrainingData tie = TrainingData.of(List.of("x", "y"),
                List.of(new LabeledText("1", "p", "y"), new LabeledText("2", "q", "x")));
        double[] p = new MajorityFactory().train(tie, TrainingOptions.seed(1)).predictProba("z");
        assertArrayEquals(new double[] {0.5, 0.5}, p, 0.0);
    }

    @Test
    void stratifiedDrawsLabelsWithTheTrainingPriorsFrequencies() {
        Classifier s = new StratifiedFactory().train(skewed(), TrainingOptions.seed(42));
        int[] counts = new int[3];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double[] p = s.predictProba("text number " + i);
            int hot = -1;
            for (int k = 0; k < p.length; k++) {
                assertTrue(p[k] == 0.0 || p[k] == 1.0);
                if (p[k] == 1.0) {
                    hot = k;
                }
            }
            counts[hot]++;
        }
        // Binomial standard deviation for p = 0.1, n = 20000 is about 42; allow 5 of them.
        assertEquals(0.6 * n, counts[0], 5 * Math.sqrt(n * 0.6 * 0.4));
        assertEquals(0.3 * n, counts[1], 5 * Math.sqrt(n * 0.3 * 0.7));
        assertEquals(0.1 * n, counts[2], 5 * Math.sqrt(n * 0.1 * 0.9));
    }

    @Test
    void stratifiedIsAPureFunctionOfSeedAndText() {
        Classifier s1 = new StratifiedFactory().train(skewed(), TrainingOptions.seed(42));
        Classifier s2 = new StratifiedFactory().train(skewed(), TrainingOptions.seed(42));
        Classifier other = new StratifiedFactory().train(skewed(), TrainingOptions.seed(43));
        int differ = 0;
        for (int i = 0; i < 200; i++) {
            String text = "t" + i;
            assertArrayEquals(s1.predictProba(text), s2.predictProba(text), 0.0);
            assertArrayEquals(s1.predictProba(text), s1.predictProba(text), 0.0);
            if (!java.util.Arrays.equals(s1.predictProba(text), other.predictProba(text))) {
                differ++;
            }
        }
        // Two independent draws with prior (.6,.3,.1) agree with probability .36+.09+.01 = .46.
        assertTrue(differ > 50, "a different seed changes draws: " + differ + " of 200 differ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"majority", "stratified"})
    void savedDirectoriesAreByteIdenticalForTheSameDataAndSeed(String name) throws IOException {
        for (String run : List.of("one", "two")) {
            Classifier model = org.stancebench.model.ClassifierRegistry.get(name).train(skewed(), TrainingOptions.seed(5));
            ModelStore.save(model, skewed(), TrainingOptions.seed(5), tmp.resolve(run));
        }
        List<String> files;
        try (var list = Files.list(tmp.resolve("one"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("one").resolve(f)),
                    Files.readAllBytes(tmp.resolve("two").resolve(f)), f);
        }
    }

    @Test
    void stratifiedSavesItsSeed() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ModelStore.save(new StratifiedFactory().train(skewed(), TrainingOptions.seed(5)), skewed(), TrainingOptions.seed(5), a);
        ModelStore.save(new StratifiedFactory().train(skewed(), TrainingOptions.seed(6)), skewed(), TrainingOptions.seed(6), b);
        assertNotEquals(Files.readString(a.resolve("stratified.json")), Files.readString(b.resolve("stratified.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"format\" : 1, \"prior\" : {\"labels\" : [\"a\", \"b\"], \"counts\" : [1]}}|counts: 1 values for 2 labels",
        "{\"format\" : 2, \"prior\" : {\"labels\" : [\"a\"], \"counts\" : [1]}}|format: unsupported 2",
        "{\"format\" : 1, \"prior\" : {\"labels\" : [\"a\"], \"counts\" : [0]}}|counts: no examples",
        "{\"format\" : 1}|prior",
    })
    void majorityRefusesAMalformedStateFile(String caseText) throws IOException {
        String[] parts = caseText.split("\\|");
        Files.writeString(tmp.resolve(MajorityClassifier.FILE), parts[0]);
        IOException e = assertThrows(IOException.class, () -> new MajorityFactory().load(tmp));
        assertTrue(e.getMessage().startsWith(tmp.resolve(MajorityClassifier.FILE) + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
    }

    @Test
    void refusesAnEmptyTrainingSplit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MajorityFactory().train(TrainingData.of(LABELS, List.of()), TrainingOptions.seed(1)));
        assertEquals("no training examples", e.getMessage());
    }
}
