package org.stancebench.dataset.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.stancebench.dataset.Example;
import org.stancebench.io.BadInputException;
import org.stancebench.io.TextInput;

/**
 * Imports a task folder in the TweetEval layout (github.com/cardiffnlp/tweeteval):
 * {@code <task>/{train,val,test}_{text,labels}.txt}, one item per line, and {@code mapping.txt}
 * (label id, TAB, label name). The stance task instead has one subfolder per target, each with the
 * six split files, and one shared {@code stance/mapping.txt}.
 *
 * <p>Guarantees: splits are kept as published ({@code val} becomes {@code dev}); labels are the
 * mapping's names in id order; an example's id is {@code <name>[/<target>]/<file split>/<line index
 * from 0, six digits>} and its group is the stance target (null for single-folder tasks). A label file
 * shorter or longer than its text file, an unknown label id, a malformed mapping line or invalid
 * UTF-8 fails with {@code FILE:LINE: what is wrong}. Blank text lines are skipped and counted in the
 * description.
 */
public final class TweetEvalImporter {
    /** The published split files, in order, and the StanceBench split each becomes. */
    private static final Map<String, String> SPLIT_FILES = splitFiles();

    private TweetEvalImporter() {
    }

    private static Map<String, String> splitFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("train", "train");
        files.put("val", "dev");
        files.put("test", "test");
        return files;
    }

    /**
     * Imports a task folder: a plain task ({@code irony}), the stance folder with its targets (all
     * pooled, or only {@code target} when it is not null), or one stance target's folder.
     *
     * @throws IOException naming the file and line of the first problem
     */
    public static ImportedCorpus importTask(Path dir, String target, ImportOptions options) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw BadInputException.in(dir, "not a directory, expected a TweetEval task folder");
        }
        Path abs = dir.toAbsolutePath().normalize();
        String task = abs.getFileName().toString();
        if (Files.isRegularFile(dir.resolve("train_text.txt"))) {
            if (target != null) {
                throw new IllegalArgumentException(dir + ": --target given, but this is a single task folder "
                        + "without target subfolders");
            }
            Path mapping = dir.resolve("mapping.txt");
            if (Files.isRegularFile(mapping)) {
                return read(options.nameOr("tweeteval-" + task), task, mapping, List.of(new Folder(dir, null)),
                        options);
            }
            Path parentMapping = abs.getParent() == null ? null : abs.getParent().resolve("mapping.txt");
            if (parentMapping != null && Files.isRegularFile(parentMapping)) {
                String parentTask = abs.getParent().getFileName().toString();
                return read(options.nameOr("tweeteval-" + parentTask + "-" + task), parentTask, parentMapping,
                        List.of(new Folder(dir, task)), options);
            }
            throw BadInputException.in(mapping, "missing: no mapping.txt here or in the parent folder");
        }
        List<Path> targets;
        try (Stream<Path> children = Files.list(dir)) {
            targets = children.filter(p -> Files.isRegularFile(p.resolve("train_text.txt"))).sorted().toList();
        }
        if (targets.isEmpty()) {
            throw BadInputException.in(dir, "not a TweetEval task folder (no train_text.txt and no target "
                    + "subfolders holding one)");
        }
        List<Folder> folders = new ArrayList<>();
        for (Path t : targets) {
            String name = t.getFileName().toString();
            if (target == null || target.equals(name)) {
                folders.add(new Folder(t, name));
            }
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no target '" + target + "'; targets are "
                    + targets.stream().map(p -> p.getFileName().toString()).toList());
        }
        String name = options.nameOr("tweeteval-" + task + (target == null ? "" : "-" + target));
        return read(name, task, dir.resolve("mapping.txt"), folders, options);
    }

    private record Folder(Path dir, String target) {
    }

    private static ImportedCorpus read(String name, String task, Path mapping, List<Folder> folders,
                                       ImportOptions options) throws IOException {
        Map<String, String> labelNames = readMapping(mapping);
        List<Example> examples = new ArrayList<>();
        CorpusDescription description = new CorpusDescription();
        int skipped = 0;
        for (Folder folder : folders) {
            for (Map.Entry<String, String> split : SPLIT_FILES.entrySet()) {
                Path textFile = folder.dir().resolve(split.getKey() + "_text.txt");
                Path labelFile = folder.dir().resolve(split.getKey() + "_labels.txt");
                List<String> texts = TextInput.lines(textFile);
                List<String> labels = TextInput.lines(labelFile);
                checkLengths(textFile, texts.size(), labelFile, labels.size());
                String source = "tweeteval/" + task + (folder.target() == null ? "" : "/" + folder.target());
                String idPrefix = name + (folder.target() == null ? "" : "/" + folder.target()) + "/" + split.getKey();
                for (int i = 0; i < texts.size(); i++) {
                    String id = labels.get(i).strip();
                    String label = labelNames.get(id);
                    if (label == null) {
                        throw BadInputException.at(labelFile, i + 1,
                                String.format("unknown label id '%s' (%s defines %s)", id, mapping.getFileName(),
                                        String.join(", ", labelNames.keySet())));
                    }
                    if (texts.get(i).isBlank()) {
                        skipped++;
                        continue;
                    }
                    examples.add(ImportedCorpus.post(String.format("%s/%06d", idPrefix, i), texts.get(i), label,
                            source, split.getValue(), folder.target()));
                }
                String where = folder.target() == null ? "" : folder.target() + "/";
                description.file(textFile, where + split.getKey() + " texts")
                        .file(labelFile, where + split.getKey() + " labels");
            }
        }
        description.file(mapping, "label ids");
        boolean pooled = folders.get(0).target() != null;
        List<String> targets = folders.stream().map(Folder::target).filter(t -> t != null).toList();
        Origin origin = ORIGINS.getOrDefault(task, new Origin("the original task's annotators", null));
        description
                .section("Source", "TweetEval (github.com/cardiffnlp/tweeteval), task `" + task + "`"
                        + (pooled ? ", target(s) " + String.join(", ", targets) + (targets.size() > 1 ? " pooled" : "")
                        + ", each example's group naming its target" : "") + ". Barbieri et al., \"TweetEval: "
                        + "Unified Benchmark and Comparative Evaluation for Tweet Classification\", Findings of EMNLP "
                        + "2020; cite it and the original task.")
                .section("Text", "One tweet per line as published (user mentions already replaced by `@user`), "
                        + "surrounding whitespace removed. Example ids are `" + name + "/"
                        + (pooled ? "<target>/" : "") + "<train|val|test>/<line index from 0>`.")
                .section("Splits", "Kept as published: `train` -> train, `val` -> dev, `test` -> test. No split "
                        + "is carved, so the seed plays no part in the splits.");
        if (origin.metric() != null) {
            description.section("Official metric", origin.metric());
        }
        if (skipped > 0) {
            description.section("Skipped", skipped + " blank text line(s) were skipped.");
        }
        List<Example> dropped = new ArrayList<>();
        List<Example> kept = ImportedCorpus.dropCrossSplitDuplicates(examples, dropped);
        description.dropped(dropped);
        String title = "TweetEval " + task + (pooled ? " (" + String.join(", ", targets) + ")" : "");
        return new ImportedCorpus(name, title, List.copyOf(labelNames.values()), kept,
                "TweetEval's `" + task + "` task, imported so that StanceBench's classifiers train and are evaluated "
                        + "on thousands of real tweets, with the same code as on the seed dataset, and so that the "
                        + "published TweetEval baselines can be reproduced.",
                description.build(),
                "Released without restrictions by the TweetEval authors; restrictions of the original task and of "
                        + "Twitter may apply",
                "https://github.com/cardiffnlp/tweeteval",
                "Labels from " + origin.labelling() + ", as redistributed by TweetEval. Label ids from `mapping.txt`: "
                        + String.join(", ", labelNames.entrySet().stream()
                                .map(e -> e.getKey() + " = " + e.getValue()).toList()) + ".",
                List.of("Tweets only: short, informal text; user mentions replaced by `@user`, URLs and hashtags kept.",
                        "Splits are the published ones; dev is small for some tasks and targets, so model selection on it is noisy."),
                options.seed());
    }

    /** Where a task's labels come from and its official metric, for the data card. */
    private record Origin(String labelling, String metric) {
    }

    private static final Map<String, Origin> ORIGINS = Map.of(
            "stance", new Origin("SemEval-2016 Task 6, Detecting Stance in Tweets (Mohammad et al. 2016), crowd-sourced",
                    "mean of F1(against) and F1(favor) over all targets' test sets pooled; the published baselines "
                            + "train one model per target."),
            "irony", new Origin("SemEval-2018 Task 3, Irony Detection in English Tweets (Van Hee et al. 2018), "
                    + "annotated by linguists", "F1 of the irony class."),
            "emotion", new Origin("SemEval-2018 Task 1, Affect in Tweets (Mohammad et al. 2018), crowd-sourced; "
                    + "TweetEval kept the four most common emotions",
                    "macro-F1 over the four emotions."));

    private static void checkLengths(Path textFile, int texts, Path labelFile, int labels) throws IOException {
        if (labels < texts) {
            throw BadInputException.at(labelFile, labels + 1,
                    String.format("missing label: the label file ends after %d line(s) "
                    + "but %s has %d", labels, textFile.getFileName(), texts));
        }
        if (labels > texts) {
            throw BadInputException.at(labelFile, texts + 1, String.format("extra label: %s has only %d line(s)",
                    textFile.getFileName(), texts));
        }
    }

    /** Label id to name, in file order. */
    static Map<String, String> readMapping(Path mapping) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> lines = TextInput.lines(mapping);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw BadInputException.at(mapping, i + 1, String.format("expected 'ID<TAB>NAME', got '%s'", line));
            }
            String id = parts[0].strip();
            String name = parts[1].strip();
            if (names.containsKey(id)) {
                throw BadInputException.at(mapping, i + 1, String.format("label id '%s' defined twice", id));
            }
            if (names.containsValue(name)) {
                throw BadInputException.at(mapping, i + 1, String.format("label name '%s' defined twice", name));
            }
            names.put(id, name);
        }
        if (names.isEmpty()) {
            throw BadInputException.at(mapping, 1, "no labels defined");
        }
        return names;
    }
}
