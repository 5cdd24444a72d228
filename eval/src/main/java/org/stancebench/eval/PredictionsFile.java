package org.stancebench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stancebench.api.Probabilities;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.io.BadInputException;
import org.stancebench.io.Json;
import org.stancebench.io.TextInput;

/**
 * A predictions file from any tool, checked against one split of a dataset: JSON Lines, one object
 * per line, either {@code {"id": ..., "label": ...}} or {@code {"id": ..., "probs": {LABEL: p, ...}}}
 * (both may be given: then {@code label} is the prediction and {@code probs} feed the probability
 * metrics). Blank lines are skipped.
 *
 * <p>A line that is not such an object is an error naming the file and line. Mismatches with the
 * split are collected and reported together (how many, and the first few): ids of the split missing
 * from the file, ids not in the split, ids given twice, labels (or probability keys) not in the
 * dataset's label set, and probabilities that are negative, not finite or do not sum to 1 within
 * {@value #SUM_TOLERANCE}. They are refused unless mismatches are allowed; then the bad lines are
 * dropped (the first line of a repeated id is kept), sums off by more than the tolerance are
 * renormalized, and scoring uses the split's examples that remain. A label missing from
 * {@code probs} has probability 0. The predicted label from {@code probs} alone is the first label
 * (in dataset order) with the highest probability.
 */
public final class PredictionsFile {
    /** Allowed distance of a probability sum from 1. */
    public static final double SUM_TOLERANCE = 1e-3;
    /** How many ids or lines a message lists. */
    static final int SHOWN = 5;


    private PredictionsFile() {
    }

    /**
     * The checked predictions, in the file's order, and the mismatches found (empty when the file
     * matches the split exactly; otherwise only possible when mismatches were allowed).
     */
    public record Loaded(List<PredictionRecord> predictions, List<String> mismatches) {
        public Loaded {
            predictions = List.copyOf(predictions);
            mismatches = List.copyOf(mismatches);
        }
    }

    /**
     * Reads and checks {@code file} against {@code split} of {@code dataset}.
     *
     * @throws IOException when a line is malformed, or when mismatches are found and not allowed; the
     *     message is one line naming the file
     */
    public static Loaded read(Path file, Dataset dataset, String split, boolean allowMismatch) throws IOException {
        Map<String, Example> expected = new LinkedHashMap<>();
        for (Example e : dataset.split(split)) {
            expected.put(e.id(), e);
        }
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no examples in split '"
                    + split + "'");
        }
        List<String> labels = dataset.labels();
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        Issues extra = new Issues("id not in split " + split, "ids not in split " + split);
        Issues duplicate = new Issues("id given twice", "ids given more than once");
        Issues unknown = new Issues("unknown label", "unknown labels");
        Issues badSum = new Issues("probability row not summing to 1 (tolerance " + SUM_TOLERANCE + ")",
                "probability rows not summing to 1 (tolerance " + SUM_TOLERANCE + ")");
        Issues badValue = new Issues("negative or non-finite probability", "negative or non-finite probabilities");
        Map<String, PredictionRecord> found = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        try (TextInput.Lines lines = TextInput.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                long lineNo = lines.lineNumber();
                if (line.isBlank()) {
                    continue;
                }
                // NaN and Infinity (Python's json.dumps writes them) are read, then refused below as
                // non-finite probabilities with the id named, rather than as unreadable JSON.
                JsonNode node = Json.readTreeLine(line, file, lineNo, true);
                if (node == null || !node.isObject()) {
                    throw BadInputException.at(file, lineNo, "not a JSON object");
                }
                JsonNode idNode = node.get("id");
                if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty()) {
                    throw BadInputException.at(file, lineNo, "field 'id' is missing or not a non-empty string");
                }
                String id = idNode.asText();
                JsonNode labelNode = node.get("label");
                JsonNode probsNode = node.get("probs");
                boolean hasLabel = labelNode != null && !labelNode.isNull();
                boolean hasProbs = probsNode != null && !probsNode.isNull();
                if (!hasLabel && !hasProbs) {
                    throw BadInputException.at(file, lineNo, "needs a 'label' or a 'probs' field");
                }
                if (hasLabel && !labelNode.isTextual()) {
                    throw BadInputException.at(file, lineNo, "field 'label' must be a string");
                }
                if (hasProbs && !probsNode.isObject()) {
                    throw BadInputException.at(file, lineNo, "field 'probs' must be an object of label to probability");
                }
                Example gold = expected.get(id);
                if (gold == null) {
                    extra.add(id);
                    continue;
                }
                if (!seen.add(id)) {
                    duplicate.add(id);
                    continue;
                }
                String bad = hasLabel && !labelIndex.containsKey(labelNode.asText()) ? labelNode.asText() : null;
                double[] probs = null;
                if (hasProbs) {
                    probs = new double[labels.size()];
                    for (Iterator<Map.Entry<String, JsonNode>> it = probsNode.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> entry = it.next();
                        Integer k = labelIndex.get(entry.getKey());
                        if (k == null) {
                            bad = entry.getKey();
                            break;
                        }
                        if (!entry.getValue().isNumber()) {
                            throw BadInputException.at(file, lineNo,
                                    "probability of '" + entry.getKey() + "' is not a number");
                        }
                        probs[k] = entry.getValue().asDouble();
                    }
                }
                if (bad != null) {
                    unknown.add(id + " ('" + bad + "')");
                    continue;
                }
                if (probs != null) {
                    double sum = 0;
                    boolean valid = true;
                    for (double p : probs) {
                        valid &= Double.isFinite(p) && p >= 0;
                        sum += p;
                    }
                    if (!valid || sum <= 0) {
                        badValue.add(id);
                        continue;
                    }
                    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                        badSum.add(id + " (sum " + sum + ")");
                        for (int k = 0; k < probs.length; k++) {
                            probs[k] /= sum;
                        }
                    }
                }
                String predicted = hasLabel ? labelNode.asText() : labels.get(Probabilities.argmax(probs));
                List<Double> boxed = null;
                if (probs != null) {
                    boxed = new ArrayList<>(probs.length);
                    for (double p : probs) {
                        boxed.add(p);
                    }
                }
                found.put(id, new PredictionRecord(id, gold.label(), predicted, boxed, null, null));
            }
        }
        Issues missing = new Issues("id of split " + split + " missing from the file",
                "ids of split " + split + " missing from the file");
        for (String id : expected.keySet()) {
            if (!seen.contains(id)) {
                missing.add(id);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Issues issues : List.of(missing, extra, duplicate, unknown, badSum, badValue)) {
            if (issues.count() > 0) {
                problems.add(issues.describe());
            }
        }
        if (!problems.isEmpty() && !allowMismatch) {
            throw BadInputException.in(file, "does not match split " + split + " of dataset " + dataset.name()
                    + ": " + String.join("; ", problems) + " (use --allow-mismatch to evaluate anyway)");
        }
        if (found.isEmpty()) {
            throw BadInputException.in(file, "no usable predictions for split " + split + " of dataset "
                    + dataset.name() + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        }
        // Scored in the split's order, so results do not depend on line order.
        List<PredictionRecord> ordered = new ArrayList<>();
        for (String id : expected.keySet()) {
            PredictionRecord p = found.get(id);
            if (p != null) {
                ordered.add(p);
            }
        }
        return new Loaded(ordered, problems);
    }

    /** A kind of mismatch: how many, and the first few. */
    private static final class Issues {
        private final String one;
        private final String many;
        private final Set<String> first = new LinkedHashSet<>();
        private int count;

        Issues(String one, String many) {
            this.one = one;
            this.many = many;
        }

        void add(String what) {
            count++;
            if (first.size() < SHOWN) {
                first.add(what);
            }
        }

        int count() {
            return count;
        }

        String describe() {
            return count + " " + (count == 1 ? one : many) + " (" + (count > first.size() ? "first: " : "")
                    + String.join(", ", first) + ")";
        }
    }
}
