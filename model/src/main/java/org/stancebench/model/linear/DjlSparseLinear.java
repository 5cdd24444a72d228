package org.stancebench.model.linear;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.model.text.SparseVector;

/**
 * The objective of a sparse linear classifier evaluated with DJL (PyTorch): logits of a row are
 * {@code sum_j value_j * W[index_j] + b}, computed as a gather ({@code take}) of the padded
 * (index, value) pairs of a chunk of rows; the loss and its gradient come from DJL's autograd.
 *
 * <p>The objective is {@code (1/N) sum_i w_i loss_i + ||W||^2 / (2 C N)}: scikit-learn's
 * {@code C * sum_i w_i loss_i + ||W||^2 / 2} divided by {@code C N}, so it has the same minimiser;
 * the intercept is not penalised. Everything is float64 during training. Owns native memory:
 * close it.
 */
final class DjlSparseLinear implements AutoCloseable {
    private static final int CHUNK = 256;

    private final NDManager manager;
    private final List<Chunk> chunks = new ArrayList<>();
    private final int dim;
    private final int classes;
    private final int n;
    private final LinearLoss loss;
    private double c;

    private record Chunk(int rows, int width, long[] index, double[] value, double[] target, double[] weight) {
    }

    DjlSparseLinear(List<SparseVector> rows, int[] labels, double[] sampleWeight, int dim, int classes,
                    LinearLoss loss) {
        this.manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
        this.dim = dim;
        this.classes = classes;
        this.n = rows.size();
        this.loss = loss;
        // Rows sorted by length (stable, so deterministic) make chunks of similar width: far less
        // padding to gather and scatter. The objective is a sum, so the order does not matter.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> rows.get(i).size()));
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            int width = 1;
            for (int i = start; i < end; i++) {
                width = Math.max(width, rows.get(order[i]).size());
            }
            int b = end - start;
            long[] index = new long[b * width * classes];
            double[] value = new double[b * width];
            double[] target = new double[b * classes];
            double[] weight = new double[b];
            for (int i = 0; i < b; i++) {
                int r = order[start + i];
                SparseVector row = rows.get(r);
                for (int j = 0; j < row.size(); j++) {
                    for (int k = 0; k < classes; k++) {
                        index[(i * width + j) * classes + k] = (long) row.index(j) * classes + k;
                    }
                    value[i * width + j] = row.value(j);
                }
                weight[i] = sampleWeight[r];
                for (int k = 0; k < classes; k++) {
                    boolean gold = labels[r] == k;
                    target[i * classes + k] = loss == LinearLoss.LOGISTIC ? (gold ? weight[i] : 0) : (gold ? 1 : -1);
                }
            }
            chunks.add(new Chunk(b, width, index, value, target, weight));
        }
    }

    void setC(double c) {
        this.c = c;
    }

    /** The objective at {@code x = [W (dim x classes, row-major), b]}; writes its gradient. */
    double evaluate(double[] x, double[] grad) {
        return evaluate(x, grad, () -> { });
    }

    /**
     * Like {@link #evaluate(double[], double[])}, running {@code beforeBackward} between each chunk's
     * forward and backward pass (tests collect garbage there).
     *
     * <p>Every constant of the loss is an array of {@code m}, alive until the gradient is read: DJL's
     * operations with a number ({@code div(n)}, {@code maximum(0.0)}) wrap it in a tensor over a direct
     * buffer and close it at once, yet autograd keeps that tensor for the backward pass, so a garbage
     * collection in between would free the buffer under it and the gradient would read whatever
     * memory took its place.
     */
    double evaluate(double[] x, double[] grad, Runnable beforeBackward) {
        int wSize = dim * classes;
        double total = 0;
        try (NDManager m = manager.newSubManager()) {
            double[] wPart = java.util.Arrays.copyOf(x, wSize);
            double[] bPart = java.util.Arrays.copyOfRange(x, wSize, wSize + classes);
            NDArray w = m.create(wPart, new Shape(wSize));
            NDArray b = m.create(bPart, new Shape(classes));
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            NDArray count = m.create((double) n);
            NDArray one = m.create(1.0);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                for (Chunk ch : chunks) {
                    NDArray logits = logits(m, ch, w, b);
                    NDArray target = m.create(ch.target, new Shape(ch.rows, classes));
                    NDArray l;
                    if (loss == LinearLoss.LOGISTIC) {
                        l = logits.logSoftmax(1).mul(target).sum().neg();
                    } else {
                        NDArray margin = Activation.relu(one.sub(target.mul(logits)));
                        NDArray sw = m.create(ch.weight, new Shape(ch.rows, 1));
                        l = margin.square().mul(sw).sum();
                    }
                    l = l.div(count);
                    total += l.getDouble();
                    beforeBackward.run();
                    gc.backward(l);
                }
            }
            double[] gw = w.getGradient().toDoubleArray();
            double[] gb = b.getGradient().toDoubleArray();
            System.arraycopy(gw, 0, grad, 0, wSize);
            System.arraycopy(gb, 0, grad, wSize, classes);
        }
        double reg = 1.0 / (c * n);
        double sq = 0;
        for (int i = 0; i < wSize; i++) {
            sq += x[i] * x[i];
            grad[i] += reg * x[i];
        }
        return total + 0.5 * reg * sq;
    }

    /**
     * The gather: {@code W} is flat ({@code W[f * classes + c]}) and every (row, slot, class) has its
     * own flat index, so the backward is a 1-D scatter-add; PyTorch's embedding backward on CPU
     * instead adds row by row with a tensor per index, about 20 times slower here.
     */
    private NDArray logits(NDManager m, Chunk ch, NDArray w, NDArray b) {
        NDArray index = m.create(ch.index, new Shape(ch.rows, ch.width, classes));
        NDArray value = m.create(ch.value, new Shape(ch.rows, ch.width, 1));
        return w.take(index).mul(value).sum(new int[] {1}).add(b);
    }

    /**
     * Softmax probabilities of {@code rows} under float32 weights, computed by DJL: the reference
     * the plain-Java scorer is tested against.
     */
    static double[][] probabilities(float[] weights, float[] bias, int classes, List<SparseVector> rows) {
        int dim = weights.length / classes;
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            NDArray w = m.create(weights, new Shape((long) dim * classes));
            NDArray b = m.create(bias, new Shape(classes));
            double[][] out = new double[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                SparseVector row = rows.get(r);
                int width = Math.max(1, row.size());
                long[] index = new long[width * classes];
                float[] value = new float[width];
                for (int j = 0; j < row.size(); j++) {
                    for (int k = 0; k < classes; k++) {
                        index[j * classes + k] = (long) row.index(j) * classes + k;
                    }
                    value[j] = row.value(j);
                }
                NDArray gathered = w.take(m.create(index, new Shape(1, width, classes)));
                NDArray logits = gathered.mul(m.create(value, new Shape(1, width, 1))).sum(new int[] {1}).add(b);
                float[] p = logits.softmax(1).toFloatArray();
                out[r] = new double[classes];
                for (int k = 0; k < classes; k++) {
                    out[r][k] = p[k];
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
