package org.stancebench.experiments.scoring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a batch scoring job reads and writes.
 *
 * @param model a saved model directory (from {@code train})
 * @param input the rows to score: JSON lines of {@code {"id", "text"}} (or Parquet, with the spark engine)
 * @param out where the predictions go: JSON lines of {@code {"id", "label", "probs"}}, in input order
 * @param skipBadRows report bad rows and go on (true) or stop at the first (false)
 * @param batch texts per prediction call
 */
public record ScoringOptions(Path model, Path input, Path out, boolean skipBadRows, int batch) {
    /** Texts per prediction call unless asked otherwise. */
    public static final int DEFAULT_BATCH = 256;
    /** Bad rows named one by one before the rest are only counted. */
    public static final int BAD_ROWS_NAMED = 20;

    public ScoringOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(out, "out");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
    }
}
