package org.stancebench.eval.metrics;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The official metrics of the tasks StanceBench knows, by name: {@code tweeteval-stance} (mean of
 * F1 of {@code against} and F1 of {@code favor} over the pooled examples of all targets),
 * {@code f1-irony} (F1 of class {@code irony}), {@code f1:LABEL} (F1 of one class) and
 * {@code macro-f1}.
 */
public final class OfficialMetrics {
    /** TweetEval stance: mean of F1(against) and F1(favor). */
    public static final String TWEETEVAL_STANCE = "tweeteval-stance";
    /** TweetEval irony: F1 of the irony class. */
    public static final String F1_IRONY = "f1-irony";
    /** Macro-averaged F1, the default. */
    public static final String MACRO_F1 = "macro-f1";
    /** Prefix of the F1 of one class, {@code f1:LABEL}. */
    public static final String F1_PREFIX = "f1:";

    private OfficialMetrics() {
    }

    /**
     * The metric named {@code name} over {@code labels}.
     *
     * @throws IllegalArgumentException when the name is unknown or needs a label the set lacks
     */
    public static ToDoubleFunction<ConfusionMatrix> resolve(String name, List<String> labels) {
        switch (name) {
            case MACRO_F1:
                return ConfusionMatrix::macroF1;
            case TWEETEVAL_STANCE: {
                int against = index(name, labels, "against");
                int favor = index(name, labels, "favor");
                return m -> (m.f1(against) + m.f1(favor)) / 2;
            }
            case F1_IRONY: {
                int irony = index(name, labels, "irony");
                return m -> m.f1(irony);
            }
            default:
                if (name.startsWith(F1_PREFIX)) {
                    int c = index(name, labels, name.substring(F1_PREFIX.length()));
                    return m -> m.f1(c);
                }
                throw new IllegalArgumentException("unknown official metric '" + name + "' (known: "
                        + TWEETEVAL_STANCE + ", " + F1_IRONY + ", " + MACRO_F1 + ", " + F1_PREFIX + "LABEL)");
        }
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
        if (labels.size() == 2 && set.contains("sarcastic")
                && datasetName.toLowerCase(java.util.Locale.ROOT).contains("sarcasm")) {
            return F1_PREFIX + "sarcastic";
        }
        return MACRO_F1;
    }

    private static int index(String metric, List<String> labels, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("official metric " + metric + " needs label '" + label
                    + "', which is not in " + labels);
        }
        return i;
    }
}
