package org.stancebench.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import org.stancebench.api.Probabilities;
import org.stancebench.metrics.Metrics;

/**
 * How a trainable classifier handles class imbalance, read once per training run from its settings:
 * {@code class_weight} and {@code threshold}, chosen on the dev split by the run's
 * {@code tune_metric}.
 *
 * <p>{@code class_weight} [auto]: {@code none}; {@code balanced}, each example weighted
 * {@code n / (k n_c)} (scikit-learn's rule, k the labels present in training); {@code auto}, both
 * fitted and the one with the better dev score kept ({@code none} on ties, and {@code none} without
 * a dev split). {@code threshold} [auto]: {@code none}; a number in (0, 1) on the probability of the
 * label whose F1 {@code tune_metric} is ({@link Metrics#singleClass}); {@code auto}, chosen on dev
 * by {@link DecisionThreshold#choose} for each weighting when {@code tune_metric} is one label's F1
 * and a dev split exists, else none. What was chosen is reported by {@link Choice#putInto}, so a
 * model's settings, provenance and saved files carry it. Immutable.
 */
public final class Imbalance {
    /** The class-weight setting. */
    public static final String CLASS_WEIGHT = "class_weight";
    /** The tuning-metric setting. */
    public static final String TUNE_METRIC = "tune_metric";
    /** Every key this class reads or reports, for readers of saved settings that parse the rest. */
    public static final Set<String> KEYS = Set.of(CLASS_WEIGHT, TUNE_METRIC, DecisionThreshold.SETTING,
            DecisionThreshold.LABEL_SETTING);

    private final List<String> labels;
    private final List<String> weightings;
    private final ToDoubleBiFunction<int[], int[]> criterion;
    private final int thresholdLabel;
    private final double fixedThreshold;

    private Imbalance(List<String> labels, List<String> weightings, ToDoubleBiFunction<int[], int[]> criterion,
                      int thresholdLabel, double fixedThreshold) {
        this.labels = List.copyOf(labels);
        this.weightings = List.copyOf(weightings);
        this.criterion = criterion;
        this.thresholdLabel = thresholdLabel;
        this.fixedThreshold = fixedThreshold;
    }

    /**
     * Reads {@code class_weight} and {@code threshold} from {@code s}; {@code metricName} is the
     * run's {@code tune_metric}, already read ({@code null} criterion: a metric that is not over
     * labels, such as tfidf-logreg's {@code log_loss}, which never thresholds).
     *
     * @throws IllegalArgumentException for a bad value, or a fixed threshold without a one-label metric
     */
    public static Imbalance read(Settings s, String metricName, ToDoubleBiFunction<int[], int[]> criterion,
                                 List<String> labels, boolean hasDev) {
        String cw = s.choice(CLASS_WEIGHT, "auto", Set.of("auto", "none", "balanced"));
        List<String> weightings = cw.equals("auto") ? (hasDev ? List.of("none", "balanced") : List.of("none"))
                : List.of(cw);
        String t = s.string(DecisionThreshold.SETTING, "auto").strip().toLowerCase(java.util.Locale.ROOT);
        Optional<String> one = criterion == null ? Optional.empty() : Metrics.singleClass(metricName);
        int label = one.map(labels::indexOf).orElse(-1);
        double fixed = Double.NaN;
        if (t.equals("none")) {
            label = -1;
        } else if (t.equals("auto")) {
            label = hasDev ? label : -1;
        } else {
            try {
                fixed = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw s.bad(DecisionThreshold.SETTING, t, "auto, none or a number in (0, 1)");
            }
            if (!(fixed > 0 && fixed < 1)) {
                throw s.bad(DecisionThreshold.SETTING, t, "auto, none or a number in (0, 1)");
            }
            if (label < 0) {
                throw s.bad(DecisionThreshold.SETTING, t, "auto or none unless tune_metric is one label's F1 "
                        + "(f1:LABEL), which names the label the threshold is on");
            }
        }
        return new Imbalance(labels, weightings, criterion, label, fixed);
    }

    /** The class weightings to fit, in order ({@code none} first when both). */
    public List<String> weightings() {
        return weightings;
    }

    /**
     * One weight per label for {@code weighting}: all 1 for {@code none}; {@code n / (k n_c)} for
     * {@code balanced}, with k the labels present in {@code y} (an absent label gets 1, unused).
     */
    public static double[] classWeights(int[] y, int k, String weighting) {
        double[] w = new double[k];
        Arrays.fill(w, 1.0);
        if (weighting.equals("balanced")) {
            int[] count = new int[k];
            for (int label : y) {
                count[label]++;
            }
            int present = 0;
            for (int c : count) {
                present += c > 0 ? 1 : 0;
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    w[c] = (double) y.length / ((double) present * count[c]);
                }
            }
        }
        return w;
    }

    /** The weight of each example: its label's class weight. */
    public static double[] sampleWeights(int[] y, int k, String weighting) {
        double[] perClass = classWeights(y, k, weighting);
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = perClass[y[i]];
        }
        return w;
    }

    /** Whether {@link #score} uses the dev probabilities at all (a criterion over labels exists). */
    public boolean scoresLabels() {
        return criterion != null;
    }

    /**
     * The dev score of one fitted weighting from its dev probabilities: with a threshold to choose,
     * the best over thresholds and that threshold; with a fixed one, the score under it; else the
     * plain argmax's score with no threshold.
     */
    public Choice score(String weighting, double[][] devProbs, int[] devGold) {
        if (thresholdLabel >= 0 && Double.isNaN(fixedThreshold)) {
            DecisionThreshold.Scored s = DecisionThreshold.choose(thresholdLabel, devProbs, devGold, criterion);
            return new Choice(weighting, s.threshold(), s.score());
        }
        DecisionThreshold t = thresholdLabel >= 0 ? new DecisionThreshold(thresholdLabel, fixedThreshold)
                : DecisionThreshold.NONE;
        if (devProbs.length == 0 || criterion == null) {
            return new Choice(weighting, t, 0.0);
        }
        int[] predicted = new int[devProbs.length];
        for (int i = 0; i < devProbs.length; i++) {
            double[] p = devProbs[i].clone();
            t.apply(p);
            predicted[i] = Probabilities.argmax(p);
        }
        return new Choice(weighting, t, criterion.applyAsDouble(devGold, predicted));
    }

    /** What was chosen for one fit when there is no dev split to score on. */
    public Choice unscored(String weighting) {
        return score(weighting, new double[0][], new int[0]);
    }

    /**
     * A weighting with its decision threshold and dev score.
     *
     * @param weighting {@code none} or {@code balanced}
     * @param threshold the decision threshold, {@link DecisionThreshold#NONE} for none
     * @param score the dev score (0 without dev)
     */
    public record Choice(String weighting, DecisionThreshold threshold, double score) {
        /** Reports {@code class_weight}, {@code threshold} and, when there is one, {@code threshold_label}. */
        public void putInto(Map<String, String> settings, List<String> labels) {
            settings.put(CLASS_WEIGHT, weighting);
            threshold.putInto(settings, labels);
        }
    }

    /** The labels this was read for. */
    public List<String> labels() {
        return labels;
    }
}
