package org.stancebench.eval.results;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One candidate setting of a reproduction that chooses on a dev split carved from each training part
 * (the iSarcasmEval reproduction): where it was fitted, its dev score, whether dev chose it, and what
 * the classifier chose inside the fit.
 *
 * @param classifier the registered classifier name
 * @param fold the cross-validation fold whose training part it was fitted on, or -1 for the model
 *     fitted on the whole training file (the one scored on a test file)
 * @param settings the candidate's setting (the grid value, for example {@code rephrase=true})
 * @param dev the official metric on the carved dev split, in [0, 1]
 * @param chosen whether this candidate had the best dev score of its fold (the first on ties)
 * @param model the settings the trained model reports (class weights, threshold, C, ...)
 */
public record DevChoice(String classifier, int fold, Map<String, String> settings, double dev, boolean chosen,
                        Map<String, String> model) implements Serializable {
    public DevChoice {
        Objects.requireNonNull(classifier, "classifier");
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        model = Collections.unmodifiableMap(new TreeMap<>(model));
        if (fold < -1) {
            throw new IllegalArgumentException("fold must be -1 or a fold index, got " + fold);
        }
    }
}
