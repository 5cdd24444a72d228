package org.stancebench.eval.results;

import java.util.List;

/**
 * A reliability diagram and the expected calibration error: 15 equal-width bins over [0, 1] of the
 * highest predicted probability, and {@code ece = sum over bins of count/n * |accuracy -
 * meanConfidence|}.
 */
public record Calibration(List<CalibrationBin> bins, double ece) {
    public Calibration {
        bins = List.copyOf(bins);
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("calibration has no bins");
        }
        if (!(ece >= 0 && ece <= 1)) {
            throw new IllegalArgumentException("ece must be in [0, 1]: " + ece);
        }
    }
}
