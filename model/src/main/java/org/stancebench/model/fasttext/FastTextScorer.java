package org.stancebench.model.fasttext;

import org.stancebench.model.linear.LinearScorer;

/**
 * The plain-Java forward pass of a fastText model: the count-weighted average of the input rows,
 * times the output matrix, then a softmax.
 *
 * <p>Input rows are float32, row-major ({@code input[row * dim + d]}); the output matrix is
 * {@code dim x classes}, row-major; there is no output bias (the end-of-sentence row plays that
 * part). Accumulation is in float, like fastText. Immutable and thread-safe; allocation-free per
 * call given a caller's {@code hidden} buffer.
 */
public final class FastTextScorer {
    private final float[] input;
    private final float[] output;
    private final int dim;
    private final int classes;

    /** A scorer over these matrices (not copied: the caller hands them over). */
    public FastTextScorer(float[] input, float[] output, int dim, int classes) {
        if (dim < 1 || classes < 1 || input.length % dim != 0 || output.length != dim * classes) {
            throw new IllegalArgumentException("inconsistent fastText matrices: input " + input.length + ", output "
                    + output.length + ", dim " + dim + ", classes " + classes);
        }
        this.input = input;
        this.output = output;
        this.dim = dim;
        this.classes = classes;
    }

    /** The embedding dimension. */
    public int dim() {
        return dim;
    }

    /** The number of classes. */
    public int classes() {
        return classes;
    }

    /** The number of input rows. */
    public int rows() {
        return input.length / dim;
    }

    float[] input() {
        return input;
    }

    float[] output() {
        return output;
    }

    /**
     * Writes the class probabilities of the rows {@code (indices, counts)[0, n)} into {@code out},
     * using {@code hidden} (length {@code dim}) as scratch.
     */
    public void probabilities(int[] indices, float[] counts, int n, float[] hidden, double[] out) {
        java.util.Arrays.fill(hidden, 0, dim, 0f);
        float total = 0f;
        for (int i = 0; i < n; i++) {
            float c = counts[i];
            total += c;
            int base = indices[i] * dim;
            for (int d = 0; d < dim; d++) {
                hidden[d] += c * input[base + d];
            }
        }
        float inv = total > 0 ? 1f / total : 0f;
        for (int k = 0; k < classes; k++) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                s += hidden[d] * inv * output[d * classes + k];
            }
            out[k] = s;
        }
        LinearScorer.softmaxInPlace(out);
    }

    /** Deterministic initial value of input row {@code row}: uniform in [-1/dim, 1/dim) as fastText. */
    static void initRow(long seed, int row, float[] into, int dim) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (row + 1L)));
        int base = row * dim;
        for (int d = 0; d < dim; d++) {
            into[base + d] = (float) ((r.nextDouble() * 2 - 1) / dim);
        }
    }
}
