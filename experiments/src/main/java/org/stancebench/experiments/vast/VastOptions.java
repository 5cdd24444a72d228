package org.stancebench.experiments.vast;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link VastReproduction} runs: immutable.
 *
 * @param corpora the folder holding {@code vast/}, or the vast folder itself
 * @param classifiers registered classifier names, in order
 * @param seeds training seeds; every seed is a separate run
 * @param grids per classifier, the values of each setting to choose from on dev (every combination
 *     is tried); a classifier without an entry uses {@link VastReproduction#defaultGrid}
 * @param fixed per classifier, settings added to every setting of its grid
 */
public record VastOptions(Path corpora, List<String> classifiers, List<Long> seeds,
                          Map<String, Map<String, List<String>>> grids, Map<String, Map<String, String>> fixed) {
    public VastOptions {
        Objects.requireNonNull(corpora, "corpora");
        classifiers = List.copyOf(classifiers);
        seeds = List.copyOf(seeds);
        grids = Map.copyOf(new TreeMap<>(grids));
        fixed = Map.copyOf(new TreeMap<>(fixed));
        if (classifiers.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("the VAST reproduction needs a classifier and a seed");
        }
    }

    /** The reproduction as documented: the default classifiers and grids, seed 13. */
    public static VastOptions defaults(Path corpora) {
        return new VastOptions(corpora, VastReproduction.DEFAULT_CLASSIFIERS, List.of(13L), Map.of(), Map.of());
    }
}
