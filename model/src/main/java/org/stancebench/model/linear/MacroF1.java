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

    /** The index of the largest value (the first on ties). */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
