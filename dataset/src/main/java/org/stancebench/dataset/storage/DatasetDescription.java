package org.stancebench.dataset.storage;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a dataset is, in words, for its data card and Croissant metadata: the parts that the writer
 * cannot compute from the examples. Each dataset builder (the seed page, a corpus importer) supplies
 * its own.
 *
 * <p>Immutable; every text is non-blank except {@code url}, which may be null. {@code labels} is the
 * canonical label order (the order of probability vectors and of every count table), distinct.
 *
 * @param name short machine name, lower case with dashes or digits, for example {@code seed} or
 *     {@code tweeteval-stance-abortion}; also the prefix convention for example ids
 * @param title human title for the data card
 * @param description motivation: why the dataset exists and what it is for (Markdown allowed)
 * @param source where the texts come from and how they were turned into examples (Markdown allowed)
 * @param license the licence of the texts and labels
 * @param url a home page or citation URL, or null
 * @param labels the label set, in canonical order
 * @param labelling who labelled what and how (Markdown allowed)
 * @param limits known limits beyond those the writer computes (size, imbalance), one per entry
 */
public record DatasetDescription(String name, String title, String description, String source, String license,
                          String url, List<String> labels, String labelling, List<String> limits) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public DatasetDescription {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("dataset name must match " + NAME + ": '" + name + "'");
        }
        for (String[] field : new String[][] {{"title", title}, {"description", description},
                {"source", source}, {"license", license}, {"labelling", labelling}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException("dataset info: " + field[0] + " is blank");
            }
        }
        labels = List.copyOf(labels);
        limits = List.copyOf(limits);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("dataset info: the label set is empty");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("dataset info: the label set has duplicates: " + labels);
        }
        for (String label : labels) {
            if (label.isBlank()) {
                throw new IllegalArgumentException("dataset info: a label is blank");
            }
        }
    }
}
