package org.stancebench.dataset.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stancebench.dataset.Example;
import org.stancebench.io.BadInputException;

/**
 * Imports VAST (Allaway and McKeown, EMNLP 2020): {@code vast_train.csv} and {@code vast_test.csv},
 * reader comments ({@code post}) each paired with a topic ({@code topic_str}) and a stance
 * ({@code label}: 0 con, 1 pro, 2 neutral).
 *
 * <p>The topic is part of the input: an example's text is {@code topic + separator + post} (default
 * separator {@value #DEFAULT_SEPARATOR}, which BERT-style tokenizers read as their own separator
 * token), and its group is the topic. Guarantees: the test file becomes test as published; dev, which
 * VAST's public copies lack, is carved from the train file with a seed, stratified by label, keeping
 * every row of one post on the same side (a post appears with several topics, and splitting them
 * would leak the post into dev); ids are {@code <name>/<train|test>/<record index from 0>}, naming
 * the source file. Rows with a blank post or topic are skipped and counted. A broken quote, missing
 * column or label outside 0-2 fails with {@code FILE:LINE: what is wrong}.
 */
public final class VastImporter {
    /** Label names in id order: 0, 1, 2. */
    public static final List<String> LABELS = List.of("con", "pro", "neutral");
    public static final String DEFAULT_SEPARATOR = " [SEP] ";

    private VastImporter() {
    }

    /** Imports the folder holding {@code vast_train.csv} and {@code vast_test.csv}. */
    public static ImportedCorpus importFolder(Path dir, String separator, ImportOptions options) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw BadInputException.in(dir, "not a directory holding vast_train.csv and vast_test.csv");
        }
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("the topic separator must not be empty");
        }
        String name = options.nameOr("vast");
        Rows train = read(dir.resolve("vast_train.csv"), separator);
        Rows test = read(dir.resolve("vast_test.csv"), separator);
        StratifiedCarver carver = new StratifiedCarver(options.devFraction(), 0, options.seed());
        List<String> trainSplits = carver.carve(train.labels, train.posts);
        List<Example> examples = new ArrayList<>();
        add(examples, name, "train", train, trainSplits);
        add(examples, name, "test", test, null);
        CorpusDescription description = new CorpusDescription()
                .section("Source", "VAST, Allaway and McKeown, \"Zero-Shot Stance Detection: A Dataset and Model "
                        + "using Generalized Topic Representations\", EMNLP 2020 (upstream "
                        + "github.com/emilyallaway/zero-shot-stance); cite it.")
                .section("Text", "The topic is part of the input: `text` = `topic_str` + `" + separator
                        .replace("`", "\\`") + "` + `post` (surrounding whitespace removed), and `group` is "
                        + "`topic_str`. A classifier that ignores the topic cannot do this task. Example ids are `"
                        + name + "/<train|test>/<record index from 0>`, naming the source file.")
                .section("Splits", "`vast_test.csv` -> test, as published (its flags Qte, Sarc, Imp, mlS, mlT are "
                        + "not imported). `vast_train.csv` -> train, minus the carved dev below.")
                .carving("the training file", carver, true, false, "all rows of one post (a post appears with "
                        + "several topics)")
                .section("Known quirks", String.format("In the training file %d (post, topic) pair(s) occur more "
                        + "than once with the same label and %d with conflicting labels; they are kept as published.",
                        train.repeatedPairs, train.conflictingPairs));
        if (train.skipped + test.skipped > 0) {
            description.section("Skipped", (train.skipped + test.skipped) + " row(s) with a blank post or topic "
                    + "were skipped.");
        }
        List<Example> dropped = new ArrayList<>();
        List<Example> kept = ImportedCorpus.dropCrossSplitDuplicates(examples, dropped);
        description.dropped(dropped)
                .file(dir.resolve("vast_train.csv"), "training rows")
                .file(dir.resolve("vast_test.csv"), "test rows");
        return new ImportedCorpus(name, "VAST (Varied Stance Topics)", LABELS, kept,
                "Reader comments paired with many different topics, imported so that StanceBench can test topic-"
                        + "conditioned stance classification on thousands of real comments.",
                description.build(), "No licence is stated upstream; research use, cite the paper",
                "https://github.com/emilyallaway/zero-shot-stance",
                "Stance of each comment towards its topic, from crowd-sourced annotation by the VAST authors "
                        + "(column `label`: 0 = con, 1 = pro, 2 = neutral); the neutral examples include comments "
                        + "paired with topics they do not discuss.",
                List.of("These copies were converted from spreadsheet copies of VAST (24 posts' text encoding was "
                                + "repaired); the published dev split is not included, so dev is carved.",
                        "The same (post, topic) pair sometimes occurs more than once, occasionally with different "
                                + "labels."),
                options.seed());
    }

    /**
     * Per record index of a VAST test file (as in the imported ids), whether the row is few-shot:
     * its {@code seen?} column, 1 for a topic that has training rows (few-shot), 0 for one that has
     * none (zero-shot), as the VAST paper defines them. Another value fails with {@code FILE:LINE}.
     */
    public static Map<Integer, Boolean> fewShot(Path testFile) throws IOException {
        CsvTable table = CsvTable.read(testFile, CsvParser.csv());
        int seen = table.column("seen?");
        Map<Integer, Boolean> out = new HashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            CsvRecord row = table.rows().get(r);
            String value = row.fields().get(seen).strip();
            switch (value) {
                case "0" -> out.put(r, false);
                case "1" -> out.put(r, true);
                default -> throw BadInputException.at(testFile, row.line(),
                        String.format("column 'seen?' must be 0 or 1, got '%s'", value));
            }
        }
        return out;
    }

    private static void add(List<Example> examples, String name, String file, Rows rows, List<String> splits) {
        for (int i = 0; i < rows.texts.size(); i++) {
            examples.add(ImportedCorpus.post(String.format("%s/%s/%06d", name, file, rows.indices.get(i)),
                    rows.texts.get(i), rows.labels.get(i), "vast/vast_" + file + ".csv",
                    splits == null ? file : splits.get(i), rows.topics.get(i)));
        }
    }

    private static final class Rows {
        final List<String> texts = new ArrayList<>();
        final List<String> posts = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<Integer> indices = new ArrayList<>();
        int skipped;
        int repeatedPairs;
        int conflictingPairs;
    }

    private static Rows read(Path file, String separator) throws IOException {
        CsvTable table = CsvTable.read(file, CsvParser.csv());
        int post = table.column("post");
        int topic = table.column("topic_str");
        int label = table.column("label");
        Rows rows = new Rows();
        Map<String, String> pairLabels = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (int r = 0; r < table.rows().size(); r++) {
            CsvRecord row = table.rows().get(r);
            String value = row.fields().get(label).strip();
            String name = switch (value) {
                case "0" -> LABELS.get(0);
                case "1" -> LABELS.get(1);
                case "2" -> LABELS.get(2);
                default -> throw BadInputException.at(file, row.line(),
                        String.format("column 'label' must be 0, 1 or 2, got '%s'", value));
            };
            String p = ImportedCorpus.clean(row.fields().get(post));
            String t = ImportedCorpus.clean(row.fields().get(topic));
            if (p.isEmpty() || t.isEmpty()) {
                rows.skipped++;
                continue;
            }
            String pair = t + '\u0000' + p;
            String seen = pairLabels.putIfAbsent(pair, name);
            if (seen != null) {
                if (seen.equals(name)) {
                    rows.repeatedPairs++;
                } else if (conflicting.add(pair)) {
                    rows.conflictingPairs++;
                }
            }
            rows.texts.add(t + separator + p);
            rows.posts.add(p);
            rows.topics.add(t);
            rows.labels.add(name);
            rows.indices.add(r);
        }
        return rows;
    }
}
