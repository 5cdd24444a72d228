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
    // Per-prediction terms of the probability metrics, computed once so that every bootstrap
    // resample only sums them.
    private final double[] logLossTerms;
    private final double[] brierTerms;
    private final double[] confidences;
    private final int[] bins;

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
        if (allProbs) {
            logLossTerms = new double[n];
            brierTerms = new double[n];
            confidences = new double[n];
            bins = new int[n];
            int[] one = new int[1];
            for (int i = 0; i < n; i++) {
                one[0] = i;
                logLossTerms[i] = ProbabilityMetrics.logLoss(gold, probs, one);
                brierTerms[i] = ProbabilityMetrics.brier(gold, probs, one);
                confidences[i] = ProbabilityMetrics.confidence(probs[i]);
                bins[i] = ProbabilityMetrics.bin(confidences[i], ProbabilityMetrics.ECE_BINS);
            }
        } else {
            logLossTerms = null;
            brierTerms = null;
            confidences = null;
            bins = null;
        }
    }

    /**
     * Log loss, Brier score and expected calibration error of the predictions at {@code indices},
     * from precomputed per-prediction terms: the same values as {@link ProbabilityMetrics} gives.
     * Requires probabilities.
     */
    double[] probabilityMetrics(int[] indices) {
        if (indices.length == 0) {
            return new double[3];
        }
        double ll = 0;
        double br = 0;
        int nb = ProbabilityMetrics.ECE_BINS;
        long[] count = new long[nb];
        double[] conf = new double[nb];
        long[] correct = new long[nb];
        for (int i : indices) {
            ll += logLossTerms[i];
            br += brierTerms[i];
            int b = bins[i];
            count[b]++;
            conf[b] += confidences[i];
            if (predicted[i] == gold[i]) {
                correct[b]++;
            }
        }
        double ece = 0;
        for (int b = 0; b < nb; b++) {
            if (count[b] > 0) {
                ece += (double) count[b] / indices.length
                        * Math.abs((double) correct[b] / count[b] - conf[b] / count[b]);
            }
        }
        return new double[] {ll / indices.length, br / indices.length, Math.min(1, ece)};
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
