package org.stancebench.model.fasttext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stancebench.model.text.FeatureIndex;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.SparseFeaturizer;
import org.stancebench.model.text.SparseVector;
import org.stancebench.model.text.Vocabulary;

/**
 * The input rows of a fastText model for a text, with their counts: known words by vocabulary,
 * word n-grams (2..wordNgrams) and optional character n-grams hashed into {@code buckets}, and one
 * end-of-sentence row present in every text.
 *
 * <p>Row layout: {@code [0, words)} vocabulary words, {@code [words, words + buckets)} hashed
 * n-grams, and row {@code words + buckets} the end-of-sentence token (fastText appends {@code </s>}
 * to every line; it acts as a bias, since the output layer has none). Words below the minimum count
 * are dropped, but n-grams containing them are kept, as in fastText. Immutable and thread-safe.
 */
public final class FastTextFeaturizer {
    private final SparseFeaturizer featurizer;
    private final Vocabulary words;
    private final int buckets;

    /** A featurizer over {@code extractor}'s n-grams with this vocabulary and bucket count. */
    public FastTextFeaturizer(NgramExtractor extractor, Vocabulary words, int buckets) {
        if (extractor.wordMin() != 1) {
            throw new IllegalArgumentException("fastText features need word unigrams, got " + extractor);
        }
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1, got " + buckets);
        }
        this.words = words;
        this.buckets = buckets;
        int nwords = words.size();
        FeatureIndex index = new FeatureIndex() {
            @Override
            public int size() {
                return nwords + buckets;
            }

            @Override
            public int indexOf(int kind, long fingerprint) {
                if (kind == NgramExtractor.wordKind(1)) {
                    return words.indexOf(kind, fingerprint);
                }
                return nwords + (int) Math.floorMod(fingerprint, (long) buckets);
            }
        };
        this.featurizer = new SparseFeaturizer(extractor, index);
    }

    /** The unigram-only extractor a vocabulary is fitted with. */
    static NgramExtractor unigrams(NgramExtractor extractor) {
        return new NgramExtractor(extractor.tokenizer(), 1, 1, 0, 0);
    }

    /** The n-gram extractor. */
    public NgramExtractor extractor() {
        return featurizer.extractor();
    }

    /** The word vocabulary. */
    public Vocabulary words() {
        return words;
    }

    /** The number of hash buckets. */
    public int buckets() {
        return buckets;
    }

    /** The number of input rows: words, buckets and the end-of-sentence row. */
    public int rows() {
        return words.size() + buckets + 1;
    }

    /** New scratch space for {@link #featurize(String, SparseFeaturizer.Scratch)}; one per thread. */
    public SparseFeaturizer.Scratch newScratch() {
        return featurizer.newScratch();
    }

    /**
     * The rows of {@code text} with counts in {@code scratch.indices()/values()}, end-of-sentence
     * row last; returns the number of entries (always at least 1).
     */
    public int featurize(String text, SparseFeaturizer.Scratch scratch) {
        int n = featurizer.featurize(text, scratch);
        scratch.indices()[n] = words.size() + buckets;
        scratch.values()[n] = 1f;
        return n + 1;
    }

    /** The rows of every text (allocates the results). */
    public List<SparseVector> featurizeAll(List<String> texts) {
        SparseFeaturizer.Scratch scratch = newScratch();
        List<SparseVector> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(toVector(text, scratch));
        }
        return out;
    }

    /** The rows of one text as a vector (allocates). */
    public SparseVector featurize(String text) {
        return toVector(text, newScratch());
    }

    private SparseVector toVector(String text, SparseFeaturizer.Scratch scratch) {
        int n = featurize(text, scratch);
        return new SparseVector(rows(), Arrays.copyOf(scratch.indices(), n), Arrays.copyOf(scratch.values(), n));
    }
}
