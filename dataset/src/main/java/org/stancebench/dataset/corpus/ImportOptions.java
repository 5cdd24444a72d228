package org.stancebench.dataset.corpus;

import org.stancebench.dataset.storage.DatasetWriter;

/**
 * Settings every importer shares.
 *
 * @param name the dataset name, or null for the format's default ({@code tweeteval-<task>},
 *     {@code isarcasmeval}, {@code vast}, or the file's base name)
 * @param seed the seed of any carved split
 * @param devFraction share of the carved-from split that becomes dev when a corpus ships no dev split
 * @param testFraction share that becomes test when a corpus ships no test split
 */
public record ImportOptions(String name, long seed, double devFraction, double testFraction) {
    /** The seed used when none is given, the same as {@code dataset build}'s. */
    public static final long DEFAULT_SEED = DatasetWriter.DEFAULT_SEED;
    public static final double DEFAULT_DEV_FRACTION = 0.15;
    public static final double DEFAULT_TEST_FRACTION = 0.15;

    public ImportOptions {
        new StratifiedCarver(devFraction, testFraction, seed); // validates the fractions
    }

    /** Default fractions and seed, default name. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, DEFAULT_SEED, DEFAULT_DEV_FRACTION, DEFAULT_TEST_FRACTION);
    }

    public ImportOptions withName(String newName) {
        return new ImportOptions(newName, seed, devFraction, testFraction);
    }

    public ImportOptions withSeed(long newSeed) {
        return new ImportOptions(name, newSeed, devFraction, testFraction);
    }

    String nameOr(String fallback) {
        return name != null ? name : fallback;
    }
}
