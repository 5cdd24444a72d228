package org.stancebench.api;

/**
 * The two operations every classifier and every evaluation needs on a score vector: the softmax
 * that turns scores into probabilities, and the argmax that turns probabilities into a label.
 *
 * <p>Tie rule: {@link #argmax} returns the first index among equal maxima, so the predicted label is
 * the first of the tied labels in the order of the vector (callers that compare against a dataset
 * reorder probabilities to the dataset's label order first). The softmax subtracts the largest
 * score before exponentiating, sums in index order and divides, so the same scores give the same
 * probabilities bit for bit on every JVM.
 */
public final class Probabilities {

    private Probabilities() {
    }

    /** Replaces the scores {@code s} by their softmax. */
    public static void softmaxInPlace(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(s[i] - max);
            sum += s[i];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= sum;
        }
    }

    /** The index of the largest value, the first one on ties; 0 for an empty vector. */
    public static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
