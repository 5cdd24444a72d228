package org.stancebench.model.linear;

import org.stancebench.api.Probabilities;

/**
 * The plain-Java forward pass of a sparse linear model: {@code score_c = b_c + sum_j value_j *
 * W[index_j][c]}, then a softmax.
 *
 * <p>Weights are float32 in feature-major order ({@code W[f * classes + c]}), the layout DJL trained
 * them in; scores accumulate in double. Immutable and thread-safe; allocation-free per call.
 */
public final class LinearScorer {
    private final float[] weights;
    private final float[] bias;
    private final int classes;

    /** A scorer over {@code weights} ({@code features x classes}, row-major) and {@code bias}. */
    public LinearScorer(float[] weights, float[] bias) {
        if (bias.length == 0 || weights.length % bias.length != 0) {
            throw new IllegalArgumentException("weights length " + weights.length + " is not a multiple of "
                    + bias.length + " classes");
        }
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.classes = bias.length;
    }

    /** The number of classes. */
    public int classes() {
        return classes;
    }

    /** The number of features. */
    public int features() {
        return weights.length / classes;
    }

    /** A copy of the weights, feature-major. */
    public float[] weights() {
        return weights.clone();
    }

    /** A copy of the bias. */
    public float[] bias() {
        return bias.clone();
    }

    /** Writes the decision values of the sparse row {@code (indices, values)[0, n)} into {@code out}. */
    public void scores(int[] indices, float[] values, int n, double[] out) {
        int k = classes;
        for (int c = 0; c < k; c++) {
            out[c] = bias[c];
        }
        if (k == 2) {
            double s0 = out[0];
            double s1 = out[1];
            for (int i = 0; i < n; i++) {
                int base = indices[i] << 1;
                double v = values[i];
                s0 += v * weights[base];
                s1 += v * weights[base + 1];
            }
            out[0] = s0;
            out[1] = s1;
            return;
        }
        for (int i = 0; i < n; i++) {
            int base = indices[i] * k;
            double v = values[i];
            for (int c = 0; c < k; c++) {
                out[c] += v * weights[base + c];
            }
        }
    }

    /** Class probabilities (softmax of the decision values) of a sparse row, into {@code out}. */
    public void probabilities(int[] indices, float[] values, int n, double[] out) {
        scores(indices, values, n, out);
        Probabilities.softmaxInPlace(out);
    }
}
