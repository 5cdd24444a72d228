package org.stancebench.eval.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.eval.results.PredictionRecord;

/**
 * Predictions turned into arrays for scoring: gold and predicted label indices, probabilities when
 * every prediction has them, and which example each prediction belongs to (an example has one
 * prediction per repeat and seed under cross-validation).
 *
 * <p>Immutable after construction; arrays returned are the internal ones and must not be changed.
 */
public final class ScoredExamples {
    private final List<String> labels;
    private final int[] gold;
    private final int[] predicted;
    private final double[][] probs;
    private final int[][] members;
    private final List<String> exampleIds;

    /**
     * Indexes {@code predictions} against {@code labels}.
     *
     * @throws IllegalArgumentException when a label is unknown or a probability row has the wrong length
     */
    public ScoredExamples(List<String> labels, List<PredictionRecord> predictions) {
        this.labels = List.copyOf(labels);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int n = predictions.size();
        gold = new int[n];
        predicted = new int[n];
        boolean allProbs = n > 0 && predictions.stream().allMatch(p -> p.probs() != null);
        probs = allProbs ? new double[n][] : null;
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            PredictionRecord p = predictions.get(i);
            gold[i] = lookup(index, p.gold(), p.id());
            predicted[i] = lookup(index, p.predicted(), p.id());
            if (allProbs) {
                if (p.probs().size() != labels.size()) {
                    throw new IllegalArgumentException("prediction for " + p.id() + " has " + p.probs().size()
                            + " probabilities for " + labels.size() + " labels");
                }
                probs[i] = p.probs().stream().mapToDouble(Double::doubleValue).toArray();
            }
            byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(i);
        }
        members = byId.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        exampleIds = List.copyOf(byId.keySet());
    }

    private static int lookup(Map<String, Integer> index, String label, String id) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalArgumentException("prediction for " + id + " has label '" + label
                    + "', not in " + index.keySet());
        }
        return i;
    }

    public List<String> labels() {
        return labels;
    }

    /** Number of predictions. */
    public int size() {
        return gold.length;
    }

    public int[] gold() {
        return gold;
    }

    public int[] predicted() {
        return predicted;
    }

    /** Probability rows in label order, or null when some prediction has none. */
    public double[][] probs() {
        return probs;
    }

    public boolean hasProbs() {
        return probs != null;
    }

    /** For each distinct example (in order of first appearance), the indices of its predictions. */
    public int[][] members() {
        return members;
    }

    /** Distinct example ids, parallel to {@link #members()}. */
    public List<String> exampleIds() {
        return exampleIds;
    }

    /** The indices 0..size-1. */
    public int[] all() {
        int[] idx = new int[gold.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
