package org.stancebench.model.fasttext;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
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
 * <p>Per batch, the distinct input rows the batch uses are copied into a small DJL parameter
 * {@code E} ({@code U x dim}); the batch's averaging weights form a dense {@code B x U} matrix
 * {@code A} ({@code A[b][u] = count / total}), so {@code hidden = A E} and {@code logits = hidden O}
 * are plain matrix products; DJL's autograd gives the gradients of {@code E} and {@code O}, and the
 * touched rows are updated in the Java-side master matrix. This keeps each step proportional to the
 * batch, not to the {@code words + buckets} rows (a dense gradient over 2^18 x 100 floats per step
 * would be 100 MB). The loss is summed over the batch, so each example moves the weights as much as
 * in fastText's one-example steps.
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
                         Consumer<String> progress) {
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
        int[] localOf = new int[inputRows];
        Arrays.fill(localOf, -1);
        int[] globals = new int[1024];
        long total = (long) cfg.epochs() * n;
        long processed = 0;
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = NDManager.newBaseManager(engine.defaultDevice(), "PyTorch")) {
            for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                double lossSum = 0;
                for (int start = 0; start < n; start += cfg.batch()) {
                    int end = Math.min(n, start + cfg.batch());
                    int b = end - start;
                    float lr = (float) (cfg.lr() * Math.max(0.0, 1.0 - (double) processed / total));
                    int u = 0;
                    for (int i = start; i < end; i++) {
                        SparseVector row = rows.get(order[i]);
                        for (int j = 0; j < row.size(); j++) {
                            int g = row.index(j);
                            if (localOf[g] < 0) {
                                if (u == globals.length) {
                                    globals = Arrays.copyOf(globals, u * 2);
                                }
                                localOf[g] = u;
                                globals[u++] = g;
                            }
                        }
                    }
                    float[] a = new float[b * u];
                    float[] target = new float[b * classes];
                    for (int i = 0; i < b; i++) {
                        SparseVector row = rows.get(order[start + i]);
                        float sum = 0;
                        for (int j = 0; j < row.size(); j++) {
                            sum += row.value(j);
                        }
                        for (int j = 0; j < row.size(); j++) {
                            a[i * u + localOf[row.index(j)]] += row.value(j) / sum;
                        }
                        target[i * classes + labels[order[start + i]]] = 1f;
                    }
                    float[] local = new float[u * dim];
                    for (int k = 0; k < u; k++) {
                        System.arraycopy(input, globals[k] * dim, local, k * dim, dim);
                    }
                    float[] gradE;
                    float[] gradO;
                    try (NDManager m = manager.newSubManager()) {
                        NDArray e = m.create(local, new Shape(u, dim));
                        NDArray o = m.create(output, new Shape(dim, classes));
                        e.setRequiresGradient(true);
                        o.setRequiresGradient(true);
                        try (GradientCollector gc = engine.newGradientCollector()) {
                            NDArray logits = m.create(a, new Shape(b, u)).matMul(e).matMul(o);
                            NDArray loss = logits.logSoftmax(1).mul(m.create(target, new Shape(b, classes))).sum().neg();
                            lossSum += loss.getFloat();
                            gc.backward(loss);
                        }
                        gradE = e.getGradient().toFloatArray();
                        gradO = o.getGradient().toFloatArray();
                    }
                    for (int k = 0; k < u; k++) {
                        int base = globals[k] * dim;
                        int lb = k * dim;
                        for (int d = 0; d < dim; d++) {
                            input[base + d] -= lr * gradE[lb + d];
                        }
                        touched[globals[k]] = true;
                        localOf[globals[k]] = -1;
                    }
                    for (int k = 0; k < output.length; k++) {
                        output[k] -= lr * gradO[k];
                    }
                    processed += b;
                }
                progress.accept(String.format(Locale.ROOT, "  fasttext epoch %d/%d: mean loss %.4f", epoch + 1,
                        cfg.epochs(), lossSum / n));
            }
        }
        return new Weights(input, output, touched);
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
