package org.stancebench.eval.results;

/**
 * How a run's confidence intervals were computed: percentile bootstrap with {@code resamples}
 * resamples drawn from a generator seeded with {@code seed}, resampling examples (with
 * cross-validation, all of an example's out-of-fold predictions move together), stratified by gold
 * label or not, at the given confidence level.
 */
public record BootstrapInfo(int resamples, long seed, boolean stratified, double confidence) {
    public BootstrapInfo {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1: " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }
}
