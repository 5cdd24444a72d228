package org.stancebench.model.text;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit fingerprints to non-negative ints, with no boxing: the lookup
 * structure behind a {@link Vocabulary}.
 *
 * <p>Keys are assumed to be well-mixed hashes already (they are MurmurHash3 outputs), so the slot
 * is taken from their low bits. Values must be >= 0; {@link #get} returns -1 for an absent key.
 * Not thread-safe while being written; safe to read from many threads once filled.
 */
public final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    /** An empty map sized for about {@code expected} keys. */
    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, -1);
        mask = cap - 1;
    }

    /** The number of keys. */
    public int size() {
        return size;
    }

    /** The value of {@code key}, or -1 when absent. */
    public int get(long key) {
        int slot = slot(key);
        while (true) {
            int v = values[slot];
            if (v < 0 || keys[slot] == key) {
                return v;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Sets {@code key} to {@code value} (>= 0). */
    public void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must be >= 0, got " + value);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slot(key);
        while (values[slot] >= 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] < 0) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0); returns the new value. */
    public int increment(long key, int delta) {
        int slot = slot(key);
        while (values[slot] >= 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] >= 0) {
            values[slot] += delta;
            return values[slot];
        }
        put(key, delta);
        return delta;
    }

    /** Calls {@code visitor} for every entry, in slot order (deterministic for equal insertions). */
    public void forEach(EntryVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (values[i] >= 0) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    /** Receives the entries of a {@link LongIntMap}. */
    @FunctionalInterface
    public interface EntryVisitor {
        /** One entry. */
        void visit(long key, int value);
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
