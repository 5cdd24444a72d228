package org.stancebench.model.hashing;

/**
 * An open-addressing map from 64-bit fingerprints to non-negative ints, with no boxing: the lookup
 * structure behind a {@link Vocabulary}.
 *
 * <p>Keys are assumed to be well-mixed hashes already (they are MurmurHash3 outputs), so the slot
 * is taken from their low bits. Values must be >= 0; {@link #get} returns -1 for an absent key.
 * Not thread-safe while being written; safe to read from many threads once filled.
 */
public final class LongIntMap {
    /** Key and value side by side ({@code table[2s]}, {@code table[2s+1]}): one cache line per probe. */
    private long[] table;
    private int mask;
    private int size;

    /** An empty map sized for about {@code expected} keys. */
    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        table = newTable(cap);
        mask = cap - 1;
    }

    private static long[] newTable(int cap) {
        long[] t = new long[cap * 2];
        for (int i = 1; i < t.length; i += 2) {
            t[i] = -1;
        }
        return t;
    }

    /** The number of keys. */
    public int size() {
        return size;
    }

    /** The value of {@code key}, or -1 when absent. */
    public int get(long key) {
        long[] t = table;
        int slot = slot(key);
        while (true) {
            int v = (int) t[2 * slot + 1];
            if (v < 0 || t[2 * slot] == key) {
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
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int slot = find(key);
        if (table[2 * slot + 1] < 0) {
            size++;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = value;
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0); returns the new value. */
    public int increment(long key, int delta) {
        int slot = find(key);
        if (table[2 * slot + 1] >= 0) {
            table[2 * slot + 1] += delta;
            return (int) table[2 * slot + 1];
        }
        put(key, delta);
        return delta;
    }

    /** Calls {@code visitor} for every entry, in slot order (deterministic for equal insertions). */
    public void forEach(EntryVisitor visitor) {
        for (int s = 0; s <= mask; s++) {
            if (table[2 * s + 1] >= 0) {
                visitor.visit(table[2 * s], (int) table[2 * s + 1]);
            }
        }
    }

    /** Receives the entries of a {@link LongIntMap}. */
    @FunctionalInterface
    public interface EntryVisitor {
        /** One entry. */
        void visit(long key, int value);
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int find(long key) {
        int slot = slot(key);
        while (table[2 * slot + 1] >= 0 && table[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    private void grow() {
        long[] old = table;
        int cap = (mask + 1) * 2;
        table = newTable(cap);
        mask = cap - 1;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] >= 0) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }
}
