package org.stancebench.model.text;

import java.util.Arrays;

/**
 * An immutable sparse vector: feature indices with their values, each index at most once.
 *
 * <p>Entries keep the order they were produced in (first occurrence in the text), which is
 * deterministic; equality compares that order too.
 *
 * @param indices feature indices, distinct, each in {@code [0, dimension)}
 * @param values the value of each index
 */
public record SparseVector(int dimension, int[] indices, float[] values) {
    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length
                    + " vs " + values.length);
        }
        for (int index : indices) {
            if (index < 0 || index >= dimension) {
                throw new IllegalArgumentException("index " + index + " outside [0, " + dimension + ")");
            }
        }
        indices = indices.clone();
        values = values.clone();
    }

    /** The number of stored entries. */
    public int size() {
        return indices.length;
    }

    /** The index of entry {@code i}. */
    public int index(int i) {
        return indices[i];
    }

    /** The value of entry {@code i}. */
    public float value(int i) {
        return values[i];
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && v.dimension == dimension && Arrays.equals(v.indices, indices)
                && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SparseVector[dim=").append(dimension).append(", {");
        for (int i = 0; i < indices.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(indices[i]).append('=').append(values[i]);
        }
        return sb.append("}]").toString();
    }
}
