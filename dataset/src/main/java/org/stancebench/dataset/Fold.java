package org.stancebench.dataset;

import java.util.List;

/**
 * One fold of repeated stratified k-fold cross-validation: which example ids are held out and which
 * train, in one repeat. Over the k folds of a repeat every example is held out exactly once.
 */
public record Fold(int repeat, int fold, List<String> trainIds, List<String> testIds) {
    public Fold {
        trainIds = List.copyOf(trainIds);
        testIds = List.copyOf(testIds);
    }
}
