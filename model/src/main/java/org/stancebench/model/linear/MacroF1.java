package org.stancebench.model.linear;

/**
 * Macro-averaged F1 over a label set (a class with no gold and no predicted example scores 0, as
 * scikit-learn's {@code f1_score(average="macro", zero_division=0)} over all labels): the criterion
 * the sparse classifiers tune their settings with on the dev split.
 */
public final class MacroF1 {
    private MacroF1() {
    }

    /** Macro-F1 of {@code predicted} against {@code gold}, labels in {@code [0, classes)}. */
    public static double of(int[] gold, int[] predicted, int classes) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] == predicted[i]) {
                tp[gold[i]]++;
            } else {
                fp[predicted[i]]++;
                fn[gold[i]]++;
            }
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            int denom = 2 * tp[c] + fp[c] + fn[c];
            sum += denom == 0 ? 0 : 2.0 * tp[c] / denom;
        }
        return sum / classes;
    }

    /** F1 of one class {@code positive}. */
    public static double ofClass(int[] gold, int[] predicted, int positive) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < gold.length; i++) {
            boolean g = gold[i] == positive;
            boolean p = predicted[i] == positive;
            if (g && p) {
                tp++;
            } else if (p) {
                fp++;
            } else if (g) {
                fn++;
            }
        }
        int denom = 2 * tp + fp + fn;
        return denom == 0 ? 0 : 2.0 * tp / denom;
    }

    /**
     * The dev criterion named by a {@code tune_metric} setting: {@code macro_f1}, or
     * {@code f1:LABEL} for the F1 of one label (TweetEval scores irony by the irony class's F1), or
     * {@code f1:L1+L2+...} for the mean F1 of several labels (TweetEval stance: {@code f1:against+favor}).
     *
     * @return a function of (gold, predicted) label indices
     * @throws IllegalArgumentException when the name or a label is unknown
     */
    public static java.util.function.ToDoubleBiFunction<int[], int[]> criterion(String name, java.util.List<String> labels) {
        if (name.equals("macro_f1")) {
            return (gold, pred) -> of(gold, pred, labels.size());
        }
        if (name.startsWith("f1:")) {
            String[] names = name.substring(3).split("\\+", -1);
            int[] positives = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                positives[i] = labels.indexOf(names[i]);
                if (positives[i] < 0) {
                    throw new IllegalArgumentException("tune_metric '" + name + "': label '" + names[i]
                            + "' is not in " + labels);
                }
            }
            return (gold, pred) -> {
                double sum = 0;
                for (int positive : positives) {
                    sum += ofClass(gold, pred, positive);
                }
                return sum / positives.length;
            };
        }
        throw new IllegalArgumentException("tune_metric must be macro_f1, f1:LABEL or f1:LABEL+LABEL..., got '"
                + name + "'");
    }
}
