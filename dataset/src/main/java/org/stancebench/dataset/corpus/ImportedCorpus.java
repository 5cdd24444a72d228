package org.stancebench.dataset.corpus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.storage.DatasetDescription;
import org.stancebench.io.ContentHash;

/**
 * A public corpus read into StanceBench examples, with the words its data card needs, ready for the
 * dataset writer. Serializable, so that a reproduction's units can carry it to Spark executors.
 *
 * <p>Guarantees: the name is lower case ({@code [a-z0-9][a-z0-9._-]*}); every example's label is one
 * of {@code labels}, ids are unique, every split is {@code train}, {@code dev} or {@code test}, and
 * no text occurs in two splits (importers drop the earlier copy and say so in {@code source}).
 *
 * @param name the dataset name, for example {@code tweeteval-irony}
 * @param title a human title, for example {@code TweetEval irony}
 * @param labels the label set in the corpus's canonical order (its label ids' order where it has ids)
 * @param examples the examples in source order: files in split order, records in file order
 * @param motivation why the corpus exists and why StanceBench imports it (Markdown)
 * @param source Markdown: where the texts come from, the citation, the text format, how each split
 *     was obtained (published or carved, with seed and fractions), what was skipped or dropped, and
 *     the files read with their SHA-256
 * @param license the licence or terms of the corpus
 * @param url the corpus's home page
 * @param labelling who labelled the corpus and how its label ids map to names (Markdown)
 * @param limits known limits of the corpus, one per entry
 * @param seed the seed used for any carved split (recorded even when nothing was carved)
 */
public record ImportedCorpus(String name, String title, List<String> labels, List<Example> examples,
                             String motivation, String source, String license, String url, String labelling,
                             List<String> limits, long seed) implements Serializable {
    /** The split names, in order. */
    public static final List<String> SPLITS = List.of("train", "dev", "test");

    public ImportedCorpus {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("dataset name must be lower-case letters, digits, '.', '_' or '-' "
                    + "and start with a letter or digit: '" + name + "'");
        }
        for (String[] field : new String[][] {{"title", title}, {"motivation", motivation}, {"source", source},
                {"license", license}, {"labelling", labelling}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException("imported corpus: " + field[0] + " is blank");
            }
        }
        labels = List.copyOf(labels);
        examples = List.copyOf(examples);
        limits = List.copyOf(limits);
        if (labels.isEmpty() || new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels must be non-empty and distinct: " + labels);
        }
        Set<String> known = Set.copyOf(labels);
        Set<String> ids = new HashSet<>();
        Map<String, String> splitOfText = new HashMap<>();
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
            String other = splitOfText.putIfAbsent(e.sha256(), e.split());
            if (other != null && !other.equals(e.split())) {
                throw new IllegalArgumentException(e.id() + ": its text is also in split " + other);
            }
        }
    }

    /** The words of this corpus's data card and Croissant metadata, for {@code DatasetWriter}. */
    public DatasetDescription info() {
        return new DatasetDescription(name, title, motivation, source, license, url, labels, labelling, limits);
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
     * The examples without those whose text also occurs in a later split (test after dev after
     * train), so that no text is on both sides of a split; the dropped ones are added to
     * {@code dropped}. Published splits of public corpora occasionally repeat a tweet.
     */
    static List<Example> dropCrossSplitDuplicates(List<Example> examples, List<Example> dropped) {
        Map<String, Integer> latest = new HashMap<>();
        for (Example e : examples) {
            latest.merge(e.sha256(), SPLITS.indexOf(e.split()), Math::max);
        }
        List<Example> kept = new ArrayList<>();
        for (Example e : examples) {
            if (SPLITS.indexOf(e.split()) == latest.get(e.sha256())) {
                kept.add(e);
            } else {
                dropped.add(e);
            }
        }
        return kept;
    }

    /**
     * An imported text as an example of unit {@code post}: CRLF becomes LF and surrounding
     * whitespace is removed (TweetEval lines end with spaces); the hash is of the cleaned text.
     */
    static Example post(String id, String rawText, String label, String source, String split, String group) {
        String text = clean(rawText);
        return new Example(id, text, label, "post", source, split, group, ContentHash.sha256(text));
    }

    static String clean(String rawText) {
        return rawText.replace("\r\n", "\n").strip();
    }
}
