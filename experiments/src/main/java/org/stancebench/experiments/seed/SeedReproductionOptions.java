package org.stancebench.experiments.seed;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.stancebench.experiments.protocol.CrossValidation;
import org.stancebench.experiments.protocol.ExportedModel;

/**
 * What {@link SeedReproduction} runs: immutable, with {@code with*} copies.
 *
 * @param out the output directory: the seed dataset goes to {@code out/dataset}, benchmark files to
 *     {@code out/bench}
 * @param seeds the training seeds
 * @param firstRepeatOnly cross-validate on the dataset's first repeat of folds only (quick mode)
 * @param bench which benchmarks run
 * @param classifiers the registered classifiers to run, in order, or null for all of them
 * @param exported a model exported from Python to evaluate beside them, or null
 */
public record SeedReproductionOptions(Path out, List<Long> seeds, boolean firstRepeatOnly, Bench bench,
                                      List<String> classifiers, ExportedModel exported) {

    /** Which inference benchmarks the reproduction runs. */
    public enum Bench {
        /** None: the report says it has no benchmark data. */
        NONE,
        /** The short JMH run (one fork, short iterations), no peers outside the JVM. */
        SHORT,
        /** The full JMH run and the peers outside the JVM when installed. */
        FULL
    }

    public SeedReproductionOptions {
        Objects.requireNonNull(out, "out");
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one training seed is needed");
        }
        Objects.requireNonNull(bench, "bench");
        classifiers = classifiers == null ? null : List.copyOf(classifiers);
    }

    /** The default run: seeds 13, 14, 15, every repeat, the short benchmark, every classifier. */
    public static SeedReproductionOptions defaults(Path out) {
        return new SeedReproductionOptions(out, CrossValidation.DEFAULT_SEEDS, false, Bench.SHORT, null, null);
    }

    /** The quick run: the first default seed and the first repeat only. */
    public SeedReproductionOptions quick() {
        return new SeedReproductionOptions(out, List.of(CrossValidation.DEFAULT_SEEDS.get(0)), true, bench,
                classifiers, exported);
    }

    public SeedReproductionOptions withSeeds(List<Long> newSeeds) {
        return new SeedReproductionOptions(out, newSeeds, firstRepeatOnly, bench, classifiers, exported);
    }

    public SeedReproductionOptions withBench(Bench newBench) {
        return new SeedReproductionOptions(out, seeds, firstRepeatOnly, newBench, classifiers, exported);
    }

    public SeedReproductionOptions withClassifiers(List<String> names) {
        return new SeedReproductionOptions(out, seeds, firstRepeatOnly, bench, names, exported);
    }

    public SeedReproductionOptions withExported(ExportedModel model) {
        return new SeedReproductionOptions(out, seeds, firstRepeatOnly, bench, classifiers, model);
    }
}
