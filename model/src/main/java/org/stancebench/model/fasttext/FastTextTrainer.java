package org.stancebench.model.fasttext;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.stancebench.model.text.SparseVector;

/**
 * Trains fastText's weights with DJL: mini-batch SGD on the softmax cross-entropy, learning rate
 * decaying linearly to zero over all examples as in fastText.
 *
 * <p>Per batch, each example's hidden vector (the count-weighted average of its input rows) is
 * gathered in Java; DJL computes {@code logits = hidden O}, the loss and, by autograd, its gradients
 * with respect to {@code hidden} and {@code O}; the gradient of the touched input rows follows by the
 * chain rule through the average (see {@link Step}). Each step so costs in proportion to the batch's
 * non-zero entries, not to the {@code words + buckets} rows (a dense gradient over 2^18 x 100
 * floats per step would be 100 MB), and only {@code B x dim} floats cross into PyTorch. The loss is
 * summed over the batch, so each example moves the weights as much as in fastText's one-example
 * steps; with class weights, each example's loss is multiplied by its label's weight (the one-hot
 * target carries the weight).
 *
 * <p>Deterministic: initial rows from {@link FastTextScorer#initRow} (seeded per row), the output
 * matrix starts at zero (as fastText), the example order is shuffled each epoch by
 * {@code SplittableRandom(seed)}, and PyTorch runs on one thread.
 */
final class FastTextTrainer {
    record Config(int dim, double lr, int epochs, int batch, long seed) {
    }

    record Weights(float[] input, float[] output, boolean[] touched) {
    }

    private FastTextTrainer() {
    }

    static Weights train(List<SparseVector> rows, int[] labels, int classes, int inputRows, Config cfg,
                         float[] classWeights, Consumer<String> progress) {
        int dim = cfg.dim();
        float[] input = new float[Math.multiplyExact(inputRows, dim)];
        for (int r = 0; r < inputRows; r++) {
            FastTextScorer.initRow(cfg.seed(), r, input, dim);
        }
        float[] output = new float[dim * classes];
        boolean[] touched = new boolean[inputRows];
        int n = rows.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom shuffle = new SplittableRandom(cfg.seed());
        long total = (long) cfg.epochs() * n;
        long processed = 0;
        Engine engine = Engine.getEngine("PyTorch");
        Step step = new Step(dim, classes, cfg.batch(), classWeights);
        try (NDManager manager = NDManager.newBaseManager(engine.defaultDevice(), "PyTorch")) {
            for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                double lossSum = 0;
                List<SparseVector> batch = new ArrayList<>(cfg.batch());
                int[] batchLabels = new int[cfg.batch()];
                for (int start = 0; start < n; start += cfg.batch()) {
                    int end = Math.min(n, start + cfg.batch());
                    float lr = (float) (cfg.lr() * Math.max(0.0, 1.0 - (double) processed / total));
                    batch.clear();
                    for (int i = start; i < end; i++) {
                        batch.add(rows.get(order[i]));
                        batchLabels[i - start] = labels[order[i]];
                    }
                    lossSum += step.apply(batch, batchLabels, lr, input, output, touched, engine, manager);
                    processed += end - start;
                }
                progress.accept(String.format(Locale.ROOT, "  fasttext epoch %d/%d: mean loss %.4f", epoch + 1,
                        cfg.epochs(), lossSum / n));
            }
        }
        return new Weights(input, output, touched);
    }

    /**
     * One SGD step on a batch, with its buffers. The hidden layer (each example's weighted average
     * of its input rows) is gathered in Java; DJL's autograd differentiates the summed softmax
     * cross-entropy of {@code hidden x output} with respect to both {@code hidden} and
     * {@code output}; the input rows' gradient follows by the chain rule through the average, which
     * is linear: {@code dL/dE[g] = sum_b A[b][g] dL/dhidden[b]}. This is the gradient of the same
     * graph as {@code A E O} (a test checks it against DJL differentiating that graph), without
     * copying the batch's input rows into and out of PyTorch on every step.
     */
    static final class Step {
        private final int dim;
        private final int classes;
        private float[] hidden;
        private float[] target;
        /** Each example's total count, the denominator of its average (forward and backward). */
        private float[] totals;
        /** Each label's loss weight (the one-hot target's value); null for all 1. */
        private final float[] classWeights;

        Step(int dim, int classes, int batch) {
            this(dim, classes, batch, null);
        }

        Step(int dim, int classes, int batch, float[] classWeights) {
            this.dim = dim;
            this.classes = classes;
            this.classWeights = classWeights == null ? null : classWeights.clone();
            this.hidden = new float[batch * dim];
            this.target = new float[batch * classes];
            this.totals = new float[batch];
        }

        /** Applies one step in place and returns the batch's summed loss (before the step). */
        double apply(List<SparseVector> batch, int[] labels, float lr, float[] input, float[] output,
                     boolean[] touched, Engine engine, NDManager manager) {
            int b = batch.size();
            if (hidden.length < b * dim) {
                hidden = new float[b * dim];
                target = new float[b * classes];
                totals = new float[b];
            }
            Arrays.fill(hidden, 0, b * dim, 0f);
            Arrays.fill(target, 0, b * classes, 0f);
            for (int i = 0; i < b; i++) {
                SparseVector row = batch.get(i);
                float sum = 0;
                for (int j = 0; j < row.size(); j++) {
                    sum += row.value(j);
                }
                totals[i] = sum;
                int h = i * dim;
                for (int j = 0; j < row.size(); j++) {
                    float w = row.value(j) / sum;
                    int base = row.index(j) * dim;
                    for (int d = 0; d < dim; d++) {
                        hidden[h + d] += w * input[base + d];
                    }
                }
                target[i * classes + labels[i]] = classWeights == null ? 1f : classWeights[labels[i]];
            }
            float[] gradH;
            float[] gradO;
            double loss;
            try (NDManager m = manager.newSubManager()) {
                NDArray hid = m.create(Arrays.copyOf(hidden, b * dim), new Shape(b, dim));
                NDArray o = m.create(output, new Shape(dim, classes));
                hid.setRequiresGradient(true);
                o.setRequiresGradient(true);
                try (GradientCollector gc = engine.newGradientCollector()) {
                    NDArray l = hid.matMul(o).logSoftmax(1)
                            .mul(m.create(Arrays.copyOf(target, b * classes), new Shape(b, classes))).sum().neg();
                    loss = l.getFloat();
                    gc.backward(l);
                }
                gradH = hid.getGradient().toFloatArray();
                gradO = o.getGradient().toFloatArray();
            }
            for (int i = 0; i < b; i++) {
                SparseVector row = batch.get(i);
                int h = i * dim;
                for (int j = 0; j < row.size(); j++) {
                    float step = lr * row.value(j) / totals[i];
                    int g = row.index(j);
                    int base = g * dim;
                    for (int d = 0; d < dim; d++) {
                        input[base + d] -= step * gradH[h + d];
                    }
                    touched[g] = true;
                }
            }
            for (int k = 0; k < output.length; k++) {
                output[k] -= lr * gradO[k];
            }
            return loss;
        }
    }

    /** Softmax probabilities computed by DJL over the full input matrix: the reference forward pass. */
    static double[][] probabilities(float[] input, float[] output, int dim, int classes, List<SparseVector> rows) {
        int inputRows = input.length / dim;
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            NDArray e = m.create(input, new Shape(inputRows, dim));
            NDArray o = m.create(output, new Shape(dim, classes));
            double[][] out = new double[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                SparseVector row = rows.get(r);
                long[] index = new long[row.size()];
                float[] weight = new float[row.size()];
                float sum = 0;
                for (int j = 0; j < row.size(); j++) {
                    sum += row.value(j);
                }
                for (int j = 0; j < row.size(); j++) {
                    index[j] = row.index(j);
                    weight[j] = row.value(j) / sum;
                }
                NDArray gathered = e.get(m.create(index));
                NDArray hidden = m.create(weight, new Shape(1, row.size())).matMul(gathered);
                float[] p = hidden.matMul(o).softmax(1).toFloatArray();
                out[r] = new double[classes];
                for (int k = 0; k < classes; k++) {
                    out[r][k] = p[k];
                }
            }
            return out;
        }
    }
}
