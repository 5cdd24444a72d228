package org.stancebench.model.text;

/**
 * Maps an n-gram (its kind and fingerprint) to a feature index in {@code [0, size())}, or to -1
 * when the n-gram is not a feature.
 *
 * <p>Implementations are immutable and thread-safe: a learned {@link Vocabulary} or
 * {@link HashingIndex}; a classifier may combine both (fastText: known words by vocabulary, n-grams
 * by hashing).
 */
public interface FeatureIndex {

    /** The number of features. */
    int size();

    /** The feature index of the n-gram, or -1 when it is not a feature. */
    int indexOf(int kind, long fingerprint);
}
