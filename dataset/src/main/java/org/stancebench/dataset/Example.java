package org.stancebench.dataset;

import java.io.Serializable;
import java.util.Objects;

/**
 * One labelled example of a dataset, as a line of {@code examples.jsonl}.
 *
 * @param id stable identifier derived from position, for example {@code seed/c03}
 * @param text the text a classifier sees
 * @param label the gold label, one of the dataset's labels
 * @param unit what kind of unit the text is: {@code headline}, {@code subtitle}, {@code sentence},
 *     {@code comment}, or for an imported corpus {@code post}
 * @param source where the text comes from (the page or corpus name)
 * @param split {@code train}, {@code dev} or {@code test}
 * @param group an optional grouping such as a TweetEval stance target or a VAST topic; null if none
 * @param sha256 SHA-256 of {@code text} in UTF-8, lower-case hex
 */
public record Example(String id, String text, String label, String unit, String source, String split,
                      String group, String sha256) implements Serializable {
    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(sha256, "sha256");
    }
}
