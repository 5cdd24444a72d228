package org.stancebench.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.stancebench.api.Probabilities;

/**
 * A decision threshold on the probability of one label: with two labels, that label is predicted
 * when its probability exceeds {@code value} (ties by label order); with more, that label's odds are
 * scaled by {@code (1 - value) / value}, which is the same rule for two labels.
 *
 * <p>Applied to the probabilities a classifier returns ({@link #apply(double[])}: the label's
 * probability is multiplied by {@code (1 - value) / value} and the vector renormalised), so every
 * consumer that takes the argmax (evaluation, reports, {@code predict}) sees the thresholded
 * decision, and the probabilities still sum to 1. {@link #NONE} and a threshold of exactly 0.5
 * leave the vector untouched, bit for bit. Immutable.
 *
 * @param label the index of the thresholded label in the classifier's label order; -1 for none
 * @param value the threshold, in (0, 1)
 */
public record DecisionThreshold(int label, double value) {
    /** No threshold: plain argmax. */
    public static final DecisionThreshold NONE = new DecisionThreshold(-1, 0.5);
    /** The setting reporting the threshold: {@code none} or the number. */
    public static final String SETTING = "threshold";
    /** The setting reporting the label the threshold is on (only when there is one). */
    public static final String LABEL_SETTING = "threshold_label";

    public DecisionThreshold {
        if (label < -1 || !(value > 0 && value < 1)) {
            throw new IllegalArgumentException("decision threshold: label index " + label + " and value " + value
                    + " (must be in (0, 1))");
        }
    }

    /** Whether a threshold applies. */
    public boolean active() {
        return label >= 0;
    }

    /** Applies the threshold to {@code p} in place (nothing for {@link #NONE} or 0.5). */
    public void apply(double[] p) {
        if (label < 0 || value == 0.5) {
            return;
        }
        p[label] *= (1 - value) / value;
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
    }

    /** Adds {@link #SETTING} (and {@link #LABEL_SETTING} when active) to {@code settings}. */
    public void putInto(Map<String, String> settings, List<String> labels) {
        if (active()) {
            settings.put(SETTING, Double.toString(value));
            settings.put(LABEL_SETTING, labels.get(label));
        } else {
            settings.put(SETTING, "none");
            settings.remove(LABEL_SETTING);
        }
    }

    /**
     * The threshold a saved model's settings report; {@link #NONE} when they name none (models saved
     * before thresholds existed included).
     *
     * @throws IllegalArgumentException when the value is not a number in (0, 1) or the label is unknown
     */
    public static DecisionThreshold fromSettings(Map<String, String> settings, List<String> labels) {
        String v = settings.getOrDefault(SETTING, "none").strip().toLowerCase(Locale.ROOT);
        if (v.equals("none") || v.equals("auto")) {
            return NONE;
        }
        String label = settings.get(LABEL_SETTING);
        int index = label == null ? -1 : labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("setting '" + LABEL_SETTING + "' is '" + label + "', not one of " + labels);
        }
        try {
            return new DecisionThreshold(index, Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + SETTING + "' must be none or a number in (0, 1), got '" + v + "'");
        }
    }

    /**
     * The threshold on {@code label} from 0.05, 0.10, ..., 0.95 with the best {@code metric} of the
     * thresholded argmax over {@code probs} against {@code gold}; on ties the one closest to 0.5 (the
     * lower of two equally close), so a threshold moves only when it gains something.
     */
    public static Scored choose(int label, double[][] probs, int[] gold, ToDoubleBiFunction<int[], int[]> metric) {
        DecisionThreshold best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int[] predicted = new int[probs.length];
        for (int step = 0; step <= 9; step++) {
            for (int sign : step == 0 ? new int[] {0} : new int[] {-1, 1}) {
                DecisionThreshold t = new DecisionThreshold(label, (10 + sign * step) / 20.0);
                for (int i = 0; i < probs.length; i++) {
                    double[] p = probs[i].clone();
                    t.apply(p);
                    predicted[i] = Probabilities.argmax(p);
                }
                double score = metric.applyAsDouble(gold, predicted);
                if (best == null || score > bestScore) {
                    best = t;
                    bestScore = score;
                }
            }
        }
        return new Scored(best, bestScore);
    }

    /** A threshold with its dev score. */
    public record Scored(DecisionThreshold threshold, double score) {
    }
}
