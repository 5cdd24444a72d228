package org.stancebench.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.dataset.splitting.Splits;
import org.stancebench.dataset.storage.DatasetVerifier;
import org.stancebench.dataset.storage.DatasetWriter;
import org.stancebench.dataset.storage.Manifest;
import org.stancebench.io.BadInputException;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Json;
import org.stancebench.io.TextInput;

/**
 * A dataset directory as written by {@code stancebench dataset build} or {@code dataset import},
 * read back: its examples, label set, folds and fingerprint.
 *
 * @param name the dataset's name from its manifest, for example {@code seed}
 * @param labels the label set in canonical order
 * @param examples every example, in file order
 * @param folds cross-validation folds over all examples (empty when the dataset has none)
 * @param fingerprint the whole-dataset fingerprint from {@code MANIFEST.json}
 */
public record Dataset(String name, List<String> labels, List<Example> examples, List<Fold> folds,
                      String fingerprint) implements Serializable {
    public Dataset {
        labels = List.copyOf(labels);
        examples = List.copyOf(examples);
        folds = List.copyOf(folds);
    }

    /**
     * Reads a dataset directory, checking its manifest's hashes first.
     *
     * @throws IOException with a one-line message naming the file and what is wrong
     */
    public static Dataset load(Path dir) throws IOException {
        Manifest manifest = Manifest.read(dir);
        List<BadInputException> problems = new ArrayList<>();
        for (BadInputException problem : DatasetVerifier.findings(dir)) {
            if (!problem.problem().startsWith("not listed in " + Manifest.FILE)) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            BadInputException first = problems.get(0);
            throw problems.size() == 1 ? first : BadInputException.at(first.file(), first.line(), first.field(),
                    first.problem() + " (and " + (problems.size() - 1)
                            + " more problem(s); run 'stancebench dataset verify')");
        }
        List<Example> examples = readExamples(dir.resolve(DatasetWriter.EXAMPLES), manifest.labels());
        if (examples.size() != manifest.examples()) {
            throw BadInputException.in(dir.resolve(Manifest.FILE), "field examples says " + manifest.examples()
                    + " but " + DatasetWriter.EXAMPLES + " has " + examples.size());
        }
        List<Fold> folds = readFolds(dir.resolve(DatasetWriter.FOLDS), examples);
        return new Dataset(manifest.name(), manifest.labels(), examples, folds, manifest.fingerprint());
    }

    private static List<Example> readExamples(Path file, List<String> labels) throws IOException {
        Set<String> labelSet = new HashSet<>(labels);
        Set<String> ids = new HashSet<>();
        List<Example> out = new ArrayList<>();
        try (TextInput.Lines lines = TextInput.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                long lineNo = lines.lineNumber();
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = Json.readTreeLine(line, file, lineNo, false);
                if (o == null || !o.isObject()) {
                    throw BadInputException.at(file, lineNo, "expected a JSON object");
                }
                JsonNode group = o.get("group");
                if (group != null && !group.isNull() && !group.isTextual()) {
                    throw BadInputException.at(file, lineNo, "group", "expected a string or null");
                }
                Example e;
                try {
                    e = new Example(field(o, "id", file, lineNo), field(o, "text", file, lineNo),
                            field(o, "label", file, lineNo), field(o, "unit", file, lineNo),
                            field(o, "source", file, lineNo), field(o, "split", file, lineNo),
                            group == null || group.isNull() ? null : group.asText(), field(o, "sha256", file, lineNo));
                } catch (IllegalArgumentException bad) {
                    throw BadInputException.at(file, lineNo, bad.getMessage());
                }
                if (!ids.add(e.id())) {
                    throw BadInputException.at(file, lineNo, "duplicate id " + e.id());
                }
                if (!labelSet.contains(e.label())) {
                    throw BadInputException.at(file, lineNo, "label",
                            "'" + e.label() + "' is not in the manifest's labels " + labels);
                }
                if (!Splits.SPLIT_NAMES.contains(e.split())) {
                    throw BadInputException.at(file, lineNo, "split",
                            "'" + e.split() + "' is not one of " + Splits.SPLIT_NAMES);
                }
                if (!e.sha256().equals(ContentHash.sha256(e.text()))) {
                    throw BadInputException.at(file, lineNo, "sha256", "does not match the text of " + e.id());
                }
                out.add(e);
            }
        }
        return out;
    }

    private static String field(JsonNode o, String name, Path file, long line) throws BadInputException {
        JsonNode v = o.get(name);
        if (v == null || !v.isTextual()) {
            throw BadInputException.at(file, line, name, "missing or not a string");
        }
        return v.asText();
    }

    private static List<Fold> readFolds(Path file, List<Example> examples) throws IOException {
        JsonNode root = Json.readTree(file);
        JsonNode assignments = root == null ? null : root.get("assignments");
        if (assignments == null || !assignments.isArray()) {
            throw BadInputException.at(file, 0, "assignments", "missing or not an array");
        }
        Set<String> known = new HashSet<>();
        examples.forEach(e -> known.add(e.id()));
        List<Fold> folds = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            JsonNode a = assignments.get(i);
            JsonNode test = a.get("test");
            String where = "assignments[" + i + "]";
            if (!a.path("repeat").canConvertToInt() || !a.path("fold").canConvertToInt() || test == null || !test.isArray()) {
                throw BadInputException.at(file, 0, where, "needs integer repeat and fold and an array test");
            }
            Set<String> testIds = new HashSet<>();
            for (JsonNode id : test) {
                if (!id.isTextual() || !known.contains(id.asText())) {
                    throw BadInputException.at(file, 0, where, "unknown example id " + id);
                }
                testIds.add(id.asText());
            }
            List<String> trainList = new ArrayList<>();
            List<String> testList = new ArrayList<>();
            for (Example e : examples) {
                (testIds.contains(e.id()) ? testList : trainList).add(e.id());
            }
            folds.add(new Fold(a.get("repeat").asInt(), a.get("fold").asInt(), trainList, testList));
        }
        return folds;
    }

    /** The examples of one split ({@code train}, {@code dev} or {@code test}), in file order. */
    public List<Example> split(String split) {
        return examples.stream().filter(e -> e.split().equals(split)).toList();
    }

    /**
     * Training data from the named splits: {@code trainSplit} to train on and {@code devSplit} for
     * tuning (null for none), with this dataset's labels and fingerprint.
     *
     * @throws IllegalArgumentException when a split name is unknown or the training split is empty
     */
    public TrainingData trainingData(String trainSplit, String devSplit) {
        List<LabeledText> train = labeled(checkedSplit(trainSplit));
        if (train.isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + ": split '" + trainSplit + "' is empty");
        }
        List<LabeledText> dev = devSplit == null ? List.of() : labeled(checkedSplit(devSplit));
        return new TrainingData(labels, train, dev, fingerprint);
    }

    /** Training data for one cross-validation fold: its training ids, no dev part. */
    public TrainingData trainingData(Fold fold) {
        return new TrainingData(labels, labeled(examples(fold.trainIds())), List.of(), fingerprint);
    }

    /** The held-out examples of one cross-validation fold, in file order. */
    public List<Example> testExamples(Fold fold) {
        return examples(fold.testIds());
    }

    /** The folds of one repeat, in fold order. */
    public List<Fold> folds(int repeat) {
        return folds.stream().filter(f -> f.repeat() == repeat).toList();
    }

    /** The number of cross-validation repeats (0 when the dataset has no folds). */
    public int repeats() {
        return (int) folds.stream().mapToInt(Fold::repeat).distinct().count();
    }

    /** The examples with these ids, in the order given. */
    public List<Example> examples(List<String> ids) {
        Map<String, Example> byId = new HashMap<>();
        examples.forEach(e -> byId.put(e.id(), e));
        List<Example> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(Objects.requireNonNull(byId.get(id), () -> "dataset " + name + " has no example " + id));
        }
        return out;
    }

    /** Example counts per label, labels in canonical order, for one split or {@code null} for all. */
    public Map<String, Integer> labelCounts(String split) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.put(l, 0));
        for (Example e : examples) {
            if (split == null || e.split().equals(split)) {
                counts.merge(e.label(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Examples as the classifier interface sees them. */
    public static List<LabeledText> labeled(List<Example> examples) {
        return examples.stream().map(e -> new LabeledText(e.id(), e.text(), e.label())).toList();
    }

    private List<Example> checkedSplit(String split) {
        if (!Splits.SPLIT_NAMES.contains(split)) {
            throw new IllegalArgumentException("unknown split '" + split + "'; expected one of " + Splits.SPLIT_NAMES);
        }
        return split(split);
    }
}
