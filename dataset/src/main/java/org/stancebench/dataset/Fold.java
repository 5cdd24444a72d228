package org.stancebench.dataset;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One fold of repeated stratified k-fold cross-validation: which example ids are held out and which
 * train, in one repeat. Over the k folds of a repeat every example is held out exactly once.
 *
 * <p>Immutable; {@code repeat} and {@code fold} count from 0; no id is both held out and trained on.
 */
public record Fold(int repeat, int fold, List<String> trainIds, List<String> testIds) implements Serializable {
    public Fold {
        if (repeat < 0 || fold < 0) {
            throw new IllegalArgumentException("repeat and fold count from 0, got " + repeat + " and " + fold);
        }
        trainIds = List.copyOf(trainIds);
        testIds = List.copyOf(testIds);
        Set<String> held = new HashSet<>(testIds);
        for (String id : trainIds) {
            if (held.contains(id)) {
                throw new IllegalArgumentException("fold " + repeat + "/" + fold + ": " + id + " is both trained on and held out");
            }
        }
    }
}
