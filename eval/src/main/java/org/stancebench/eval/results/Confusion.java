package org.stancebench.eval.results;

import java.util.ArrayList;
import java.util.List;

/**
 * A confusion matrix: {@code matrix[i][j]} counts examples whose gold label is {@code labels[i]} and
 * whose predicted label is {@code labels[j]} (rows gold, columns predicted).
 *
 * <p>Immutable; square, one row and column per label, counts non-negative.
 */
public record Confusion(List<String> labels, List<List<Long>> matrix) {
    public Confusion {
        labels = List.copyOf(labels);
        List<List<Long>> copy = new ArrayList<>();
        for (List<Long> row : matrix) {
            if (row.size() != labels.size()) {
                throw new IllegalArgumentException("confusion row has " + row.size() + " cells, expected "
                        + labels.size());
            }
            for (Long cell : row) {
                if (cell == null || cell < 0) {
                    throw new IllegalArgumentException("confusion cell must be a count >= 0: " + cell);
                }
            }
            copy.add(List.copyOf(row));
        }
        if (copy.size() != labels.size()) {
            throw new IllegalArgumentException("confusion matrix has " + copy.size() + " rows, expected "
                    + labels.size());
        }
        matrix = List.copyOf(copy);
    }

    /** The confusion matrix from a square array of counts. */
    public static Confusion of(List<String> labels, long[][] counts) {
        List<List<Long>> rows = new ArrayList<>();
        for (long[] row : counts) {
            List<Long> r = new ArrayList<>();
            for (long c : row) {
                r.add(c);
            }
            rows.add(r);
        }
        return new Confusion(labels, rows);
    }
}
