package org.stancebench.model.text;

import java.util.Arrays;
import java.util.List;
import org.stancebench.model.hashing.LongIntMap;

/**
 * A learned vocabulary: the n-grams seen in at least {@code minDf} training documents, each with its
 * own feature index, stored as 64-bit fingerprints (no strings are kept).
 *
 * <p>Guarantees: indices are assigned in ascending (signed) fingerprint order, so equal training
 * texts give an equal vocabulary whatever the order of documents; unknown n-grams map to -1. Two
 * distinct n-grams share a fingerprint with probability about {@code V^2 / 2^65} (below 1e-8 for a
 * million n-grams), the only way this differs from scikit-learn's string vocabulary besides the
 * index order. Immutable and thread-safe.
 */
public final class Vocabulary implements FeatureIndex {
    private final long[] fingerprints;
    private final LongIntMap map;

    private Vocabulary(long[] sortedFingerprints) {
        this.fingerprints = sortedFingerprints;
        this.map = new LongIntMap(sortedFingerprints.length);
        for (int i = 0; i < sortedFingerprints.length; i++) {
            map.put(sortedFingerprints[i], i);
        }
    }

    /**
     * The vocabulary of {@code texts} under {@code extractor}: n-grams with document frequency at
     * least {@code minDf}.
     */
    public static Vocabulary fit(List<String> texts, NgramExtractor extractor, int minDf) {
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf must be >= 1, got " + minDf);
        }
        LongIntMap df = new LongIntMap(1 << 16);
        LongIntMap lastDoc = new LongIntMap(1 << 16);
        NgramBuffer buffer = new NgramBuffer();
        for (int d = 0; d < texts.size(); d++) {
            extractor.extract(texts.get(d), buffer);
            for (int i = 0; i < buffer.size(); i++) {
                long fp = buffer.fingerprint(i);
                int seen = lastDoc.get(fp);
                if (seen != d) {
                    lastDoc.put(fp, d);
                    df.increment(fp, 1);
                }
            }
        }
        long[] kept = new long[df.size()];
        int[] n = {0};
        df.forEach((key, value) -> {
            if (value >= minDf) {
                kept[n[0]++] = key;
            }
        });
        long[] sorted = Arrays.copyOf(kept, n[0]);
        Arrays.sort(sorted);
        return new Vocabulary(sorted);
    }

    /** A vocabulary of exactly these fingerprints, which must be strictly ascending (as saved). */
    public static Vocabulary of(long[] sortedFingerprints) {
        for (int i = 1; i < sortedFingerprints.length; i++) {
            if (sortedFingerprints[i - 1] >= sortedFingerprints[i]) {
                throw new IllegalArgumentException("vocabulary fingerprints are not strictly ascending at index " + i);
            }
        }
        return new Vocabulary(sortedFingerprints.clone());
    }

    /** The fingerprints in index order (a copy). */
    public long[] fingerprints() {
        return fingerprints.clone();
    }

    @Override
    public int size() {
        return fingerprints.length;
    }

    @Override
    public int indexOf(int kind, long fingerprint) {
        return map.get(fingerprint);
    }
}
