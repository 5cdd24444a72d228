package org.stancebench.eval.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * How a run was evaluated: on a fixed split ({@code kind = "split"}, with {@code split}) or by
 * repeated stratified k-fold cross-validation ({@code kind = "cv"}, with {@code folds} and
 * {@code repeats}); the other protocol's fields are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Protocol(String kind, String split, Integer folds, Integer repeats) {
    /** The value of {@code kind} for a fixed split. */
    public static final String SPLIT = "split";
    /** The value of {@code kind} for cross-validation. */
    public static final String CV = "cv";

    public Protocol {
        Objects.requireNonNull(kind, "kind");
        if (kind.equals(SPLIT)) {
            Objects.requireNonNull(split, "split");
            if (folds != null || repeats != null) {
                throw new IllegalArgumentException("a split protocol has no folds or repeats");
            }
        } else if (kind.equals(CV)) {
            if (split != null) {
                throw new IllegalArgumentException("a cv protocol has no split");
            }
            if (folds == null || folds < 2 || repeats == null || repeats < 1) {
                throw new IllegalArgumentException("a cv protocol needs folds >= 2 and repeats >= 1, got "
                        + folds + " and " + repeats);
            }
        } else {
            throw new IllegalArgumentException("protocol kind must be 'split' or 'cv', not '" + kind + "'");
        }
    }

    /** Evaluation on one fixed split. */
    public static Protocol split(String split) {
        return new Protocol(SPLIT, split, null, null);
    }

    /** Repeated k-fold cross-validation. */
    public static Protocol cv(int folds, int repeats) {
        return new Protocol(CV, null, folds, repeats);
    }

    /** Whether this is cross-validation. */
    public boolean isCv() {
        return kind.equals(CV);
    }
}
