package org.stancebench.model.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.SparseFeaturizer;
import org.stancebench.model.text.SparseVector;
import org.stancebench.model.text.Vocabulary;

/**
 * TF-IDF features over one or more n-gram blocks (for example word 1-2-grams and char_wb
 * 2-5-grams), each block weighted and L2-normalised on its own and the blocks concatenated: the
 * same vectors as scikit-learn's {@code FeatureUnion} of {@code TfidfVectorizer}s with
 * {@code smooth_idf=True, norm="l2"} (up to the order of the columns).
 *
 * <p>Per block: {@code tf} is the raw count, or {@code 1 + ln(count)} with sublinear tf;
 * {@code idf = ln((1 + n) / (1 + df)) + 1}; the row is divided by its Euclidean norm (an all-zero
 * block stays zero). Immutable and thread-safe; {@link #transform(String, Scratch)} is the
 * allocation-free fast path, one {@link Scratch} per thread.
 */
public final class TfidfFeaturizer {
    private final List<SparseFeaturizer> blocks;
    private final List<float[]> idfs;
    private final int[] offsets;
    private final int dimension;
    private final boolean sublinear;

    /** A featurizer from fitted blocks and their idf vectors (one entry per block feature). */
    public TfidfFeaturizer(List<SparseFeaturizer> blocks, List<float[]> idfs, boolean sublinear) {
        if (blocks.isEmpty() || blocks.size() != idfs.size()) {
            throw new IllegalArgumentException("need one idf vector per block, got " + blocks.size() + " blocks and "
                    + idfs.size() + " idf vectors");
        }
        this.blocks = List.copyOf(blocks);
        this.idfs = new ArrayList<>();
        this.offsets = new int[blocks.size()];
        int dim = 0;
        for (int i = 0; i < blocks.size(); i++) {
            float[] idf = idfs.get(i);
            if (idf.length != blocks.get(i).dimension()) {
                throw new IllegalArgumentException("block " + i + " has " + blocks.get(i).dimension()
                        + " features but " + idf.length + " idf values");
            }
            this.idfs.add(idf.clone());
            offsets[i] = dim;
            dim += idf.length;
        }
        this.dimension = dim;
        this.sublinear = sublinear;
    }

    /**
     * Fits one vocabulary block per extractor on {@code texts} (n-grams in at least {@code minDf}
     * documents) and their smooth idf.
     */
    public static TfidfFeaturizer fit(List<String> texts, List<NgramExtractor> extractors, int minDf,
                                      boolean sublinear) {
        List<SparseFeaturizer> blocks = new ArrayList<>();
        List<float[]> idfs = new ArrayList<>();
        for (NgramExtractor extractor : extractors) {
            SparseFeaturizer block = new SparseFeaturizer(extractor, Vocabulary.fit(texts, extractor, minDf));
            int[] df = new int[block.dimension()];
            SparseFeaturizer.Scratch scratch = block.newScratch();
            for (String text : texts) {
                int n = block.featurize(text, scratch);
                int[] idx = scratch.indices();
                for (int i = 0; i < n; i++) {
                    df[idx[i]]++;
                }
            }
            float[] idf = new float[df.length];
            for (int f = 0; f < df.length; f++) {
                idf[f] = (float) (Math.log((1.0 + texts.size()) / (1.0 + df[f])) + 1.0);
            }
            blocks.add(block);
            idfs.add(idf);
        }
        return new TfidfFeaturizer(blocks, idfs, sublinear);
    }

    /** The total number of features. */
    public int dimension() {
        return dimension;
    }

    /** Whether tf is {@code 1 + ln(count)}. */
    public boolean sublinear() {
        return sublinear;
    }

    /** The blocks, in column order. */
    public List<SparseFeaturizer> blocks() {
        return blocks;
    }

    /** The idf vector of block {@code i} (a copy). */
    public float[] idf(int i) {
        return idfs.get(i).clone();
    }

    /** New scratch space for {@link #transform(String, Scratch)}; one per thread. */
    public Scratch newScratch() {
        return new Scratch(blocks);
    }

    /**
     * Writes the TF-IDF vector of {@code text} into {@code scratch.indices()/values()} and returns
     * the number of entries.
     */
    public int transform(String text, Scratch scratch) {
        int n = 0;
        for (int b = 0; b < blocks.size(); b++) {
            SparseFeaturizer.Scratch bs = scratch.blockScratch[b];
            int m = blocks.get(b).featurize(text, bs);
            scratch.ensure(n + m);
            int[] idx = bs.indices();
            float[] val = bs.values();
            float[] idf = idfs.get(b);
            int offset = offsets[b];
            double sumSq = 0;
            for (int i = 0; i < m; i++) {
                double tf = sublinear ? 1.0 + Math.log(val[i]) : val[i];
                double v = tf * idf[idx[i]];
                scratch.tmp[i] = v;
                sumSq += v * v;
            }
            double scale = sumSq > 0 ? 1.0 / Math.sqrt(sumSq) : 0.0;
            for (int i = 0; i < m; i++) {
                scratch.indices[n + i] = offset + idx[i];
                scratch.values[n + i] = (float) (scratch.tmp[i] * scale);
            }
            n += m;
        }
        scratch.size = n;
        return n;
    }

    /** The TF-IDF vector of {@code text} as a new vector (allocates). */
    public SparseVector transform(String text) {
        Scratch scratch = newScratch();
        int n = transform(text, scratch);
        return new SparseVector(dimension, Arrays.copyOf(scratch.indices, n), Arrays.copyOf(scratch.values, n));
    }

    /** The TF-IDF vectors of {@code texts}, in order, reusing one scratch space (allocates the results). */
    public List<SparseVector> transformAll(List<String> texts) {
        Scratch scratch = newScratch();
        List<SparseVector> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            int n = transform(text, scratch);
            out.add(new SparseVector(dimension, Arrays.copyOf(scratch.indices, n), Arrays.copyOf(scratch.values, n)));
        }
        return out;
    }

    /** Per-thread scratch space of a {@link TfidfFeaturizer}; not thread-safe. */
    public static final class Scratch {
        private final SparseFeaturizer.Scratch[] blockScratch;
        private int[] indices = new int[1024];
        private float[] values = new float[1024];
        private double[] tmp = new double[1024];
        private int size;

        Scratch(List<SparseFeaturizer> blocks) {
            blockScratch = new SparseFeaturizer.Scratch[blocks.size()];
            for (int i = 0; i < blockScratch.length; i++) {
                blockScratch[i] = Objects.requireNonNull(blocks.get(i)).newScratch();
            }
        }

        /** Feature indices of the last text, valid in {@code [0, size())}. */
        public int[] indices() {
            return indices;
        }

        /** TF-IDF values of the last text, valid in {@code [0, size())}. */
        public float[] values() {
            return values;
        }

        /** The number of valid entries. */
        public int size() {
            return size;
        }

        private void ensure(int n) {
            if (indices.length < n) {
                int cap = Math.max(n, indices.length * 2);
                indices = Arrays.copyOf(indices, cap);
                values = Arrays.copyOf(values, cap);
                tmp = new double[cap];
            } else if (tmp.length < n) {
                tmp = new double[indices.length];
            }
        }
    }
}
