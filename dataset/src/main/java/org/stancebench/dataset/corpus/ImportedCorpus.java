package org.stancebench.dataset.corpus;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.stancebench.dataset.Example;

/**
 * A public corpus read into StanceBench examples, ready for the dataset writer.
 *
 * <p>Guarantees: every example's label is one of {@code labels}, ids are unique, and every split is
 * {@code train}, {@code dev} or {@code test}.
 *
 * @param name the dataset name, for example {@code tweeteval-irony}
 * @param labels the label set in the corpus's canonical order (its label ids' order where it has ids)
 * @param examples the examples in source order: files in split order, records in file order
 * @param description Markdown for the data card: source, licence, files read with their SHA-256,
 *     the text format, how each split was obtained (published or carved, with seed and fractions)
 *     and anything skipped
 * @param seed the seed used for any carved split (recorded even when nothing was carved)
 */
public record ImportedCorpus(String name, List<String> labels, List<Example> examples, String description,
                             long seed) {
    /** The split names, in order. */
    public static final List<String> SPLITS = List.of("train", "dev", "test");

    public ImportedCorpus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("dataset name must be letters, digits, '.', '_' or '-': " + name);
        }
        labels = List.copyOf(labels);
        examples = List.copyOf(examples);
        if (labels.isEmpty() || new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels must be non-empty and distinct: " + labels);
        }
        Set<String> known = Set.copyOf(labels);
        Set<String> ids = new HashSet<>();
        for (Example e : examples) {
            if (!known.contains(e.label())) {
                throw new IllegalArgumentException(e.id() + ": label '" + e.label() + "' is not in " + labels);
            }
            if (!SPLITS.contains(e.split())) {
                throw new IllegalArgumentException(e.id() + ": split '" + e.split() + "' is not one of " + SPLITS);
            }
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("duplicate example id " + e.id());
            }
        }
    }

    /** Number of examples per split (in {@link #SPLITS} order) and label (in label order). */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String split : SPLITS) {
            Map<String, Integer> perLabel = new LinkedHashMap<>();
            for (String label : labels) {
                perLabel.put(label, 0);
            }
            counts.put(split, perLabel);
        }
        for (Example e : examples) {
            counts.get(e.split()).merge(e.label(), 1, Integer::sum);
        }
        return counts;
    }

    /** Number of examples per group (a stance target, a VAST topic), sorted by group; empty if none. */
    public Map<String, Integer> groupCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Example e : examples) {
            if (e.group() != null) {
                counts.merge(e.group(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * An imported text as an example of unit {@code post}: CRLF becomes LF and surrounding
     * whitespace is removed (TweetEval lines end with spaces); the hash is of the cleaned text.
     */
    static Example post(String id, String rawText, String label, String source, String split, String group) {
        String text = clean(rawText);
        return new Example(id, text, label, "post", source, split, group, Sha256.hex(text));
    }

    static String clean(String rawText) {
        return rawText.replace("\r\n", "\n").strip();
    }
}
