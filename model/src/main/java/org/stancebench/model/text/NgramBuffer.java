package org.stancebench.model.text;

import java.util.Arrays;

/**
 * A reusable, mutable list of the n-grams of one text, each as its kind and 64-bit fingerprint,
 * plus the scratch space that produced them.
 *
 * <p>Not thread-safe: one per thread. Valid until the next
 * {@link NgramExtractor#extract(String, NgramBuffer)} with it.
 */
public final class NgramBuffer {
    final TokenBuffer tokens = new TokenBuffer();
    private long[] fingerprints = new long[1024];
    private byte[] kinds = new byte[1024];
    private int size;
    byte[] chunk = new byte[256];
    int[] offsets = new int[65];

    /** An empty buffer. */
    public NgramBuffer() {
    }

    /** The number of n-gram occurrences (repeats count). */
    public int size() {
        return size;
    }

    /** The fingerprint of occurrence {@code i}: see {@link NgramExtractor#fingerprint}. */
    public long fingerprint(int i) {
        return fingerprints[i];
    }

    /** The kind of occurrence {@code i}: see {@link NgramExtractor#wordKind}. */
    public int kind(int i) {
        return kinds[i];
    }

    /** The tokens of the text last extracted. */
    public TokenBuffer tokens() {
        return tokens;
    }

    void clear() {
        size = 0;
    }

    void add(int kind, long fingerprint) {
        if (size == fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        fingerprints[size] = fingerprint;
        kinds[size] = (byte) kind;
        size++;
    }

    void ensureChunk(int bytesNeeded, int codePoints) {
        if (chunk.length < bytesNeeded) {
            chunk = new byte[Math.max(bytesNeeded, chunk.length * 2)];
        }
        if (offsets.length < codePoints + 1) {
            offsets = new int[Math.max(codePoints + 1, offsets.length * 2)];
        }
    }
}
