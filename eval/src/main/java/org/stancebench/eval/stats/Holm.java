package org.stancebench.eval.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's (1979) step-down adjustment of p-values for multiple comparisons: with the p-values sorted
 * ascending, {@code adj(i) = max over j <= i of min(1, (m - j + 1) * p(j))} (1-based), returned in
 * the input order. Rejecting where {@code adj < alpha} controls the family-wise error rate at alpha.
 */
public final class Holm {
    private Holm() {
    }

    /** The adjusted p-values, in the order of {@code p}. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-value out of [0, 1]: " + p[i]);
            }
            order[i] = i;
        }
        // Stable sort: ties keep input order, so the result does not depend on sort internals.
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
