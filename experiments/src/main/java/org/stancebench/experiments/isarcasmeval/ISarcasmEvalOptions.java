package org.stancebench.experiments.isarcasmeval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.stats.Bootstrap;

/**
 * What {@link ISarcasmEvalReproduction} runs: immutable.
 *
 * @param corpora the folder holding {@code isarcasmeval/}, the isarcasmeval folder itself, or the
 *     training CSV file
 * @param test a file in the official test layout ({@code text,sarcastic} columns), or null
 * @param classifiers registered classifier names, in order
 * @param seed the seed of the folds, the dev carves and training
 * @param folds cross-validation folds on the training file
 * @param devFraction the share of each training part carved off (stratified) as dev, for every
 *     choice made on dev
 * @param rephrase the values of the rephrase setting to choose from on dev: false (the tweets only),
 *     true (each sarcastic training tweet's rephrase added as a not_sarcastic example)
 * @param fixed per classifier, settings given to every fit (on top of {@code tune_metric=f1:sarcastic})
 * @param bootstrap the bootstrap of the intervals
 */
public record ISarcasmEvalOptions(Path corpora, Path test, List<String> classifiers, long seed, int folds,
                                  double devFraction, List<Boolean> rephrase, Map<String, Map<String, String>> fixed,
                                  BootstrapInfo bootstrap) {
    public ISarcasmEvalOptions {
        Objects.requireNonNull(corpora, "corpora");
        classifiers = List.copyOf(classifiers);
        rephrase = List.copyOf(rephrase);
        fixed = Map.copyOf(new TreeMap<>(fixed));
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (classifiers.isEmpty() || rephrase.isEmpty()) {
            throw new IllegalArgumentException("the iSarcasmEval reproduction needs a classifier and a rephrase value");
        }
        if (folds < 2) {
            throw new IllegalArgumentException("the iSarcasmEval reproduction needs at least 2 folds, got " + folds);
        }
        if (!(devFraction > 0 && devFraction < 1)) {
            throw new IllegalArgumentException("dev fraction must be in (0, 1), got " + devFraction);
        }
    }

    /** The reproduction as documented: the default classifiers, seed 13, 5 folds, dev 15%, rephrase chosen on dev. */
    public static ISarcasmEvalOptions defaults(Path corpora, Path test) {
        return new ISarcasmEvalOptions(corpora, test, ISarcasmEvalReproduction.DEFAULT_CLASSIFIERS, 13, 5, 0.15,
                List.of(false, true), Map.of(), Bootstrap.defaults());
    }
}
