package org.stancebench.model.fasttext;

import org.stancebench.api.Probabilities;

/**
 * The plain-Java forward pass of a fastText model: the count-weighted average of the input rows,
 * times the output matrix, then a softmax.
 *
 * <p>Input rows are float32, row-major, held one of two ways: dense ({@code input[row * dim + d]}
 * for every row, as training produces them) or compact (only the rows training changed, in
 * {@code input[slot[row] * dim + d]}; a row with {@code slot[row] < 0} still has its initial value,
 * which {@link #initRow} recomputes when a text uses it). Both give the same bits. Compact is what a
 * trained or loaded classifier keeps: on TweetEval irony with 262,144 buckets it holds 34k of 270k
 * rows (14 MB instead of 108 MB), so the rows a text touches mostly come from the cache, and loading
 * skips generating the untouched rows. The output matrix is {@code dim x classes}, row-major; there
 * is no output bias (the end-of-sentence row plays that part). Accumulation is in float, like
 * fastText. Immutable and thread-safe; allocation-free per call given a caller's scratch buffer.
 */
public final class FastTextScorer {
    private final float[] input;
    private final int[] slot;
    private final long initSeed;
    private final int rows;
    private final float[] output;
    private final int dim;
    private final int classes;

    /** A dense scorer over these matrices (not copied: the caller hands them over). */
    public FastTextScorer(float[] input, float[] output, int dim, int classes) {
        this(input, null, 0L, check(input, output, dim, classes) / dim, output, dim, classes);
    }

    private FastTextScorer(float[] input, int[] slot, long initSeed, int rows, float[] output, int dim, int classes) {
        this.input = input;
        this.slot = slot;
        this.initSeed = initSeed;
        this.rows = rows;
        this.output = output;
        this.dim = dim;
        this.classes = classes;
    }

    private static int check(float[] input, float[] output, int dim, int classes) {
        if (dim < 1 || classes < 1 || input.length % dim != 0 || output.length != dim * classes) {
            throw new IllegalArgumentException("inconsistent fastText matrices: input " + input.length + ", output "
                    + output.length + ", dim " + dim + ", classes " + classes);
        }
        return input.length;
    }

    /**
     * A compact scorer: {@code storedRows[k]} (ascending, distinct) is input row {@code k} of
     * {@code stored}; every other of the {@code rows} rows has its initial value for {@code initSeed}.
     */
    static FastTextScorer compact(long[] storedRows, float[] stored, int rows, long initSeed, float[] output, int dim,
                                  int classes) {
        check(stored, output, dim, classes);
        if (stored.length != storedRows.length * dim) {
            throw new IllegalArgumentException(storedRows.length + " stored rows but " + stored.length / dim + " rows of weights");
        }
        int[] slot = new int[rows];
        java.util.Arrays.fill(slot, -1);
        for (int k = 0; k < storedRows.length; k++) {
            slot[Math.toIntExact(storedRows[k])] = k;
        }
        return new FastTextScorer(stored, slot, initSeed, rows, output, dim, classes);
    }

    /** The compact form of a dense scorer whose rows outside {@code touched} have their initial values. */
    FastTextScorer compact(boolean[] touched, long seed) {
        if (slot != null) {
            return this;
        }
        long[] ids = storedRows(touched);
        float[] stored = new float[ids.length * dim];
        for (int k = 0; k < ids.length; k++) {
            System.arraycopy(input, (int) ids[k] * dim, stored, k * dim, dim);
        }
        return compact(ids, stored, rows, seed, output, dim, classes);
    }

    private static long[] storedRows(boolean[] touched) {
        return java.util.stream.IntStream.range(0, touched.length).filter(r -> touched[r]).asLongStream().toArray();
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
        return rows;
    }

    /** Length of the scratch buffer {@link #probabilities} needs. */
    public int scratchLength() {
        return 2 * dim;
    }

    /** Every input row, dense (for tests and the DJL comparison): rebuilt when compact. */
    float[] denseInput() {
        if (slot == null) {
            return input;
        }
        float[] dense = new float[Math.multiplyExact(rows, dim)];
        for (int r = 0; r < rows; r++) {
            if (slot[r] >= 0) {
                System.arraycopy(input, slot[r] * dim, dense, r * dim, dim);
            } else {
                initRow(initSeed, r, dense, dim);
            }
        }
        return dense;
    }

    /** The stored rows (every row when dense), ascending; {@link #storedWeights()} holds them in order. */
    long[] storedRowIds() {
        if (slot == null) {
            return java.util.stream.LongStream.range(0, rows).toArray();
        }
        long[] ids = new long[input.length / dim];
        for (int r = 0; r < rows; r++) {
            if (slot[r] >= 0) {
                ids[slot[r]] = r;
            }
        }
        return ids;
    }

    /** Whether a compact scorer stores {@code row} (a dense one stores every row). */
    boolean stores(int row) {
        return slot == null || slot[row] >= 0;
    }

    float[] storedWeights() {
        return input;
    }

    float[] output() {
        return output;
    }

    /**
     * Writes the class probabilities of the rows {@code (indices, counts)[0, n)} into {@code out},
     * using {@code scratch} (length at least {@link #scratchLength()}).
     */
    public void probabilities(int[] indices, float[] counts, int n, float[] scratch, double[] out) {
        java.util.Arrays.fill(scratch, 0, dim, 0f);
        float total = 0f;
        for (int i = 0; i < n; i++) {
            float c = counts[i];
            total += c;
            int row = indices[i];
            float[] from = input;
            int base;
            if (slot == null) {
                base = row * dim;
            } else if (slot[row] >= 0) {
                base = slot[row] * dim;
            } else {
                // A row training never changed: its initial value, computed again.
                initRow(initSeed, row, scratch, dim, dim);
                from = scratch;
                base = dim;
            }
            for (int d = 0; d < dim; d++) {
                scratch[d] += c * from[base + d];
            }
        }
        float inv = total > 0 ? 1f / total : 0f;
        for (int k = 0; k < classes; k++) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                s += scratch[d] * inv * output[d * classes + k];
            }
            out[k] = s;
        }
        Probabilities.softmaxInPlace(out);
    }

    /** Deterministic initial value of input row {@code row}: uniform in [-1/dim, 1/dim) as fastText. */
    static void initRow(long seed, int row, float[] into, int dim) {
        initRow(seed, row, into, row * dim, dim);
    }

    /** {@link #initRow(long, int, float[], int)} written at {@code into[base, base + dim)}. */
    static void initRow(long seed, int row, float[] into, int base, int dim) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (row + 1L)));
        for (int d = 0; d < dim; d++) {
            into[base + d] = (float) ((r.nextDouble() * 2 - 1) / dim);
        }
    }
}
