package org.stancebench.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import org.stancebench.eval.results.Calibration;
import org.stancebench.eval.results.CalibrationBin;

/**
 * The metrics of predicted probabilities: log loss, the multiclass Brier score and the expected
 * calibration error with its reliability bins.
 *
 * <p>Every method reads the examples at {@code indices} (repeats count repeatedly) and returns 0
 * for an empty index set. Probability rows are in label order.
 */
public final class ProbabilityMetrics {
    /** Probabilities below this are raised to it before the logarithm. */
    public static final double LOG_LOSS_EPSILON = 1e-15;
    /** Number of equal-width confidence bins of the expected calibration error. */
    public static final int ECE_BINS = 15;

    private ProbabilityMetrics() {
    }

    /** Mean of {@code -ln(max(p_gold, 1e-15))}; probabilities are clipped, not renormalized. */
    public static double logLoss(int[] gold, double[][] probs, int[] indices) {
        if (indices.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int i : indices) {
            double p = Math.min(1, Math.max(LOG_LOSS_EPSILON, probs[i][gold[i]]));
            sum -= Math.log(p);
        }
        return sum / indices.length;
    }

    /** Brier (1950): mean over examples of {@code sum_k (p_k - y_k)^2}, in [0, 2]. */
    public static double brier(int[] gold, double[][] probs, int[] indices) {
        if (indices.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int i : indices) {
            double[] p = probs[i];
            for (int k = 0; k < p.length; k++) {
                double d = p[k] - (k == gold[i] ? 1 : 0);
                sum += d * d;
            }
        }
        return sum / indices.length;
    }

    /** The highest probability of a row. */
    public static double confidence(double[] p) {
        double max = p[0];
        for (int k = 1; k < p.length; k++) {
            max = Math.max(max, p[k]);
        }
        return max;
    }

    /** The bin of a confidence: {@code (i/15, (i+1)/15]}, with 0 in the first bin. */
    static int bin(double confidence, int bins) {
        int b = (int) Math.ceil(confidence * bins) - 1;
        return Math.max(0, Math.min(bins - 1, b));
    }

    /** Expected calibration error only (cheaper than {@link #calibration}; same value). */
    public static double ece(int[] gold, int[] predicted, double[][] probs, int[] indices) {
        return calibration(gold, predicted, probs, indices).ece();
    }

    /**
     * The reliability diagram over 15 equal-width bins of the highest probability, and
     * {@code ece = sum_b n_b / n * |accuracy_b - meanConfidence_b|}. A prediction is correct when
     * {@code predicted} equals {@code gold}.
     */
    public static Calibration calibration(int[] gold, int[] predicted, double[][] probs, int[] indices) {
        int bins = ECE_BINS;
        long[] count = new long[bins];
        double[] confSum = new double[bins];
        long[] correct = new long[bins];
        for (int i : indices) {
            double c = confidence(probs[i]);
            int b = bin(c, bins);
            count[b]++;
            confSum[b] += c;
            if (predicted[i] == gold[i]) {
                correct[b]++;
            }
        }
        List<CalibrationBin> out = new ArrayList<>(bins);
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            double meanConf = count[b] == 0 ? 0 : confSum[b] / count[b];
            double acc = count[b] == 0 ? 0 : (double) correct[b] / count[b];
            if (indices.length > 0) {
                ece += (double) count[b] / indices.length * Math.abs(acc - meanConf);
            }
            out.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins, count[b], meanConf, acc));
        }
        return new Calibration(out, Math.min(1, ece));
    }
}
