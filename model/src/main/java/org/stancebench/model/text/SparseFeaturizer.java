package org.stancebench.model.text;

import java.util.Arrays;

/**
 * Turns a text into n-gram counts over a {@link FeatureIndex}: the shared first stage of the sparse
 * classifiers (TF-IDF logistic regression, naive Bayes, fastText).
 *
 * <p>Guarantees: the counts are those of scikit-learn's {@code CountVectorizer} with the same
 * n-gram settings (up to the index order); entries come in first-occurrence order, a deterministic
 * function of the text; n-grams the index does not know are dropped. Immutable and thread-safe; the
 * fast path {@link #featurize(String, Scratch)} allocates nothing per n-gram, only per text the
 * lower-cased string, with one {@link Scratch} per thread.
 */
public final class SparseFeaturizer {
    private final NgramExtractor extractor;
    private final FeatureIndex index;

    /** A featurizer mapping {@code extractor}'s n-grams through {@code index}. */
    public SparseFeaturizer(NgramExtractor extractor, FeatureIndex index) {
        this.extractor = java.util.Objects.requireNonNull(extractor, "extractor");
        this.index = java.util.Objects.requireNonNull(index, "index");
    }

    /** The n-gram extractor. */
    public NgramExtractor extractor() {
        return extractor;
    }

    /** The feature index. */
    public FeatureIndex index() {
        return index;
    }

    /** The number of features (the dimension of every vector). */
    public int dimension() {
        return index.size();
    }

    /** New scratch space for {@link #featurize(String, Scratch)}; one per thread. */
    public Scratch newScratch() {
        return new Scratch(index.size());
    }

    /**
     * Featurizes {@code text} into {@code scratch}: afterwards {@code scratch.indices()[0..n)} and
     * {@code scratch.values()[0..n)} hold the counts, where n is the returned entry count.
     */
    public int featurize(String text, Scratch scratch) {
        NgramBuffer ngrams = scratch.ngrams;
        extractor.extract(text, ngrams);
        int[] position = scratch.position;
        int n = 0;
        int total = ngrams.size();
        scratch.ensure(total + 1);
        int[] indices = scratch.indices;
        float[] values = scratch.values;
        for (int i = 0; i < total; i++) {
            int f = index.indexOf(ngrams.kind(i), ngrams.fingerprint(i));
            if (f < 0) {
                continue;
            }
            int p = position[f];
            if (p < 0) {
                position[f] = n;
                indices[n] = f;
                values[n] = 1f;
                n++;
            } else {
                values[p] += 1f;
            }
        }
        for (int i = 0; i < n; i++) {
            position[indices[i]] = -1;
        }
        scratch.size = n;
        return n;
    }

    /**
     * The counts of {@code text} as a new vector. Allocates scratch space of the feature dimension on
     * every call: use {@link #featurizeAll} or {@link #featurize(String, Scratch)} in loops.
     */
    public SparseVector featurize(String text) {
        Scratch scratch = newScratch();
        int n = featurize(text, scratch);
        return new SparseVector(index.size(), Arrays.copyOf(scratch.indices, n), Arrays.copyOf(scratch.values, n));
    }

    /** The counts of {@code texts}, in order, reusing one scratch space (allocates the results). */
    public java.util.List<SparseVector> featurizeAll(java.util.List<String> texts) {
        Scratch scratch = newScratch();
        java.util.List<SparseVector> out = new java.util.ArrayList<>(texts.size());
        for (String text : texts) {
            int n = featurize(text, scratch);
            out.add(new SparseVector(index.size(), Arrays.copyOf(scratch.indices, n), Arrays.copyOf(scratch.values, n)));
        }
        return out;
    }

    /** Per-thread scratch space of a {@link SparseFeaturizer}; not thread-safe. */
    public static final class Scratch {
        final NgramBuffer ngrams = new NgramBuffer();
        final int[] position;
        int[] indices = new int[256];
        float[] values = new float[256];
        int size;

        Scratch(int dimension) {
            position = new int[dimension];
            Arrays.fill(position, -1);
        }

        /**
         * Feature indices of the last featurized text, valid in {@code [0, size())}; the arrays
         * always have room for one more entry, which a caller may append (fastText's end-of-line row).
         */
        public int[] indices() {
            return indices;
        }

        /** Values of the last featurized text, valid in {@code [0, size())}; may be rescaled in place. */
        public float[] values() {
            return values;
        }

        /** The number of valid entries. */
        public int size() {
            return size;
        }

        /** The n-grams of the last featurized text. */
        public NgramBuffer ngrams() {
            return ngrams;
        }

        void ensure(int n) {
            if (indices.length < n) {
                indices = new int[Math.max(n, indices.length * 2)];
                values = new float[indices.length];
            }
        }
    }
}
