package org.stancebench.dataset.corpus;

import java.util.List;
import java.util.Objects;

/**
 * Which columns (CSV) or fields (JSONL) of a generic table hold what.
 *
 * @param text the text column, required
 * @param label the label column, required
 * @param split optional column with {@code train}, {@code dev} (or {@code val}, {@code valid},
 *     {@code validation}) or {@code test}; null to carve all three splits
 * @param id optional column with a unique id per record; null to number records
 * @param group optional column with a grouping such as a topic or target; null for none
 * @param labels optional label set in canonical order (any other label is an error); null or empty
 *     for the labels found, sorted
 */
public record TabularColumns(String text, String label, String split, String id, String group, List<String> labels) {
    public TabularColumns {
        Objects.requireNonNull(text, "text column");
        Objects.requireNonNull(label, "label column");
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** Just text and label columns. */
    public static TabularColumns of(String text, String label) {
        return new TabularColumns(text, label, null, null, null, null);
    }
}
