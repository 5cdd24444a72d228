package org.stancebench.eval.results;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The scores of one cross-validation fold for one training seed, for the corrected resampled t-test
 * and for the spread over folds.
 *
 * @param nTrain number of training examples of the fold
 * @param nTest number of held-out examples of the fold
 * @param scores metric name to value on the fold's held-out examples
 */
public record FoldScore(int repeat, int fold, long seed, int nTrain, int nTest, Map<String, Double> scores) {
    public FoldScore {
        if (nTrain < 1 || nTest < 1) {
            throw new IllegalArgumentException("fold " + repeat + "/" + fold + " has " + nTrain
                    + " training and " + nTest + " test examples");
        }
        Objects.requireNonNull(scores, "scores");
        scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
    }
}
