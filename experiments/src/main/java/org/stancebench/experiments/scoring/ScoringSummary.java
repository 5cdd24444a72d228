package org.stancebench.experiments.scoring;

import java.util.List;

/**
 * What a scoring job did.
 *
 * @param where where the rows were scored, for people ("the local engine", "spark (local[2])")
 * @param scored rows scored and written
 * @param bad rows refused (only with {@code skipBadRows}; otherwise the first one stops the job)
 * @param badRows the first {@link ScoringOptions#BAD_ROWS_NAMED} bad rows, as {@code FILE:LINE: problem}
 * @param seconds wall-clock seconds
 */
public record ScoringSummary(String where, long scored, long bad, List<String> badRows, double seconds) {
    public ScoringSummary {
        badRows = List.copyOf(badRows);
    }

    /** Scored rows per second. */
    public double rowsPerSecond() {
        return seconds <= 0 ? 0 : scored / seconds;
    }
}
