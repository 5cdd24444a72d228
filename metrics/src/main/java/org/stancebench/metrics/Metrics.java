package org.stancebench.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The one vocabulary of metrics over predicted labels: what classifiers tune their settings by on a
 * dev split ({@code tune_metric}) and what evaluation reports and tests, under the same names.
 *
 * <p>Names: {@code accuracy}; {@code macro-f1} (mean F1 over the labels present in gold or
 * predictions, scikit-learn's default); {@code macro-f1-all} (mean F1 over every label of the task,
 * an absent label scoring 0); {@code weighted-f1}; {@code kappa}; {@code f1:LABEL} (F1 of one class)
 * and {@code f1:L1+L2+...} (mean F1 of several); and the official metrics of known tasks,
 * {@code tweeteval-stance} (the same as {@code f1:against+favor}) and {@code f1-irony} (the same as
 * {@code f1:irony}). The spelling {@code macro_f1} of earlier tuning settings is accepted and means
 * {@code macro-f1-all}, which is what it computed. F1 is {@code 2tp / (2tp + fp + fn)}, 0 when
 * undefined. Larger is better for every metric here.
 */
public final class Metrics {
    public static final String ACCURACY = "accuracy";
    /** Macro-averaged F1 over the labels present, the default official metric. */
    public static final String MACRO_F1 = "macro-f1";
    /** Macro-averaged F1 over every label; the default dev criterion of the tuning classifiers. */
    public static final String MACRO_F1_ALL = "macro-f1-all";
    public static final String WEIGHTED_F1 = "weighted-f1";
    public static final String KAPPA = "kappa";
    /** TweetEval stance: mean of F1(against) and F1(favor). */
    public static final String TWEETEVAL_STANCE = "tweeteval-stance";
    /** TweetEval irony: F1 of the irony class. */
    public static final String F1_IRONY = "f1-irony";
    /** Prefix of the F1 of one class, {@code f1:LABEL}, or the mean F1 of several, {@code f1:L1+L2}. */
    public static final String F1_PREFIX = "f1:";
    /** The names listed in messages. */
    public static final List<String> NAMES = List.of(ACCURACY, MACRO_F1, MACRO_F1_ALL, WEIGHTED_F1, KAPPA,
            TWEETEVAL_STANCE, F1_IRONY, F1_PREFIX + "LABEL", F1_PREFIX + "LABEL+LABEL");

    private Metrics() {
    }

    /** The canonical spelling of {@code name}: {@code macro_f1} becomes {@code macro-f1-all}, others stay. */
    public static String canonical(String name) {
        String n = name.strip();
        return n.equals("macro_f1") ? MACRO_F1_ALL : n;
    }

    /**
     * The metric named {@code name} over {@code labels}.
     *
     * @throws IllegalArgumentException when the name is unknown or needs a label the set lacks
     */
    public static ToDoubleFunction<ConfusionMatrix> resolve(String name, List<String> labels) {
        String n = canonical(name);
        switch (n) {
            case ACCURACY:
                return ConfusionMatrix::accuracy;
            case MACRO_F1:
                return ConfusionMatrix::macroF1;
            case MACRO_F1_ALL:
                return ConfusionMatrix::macroF1OverAllLabels;
            case WEIGHTED_F1:
                return ConfusionMatrix::weightedF1;
            case KAPPA:
                return ConfusionMatrix::kappa;
            case TWEETEVAL_STANCE:
                return meanF1(n, labels, List.of("against", "favor"));
            case F1_IRONY:
                return meanF1(n, labels, List.of("irony"));
            default:
                if (n.startsWith(F1_PREFIX) && n.length() > F1_PREFIX.length()) {
                    return meanF1(n, labels, List.of(n.substring(F1_PREFIX.length()).split("\\+", -1)));
                }
                throw new IllegalArgumentException("unknown metric '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /**
     * The metric named {@code name} as a function of gold and predicted label indices (in the order of
     * {@code labels}): the dev criterion of a classifier's {@code tune_metric} setting.
     */
    public static ToDoubleBiFunction<int[], int[]> criterion(String name, List<String> labels) {
        ToDoubleFunction<ConfusionMatrix> metric = resolve(name, labels);
        int k = labels.size();
        return (gold, predicted) -> metric.applyAsDouble(ConfusionMatrix.of(k, gold, predicted));
    }

    /**
     * The official metric of a dataset, recognised by its label set: TweetEval stance's
     * {@code none/against/favor} gives {@code tweeteval-stance}, TweetEval irony's
     * {@code non_irony/irony} gives {@code f1-irony}, iSarcasmEval (a dataset whose name contains
     * {@code sarcasm} with a {@code sarcastic} class and two labels) gives {@code f1:sarcastic};
     * everything else, the seed task included, {@code macro-f1}.
     */
    public static String defaultFor(String datasetName, List<String> labels) {
        Set<String> set = Set.copyOf(labels);
        if (set.equals(Set.of("none", "against", "favor"))) {
            return TWEETEVAL_STANCE;
        }
        if (set.equals(Set.of("non_irony", "irony"))) {
            return F1_IRONY;
        }
        if (labels.size() == 2 && set.contains("sarcastic") && datasetName.toLowerCase(Locale.ROOT).contains("sarcasm")) {
            return F1_PREFIX + "sarcastic";
        }
        return MACRO_F1;
    }

    /**
     * The one label whose F1 the metric {@code name} is, when it is one class's F1 ({@code f1:LABEL}
     * or {@code f1-irony}); empty for every other metric, a mean of several F1s included. Classifiers
     * tune a decision threshold on that label's probability only for such a metric.
     */
    public static Optional<String> singleClass(String name) {
        String n = canonical(name);
        if (n.equals(F1_IRONY)) {
            return Optional.of("irony");
        }
        if (n.startsWith(F1_PREFIX) && n.length() > F1_PREFIX.length() && !n.contains("+")) {
            return Optional.of(n.substring(F1_PREFIX.length()));
        }
        return Optional.empty();
    }

    private static ToDoubleFunction<ConfusionMatrix> meanF1(String metric, List<String> labels, List<String> names) {
        int[] classes = new int[names.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = labels.indexOf(names.get(i));
            if (classes[i] < 0) {
                throw new IllegalArgumentException("metric " + metric + " needs label '" + names.get(i)
                        + "', which is not in " + labels);
            }
        }
        if (classes.length == 1) {
            int c = classes[0];
            return m -> m.f1(c);
        }
        return m -> {
            double sum = 0;
            for (int c : classes) {
                sum += m.f1(c);
            }
            return sum / classes.length;
        };
    }
}
