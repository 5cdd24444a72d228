package org.stancebench.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

class CentroidClassifierTest {
    static final List<String> LABELS = List.of("pos", "neg", "unseen");
    static final TrainingData DATA = TrainingData.of(LABELS, List.of(
            new LabeledText("1", "good great fine", "pos"),
            new LabeledText("2", "great good", "pos"),
            new LabeledText("3", "bad awful terrible!", "neg"),
            new LabeledText("4", "awful bad", "neg")));

    @TempDir
    Path dir;

    @Test
    void isFoundThroughServiceLoader() {
        assertTrue(ServiceLoader.load(ClassifierFactory.class).stream()
                .anyMatch(p -> p.get().name().equals("centroid-example")));
    }

    @Test
    void predictsTheNearestCentroidAndKeepsAnUnseenLabelAtTheFloor() {
        Classifier model = new CentroidFactory().train(DATA, TrainingOptions.seed(1));
        for (String text : List.of("good great", "awful bad", "", "something else entirely")) {
            double[] p = model.predictProba(text);
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-9, text);
            assertEquals(CentroidClassifier.FLOOR, p[2], 1e-12, "no centroid for 'unseen'");
        }
        assertTrue(model.predictProba("good great")[0] > 0.5);
        assertTrue(model.predictProba("awful bad")[1] > 0.5);
    }

    @Test
    void savedModelPredictsTheSame() throws IOException {
        Classifier model = new CentroidFactory().train(DATA, TrainingOptions.seed(1).with("buckets", "16"));
        model.save(dir);
        Classifier back = new CentroidFactory().load(dir);
        assertEquals(LABELS, back.labels());
        assertEquals(model.settings(), back.settings());
        for (String text : List.of("good", "bad bad!", "")) {
            assertArrayEquals(model.predictProba(text), back.predictProba(text), text);
        }
    }

    @Test
    void badSettingsAndFilesAreRefusedWithOneLine() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CentroidFactory().train(DATA, TrainingOptions.seed(1).with("nope", "1")));
        assertTrue(e.getMessage().contains("unknown setting 'nope'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new CentroidFactory().train(DATA, TrainingOptions.seed(1).with("buckets", "0")));
        IOException missing = assertThrows(IOException.class, () -> new CentroidFactory().load(dir));
        assertTrue(missing.getMessage().endsWith("centroids.txt: missing"), missing.getMessage());
        Files.writeString(dir.resolve("centroids.txt"), "buckets\t1\ntemperature\t1\npos\t1\t2\n");
        IOException shortLine = assertThrows(IOException.class, () -> new CentroidFactory().load(dir));
        assertTrue(shortLine.getMessage().contains("line 3: expected 5 centroid values, got 2"), shortLine.getMessage());
    }
}
