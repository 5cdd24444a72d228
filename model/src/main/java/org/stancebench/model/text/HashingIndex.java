package org.stancebench.model.text;

/**
 * The hashing trick: every n-gram maps to bucket {@code floorMod(fingerprint, buckets)}.
 *
 * <p>Stable across runs and platforms because the fingerprint is MurmurHash3 of UTF-8 bytes. The
 * kind is already part of the fingerprint (it is the hash seed), so word and character n-grams are
 * spread independently. Immutable.
 *
 * @param buckets the number of buckets, at least 1
 */
public record HashingIndex(int buckets) implements FeatureIndex {
    public HashingIndex {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1, got " + buckets);
        }
    }

    @Override
    public int size() {
        return buckets;
    }

    @Override
    public int indexOf(int kind, long fingerprint) {
        return (int) Math.floorMod(fingerprint, (long) buckets);
    }
}
