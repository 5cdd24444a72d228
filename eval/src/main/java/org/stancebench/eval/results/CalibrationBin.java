package org.stancebench.eval.results;

/**
 * One confidence bin of a reliability diagram: examples whose confidence (highest predicted
 * probability) lies in {@code (lower, upper]} (the first bin also takes exactly {@code lower}).
 *
 * @param meanConfidence mean confidence of the bin's examples, 0 when the bin is empty
 * @param accuracy share of the bin's examples predicted correctly, 0 when the bin is empty
 */
public record CalibrationBin(double lower, double upper, long count, double meanConfidence,
                             double accuracy) {
    public CalibrationBin {
        if (!(lower >= 0 && lower < upper && upper <= 1)) {
            throw new IllegalArgumentException("bad calibration bin (" + lower + ", " + upper + "]");
        }
        if (count < 0) {
            throw new IllegalArgumentException("bin count must be >= 0: " + count);
        }
    }
}
