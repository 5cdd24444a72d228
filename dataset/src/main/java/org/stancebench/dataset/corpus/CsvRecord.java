package org.stancebench.dataset.corpus;

import java.util.List;

/**
 * One record of a CSV file: its fields, and the 1-based line on which it starts (a quoted field
 * may continue over several lines, so the next record's line can be more than one further).
 */
public record CsvRecord(int line, List<String> fields) {
    public CsvRecord {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        fields = List.copyOf(fields);
    }
}
