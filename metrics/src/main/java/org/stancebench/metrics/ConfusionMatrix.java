package org.stancebench.metrics;

import java.util.List;

/**
 * A confusion matrix over label indices, with the metrics that depend only on it: accuracy,
 * per-class precision, recall, F1 and support, macro- and weighted F1, and Cohen's kappa.
 *
 * <p>Rows are gold labels, columns predicted labels. Undefined precision or recall is 0
 * (scikit-learn's {@code zero_division=0}); F1 is {@code 2tp / (2tp + fp + fn)}, 0 when undefined.
 * Macro-F1 averages over the labels present in gold or predictions, as scikit-learn does when no
 * {@code labels} argument is given. Instances are mutable only while {@link #add} is called by their
 * builder; treat them as values once built.
 */
public final class ConfusionMatrix {
    private final long[][] counts;
    private final long[] goldTotals;
    private final long[] predictedTotals;
    private long total;

    /** An empty matrix over {@code k} labels. */
    public ConfusionMatrix(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one label");
        }
        counts = new long[k][k];
        goldTotals = new long[k];
        predictedTotals = new long[k];
    }

    /** The matrix of the examples at {@code indices} (repeats count repeatedly). */
    public static ConfusionMatrix of(int k, int[] gold, int[] predicted, int[] indices) {
        ConfusionMatrix m = new ConfusionMatrix(k);
        for (int i : indices) {
            m.add(gold[i], predicted[i]);
        }
        return m;
    }

    /** The matrix of all examples. */
    public static ConfusionMatrix of(int k, int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException(gold.length + " gold labels but " + predicted.length + " predictions");
        }
        ConfusionMatrix m = new ConfusionMatrix(k);
        for (int i = 0; i < gold.length; i++) {
            m.add(gold[i], predicted[i]);
        }
        return m;
    }

    /** Counts one example. */
    public void add(int gold, int predicted) {
        counts[gold][predicted]++;
        goldTotals[gold]++;
        predictedTotals[predicted]++;
        total++;
    }

    /** Number of labels. */
    public int size() {
        return counts.length;
    }

    /** Number of examples counted. */
    public long total() {
        return total;
    }

    /** A copy of the counts, rows gold and columns predicted. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The count of gold {@code gold} predicted as {@code predicted}. */
    public long count(int gold, int predicted) {
        return counts[gold][predicted];
    }

    /** Share of examples on the diagonal; 0 for an empty matrix. */
    public double accuracy() {
        if (total == 0) {
            return 0;
        }
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            right += counts[i][i];
        }
        return (double) right / total;
    }

    /** Number of gold examples of class {@code c}. */
    public long support(int c) {
        return goldTotals[c];
    }

    /** tp / (tp + fp), 0 when the class is never predicted. */
    public double precision(int c) {
        return predictedTotals[c] == 0 ? 0 : (double) counts[c][c] / predictedTotals[c];
    }

    /** tp / (tp + fn), 0 when the class never occurs in gold. */
    public double recall(int c) {
        return goldTotals[c] == 0 ? 0 : (double) counts[c][c] / goldTotals[c];
    }

    /** 2tp / (2tp + fp + fn), 0 when the class is neither in gold nor predicted. */
    public double f1(int c) {
        long denominator = goldTotals[c] + predictedTotals[c];
        return denominator == 0 ? 0 : 2.0 * counts[c][c] / denominator;
    }

    /** Mean F1 over the labels present in gold or predictions; 0 for an empty matrix. */
    public double macroF1() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            if (goldTotals[c] + predictedTotals[c] > 0) {
                sum += f1(c);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /**
     * Mean F1 over every label of the matrix, a label absent from gold and predictions scoring 0
     * (scikit-learn's {@code f1_score(average="macro", labels=all, zero_division=0)}); 0 for an empty matrix.
     */
    public double macroF1OverAllLabels() {
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += f1(c);
        }
        return sum / counts.length;
    }

    /** F1 weighted by gold support; 0 for an empty matrix. */
    public double weightedF1() {
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += goldTotals[c] * f1(c);
        }
        return sum / total;
    }

    /**
     * Cohen's kappa between gold and predicted labels: {@code (po - pe) / (1 - pe)}, with
     * {@code pe} from the marginals. 0 when {@code pe = 1} (one label only on both sides), where the
     * ratio is undefined.
     */
    public double kappa() {
        if (total == 0) {
            return 0;
        }
        double pe = expectedAgreement();
        return pe >= 1 ? 0 : (accuracy() - pe) / (1 - pe);
    }

    /**
     * The agreement expected by chance from the two marginals, {@code sum_c gold_c * predicted_c / n^2};
     * 1 when both sides use one and the same label only (kappa is then undefined); 0 when empty.
     */
    public double expectedAgreement() {
        if (total == 0) {
            return 0;
        }
        double pe = 0;
        for (int c = 0; c < counts.length; c++) {
            pe += (double) goldTotals[c] * predictedTotals[c];
        }
        return pe / ((double) total * total);
    }

    /** The counts as nested lists, for the results schema. */
    public List<List<Long>> toLists() {
        return java.util.Arrays.stream(counts)
                .map(row -> java.util.Arrays.stream(row).boxed().toList())
                .toList();
    }
}
