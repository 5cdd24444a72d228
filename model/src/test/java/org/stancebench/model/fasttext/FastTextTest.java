package org.stancebench.model.fasttext;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.Probabilities;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.text.SparseVector;
import org.stancebench.model.text.ToyTask;

class FastTextTest {

    /** Small and fast: tests need no 2^18 x 100 matrix. */
    private static TrainingOptions small(long seed) {
        return TrainingOptions.seed(seed).with("dim", "16").with("bucket", "4096").with("lr", "0.5").with("epoch", "30")
                .with("batch", "4");
    }

    private static TrainingData noDev() {
        TrainingData toy = ToyTask.data();
        return TrainingData.of(toy.labels(), toy.train());
    }

    @Test
    void fitsSeparableToyDataPerfectly() {
        TrainingData data = noDev();
        Classifier model = new FastTextFactory().train(data, small(3).with("lr", "1.0").with("epoch", "60"));
        for (LabeledText t : data.train()) {
            assertEquals(t.label(), ToyTask.LABELS.get(Probabilities.argmax(model.predictProba(t.text()))), t.text());
        }
    }

    @Test
    void tunesOnDevWhenGiven() {
        Classifier model = new FastTextFactory().train(ToyTask.data(), TrainingOptions.seed(3).with("dim", "8")
                .with("bucket", "1024").with("lr_grid", "0.2,1").with("epoch_grid", "5,20"));
        assertEquals("true", model.settings().get("tuned_on_dev"));
        assertTrue(List.of("0.2", "1.0").contains(model.settings().get("lr")), model.settings().toString());
    }

    @Test
    void probabilitiesAreValidForAwkwardTexts() {
        Classifier model = new FastTextFactory().train(noDev(), small(1));
        for (String text : ToyTask.PROBES) {
            double[] p = model.predictProba(text);
            assertEquals(ToyTask.LABELS.size(), p.length);
            assertEquals(1.0, Arrays.stream(p).sum(), 1e-6);
            assertTrue(Arrays.stream(p).allMatch(v -> v >= 0 && Double.isFinite(v)));
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        Classifier a = new FastTextFactory().train(noDev(), small(11));
        Classifier b = new FastTextFactory().train(noDev(), small(11));
        Classifier c = new FastTextFactory().train(noDev(), small(12));
        boolean differs = false;
        for (String text : ToyTask.PROBES) {
            assertArrayEquals(a.predictProba(text), b.predictProba(text), text);
            differs |= !Arrays.equals(a.predictProba(text), c.predictProba(text));
        }
        assertTrue(differs, "a different seed gave identical probabilities");
    }

    /** Compact rows (unchanged rows recomputed from the seed) must give the dense scorer's bits. */
    @Test
    void compactScorerEqualsDenseScorerExactly() {
        FastTextClassifier model = (FastTextClassifier) new FastTextFactory().train(noDev(), small(2));
        FastTextScorer compact = model.scorer();
        FastTextScorer dense = new FastTextScorer(compact.denseInput(), compact.output(), compact.dim(), compact.classes());
        List<String> texts = new ArrayList<>(ToyTask.PROBES);
        texts.add("zebra quantum marmalade never seen in training at all");
        int unstored = 0;
        for (String text : texts) {
            SparseVector row = model.featurizer().featurizeAll(List.of(text)).get(0);
            for (int i = 0; i < row.size(); i++) {
                unstored += compact.stores(row.indices()[i]) ? 0 : 1;
            }
            double[] a = new double[compact.classes()];
            double[] b = new double[compact.classes()];
            compact.probabilities(row.indices(), row.values(), row.size(), new float[compact.scratchLength()], a);
            dense.probabilities(row.indices(), row.values(), row.size(), new float[dense.scratchLength()], b);
            assertArrayEquals(b, a, 0.0, text);
        }
        assertTrue(unstored > 0, "no text used a row training left unchanged; the test would prove nothing");
        assertTrue(compact.storedWeights().length < compact.denseInput().length / 10, "the compact scorer is not compact");
    }

    @Test
    void plainJavaForwardMatchesDjlForward() {
        FastTextClassifier model = (FastTextClassifier) new FastTextFactory().train(noDev(), small(2).with("wordNgrams", "3"));
        List<String> texts = new ArrayList<>(ToyTask.PROBES);
        noDev().train().forEach(t -> texts.add(t.text()));
        List<SparseVector> rows = model.featurizer().featurizeAll(texts);
        FastTextScorer scorer = model.scorer();
        double[][] djl = FastTextTrainer.probabilities(scorer.denseInput(), scorer.output(), scorer.dim(), scorer.classes(), rows);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(djl[i], model.predictProba(texts.get(i)), 1e-5, texts.get(i));
        }
    }

    /**
     * The trainer's step (hidden layer and input-row gradients in Java, the rest by DJL autograd)
     * must move the weights exactly as DJL differentiating the whole graph {@code A E O} does.
     */
    @Test
    void trainerStepEqualsAutogradThroughTheWholeGraph() {
        int dim = 5;
        int classes = 3;
        int rowsCount = 12;
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        float[] input = new float[rowsCount * dim];
        float[] output = new float[dim * classes];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (r.nextDouble() - 0.5);
        }
        for (int i = 0; i < output.length; i++) {
            output[i] = (float) (r.nextDouble() - 0.5);
        }
        // row 4 appears in two examples, with counts; row 0 in none
        List<SparseVector> batch = List.of(
                new SparseVector(rowsCount, new int[] {4, 7}, new float[] {2f, 1f}),
                new SparseVector(rowsCount, new int[] {1, 4, 11}, new float[] {1f, 1f, 3f}));
        int[] labels = {2, 0};
        float lr = 0.3f;

        // Reference: the dense graph A E O, every distinct row a parameter, differentiated by DJL.
        int[] rowsUsed = {1, 4, 7, 11};
        float[] a = new float[2 * rowsUsed.length];
        for (int i = 0; i < batch.size(); i++) {
            SparseVector v = batch.get(i);
            float sum = 0;
            for (int j = 0; j < v.size(); j++) {
                sum += v.value(j);
            }
            for (int j = 0; j < v.size(); j++) {
                a[i * rowsUsed.length + Arrays.binarySearch(rowsUsed, v.index(j))] += v.value(j) / sum;
            }
        }
        float[] local = new float[rowsUsed.length * dim];
        for (int k = 0; k < rowsUsed.length; k++) {
            System.arraycopy(input, rowsUsed[k] * dim, local, k * dim, dim);
        }
        float[] expectedInput = input.clone();
        float[] expectedOutput = output.clone();
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(engine.defaultDevice(), "PyTorch")) {
            ai.djl.ndarray.NDArray e = m.create(local, new ai.djl.ndarray.types.Shape(rowsUsed.length, dim));
            ai.djl.ndarray.NDArray o = m.create(output, new ai.djl.ndarray.types.Shape(dim, classes));
            e.setRequiresGradient(true);
            o.setRequiresGradient(true);
            float[] target = new float[2 * classes];
            target[labels[0]] = 1f;
            target[classes + labels[1]] = 1f;
            try (ai.djl.training.GradientCollector gc = engine.newGradientCollector()) {
                ai.djl.ndarray.NDArray loss = m.create(a, new ai.djl.ndarray.types.Shape(2, rowsUsed.length)).matMul(e)
                        .matMul(o).logSoftmax(1).mul(m.create(target, new ai.djl.ndarray.types.Shape(2, classes)))
                        .sum().neg();
                gc.backward(loss);
            }
            float[] gradE = e.getGradient().toFloatArray();
            float[] gradO = o.getGradient().toFloatArray();
            for (int k = 0; k < rowsUsed.length; k++) {
                for (int d = 0; d < dim; d++) {
                    expectedInput[rowsUsed[k] * dim + d] -= lr * gradE[k * dim + d];
                }
            }
            for (int k = 0; k < output.length; k++) {
                expectedOutput[k] -= lr * gradO[k];
            }

            boolean[] touched = new boolean[rowsCount];
            float[] before = input.clone();
            new FastTextTrainer.Step(dim, classes, 1).apply(batch, labels, lr, input, output, touched, engine, m);
            assertArrayEquals(expectedInput, input, 1e-6f);
            assertArrayEquals(expectedOutput, output, 1e-6f);
            assertTrue(touched[1] && touched[4] && touched[7] && touched[11] && !touched[0], Arrays.toString(touched));
            assertFalse(Arrays.equals(before, input), "the step moved nothing");
        }
    }

    @Test
    void saveAndLoadRoundTripsExactly(@TempDir Path dir) throws IOException {
        FastTextFactory factory = new FastTextFactory();
        Classifier model = factory.train(noDev(), small(5).with("minn", "3").with("maxn", "3"));
        model.save(dir);
        // Only touched rows are stored: far fewer than the 4096 buckets.
        assertTrue(Files.size(dir.resolve("rows.bin")) < 4096 * 8);
        Classifier loaded = factory.load(dir);
        assertEquals(model.labels(), loaded.labels());
        assertEquals(model.settings(), loaded.settings());
        for (String text : ToyTask.PROBES) {
            assertArrayEquals(model.predictProba(text), loaded.predictProba(text), text);
        }
    }

    @Test
    void damagedModelDirectoriesAreRefused(@TempDir Path dir) throws IOException {
        FastTextFactory factory = new FastTextFactory();
        factory.train(noDev(), small(5)).save(dir);
        byte[] weights = Files.readAllBytes(dir.resolve("weights.bin"));
        Files.write(dir.resolve("weights.bin"), Arrays.copyOf(weights, weights.length + 4));
        IOException e = assertThrows(IOException.class, () -> factory.load(dir));
        assertTrue(e.getMessage().contains("weights.bin"), e.getMessage());
        Files.write(dir.resolve("weights.bin"), weights);
        byte[] rows = Files.readAllBytes(dir.resolve("rows.bin"));
        byte[] swapped = rows.clone();
        System.arraycopy(rows, 0, swapped, 8, 8);
        System.arraycopy(rows, 8, swapped, 0, 8);
        Files.write(dir.resolve("rows.bin"), swapped);
        e = assertThrows(IOException.class, () -> factory.load(dir));
        assertTrue(e.getMessage().contains("rows.bin"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), "not json");
        e = assertThrows(IOException.class, () -> factory.load(dir));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void badSettingsAreRejected() {
        FastTextFactory factory = new FastTextFactory();
        assertThrows(IllegalArgumentException.class, () -> factory.train(noDev(), small(1).with("dimension", "5")));
        assertThrows(IllegalArgumentException.class, () -> factory.train(noDev(), small(1).with("minn", "3")));
        assertThrows(IllegalArgumentException.class, () -> factory.train(noDev(), small(1).with("lr", "fast")));
        assertFalse(factory.description().isBlank());
    }
}
