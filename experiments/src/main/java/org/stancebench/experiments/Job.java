package org.stancebench.experiments;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Independent units of work for an {@link Executor}: the data they share, one input per unit, the
 * function that runs one, and how progress names a unit.
 *
 * @param name what the job does, for progress lines (for example {@code naive-bayes cross-validation})
 * @param shared data every unit reads; an executor may copy it once per worker (a Spark broadcast)
 * @param inputs one input per unit; outputs come back in this order
 * @param unit the work of one unit
 * @param describe a unit's input in a few words (used where the job runs, never shipped to workers)
 */
public record Job<S extends Serializable, I extends Serializable, O extends Serializable>(
        String name, S shared, List<I> inputs, Unit<S, I, O> unit, Function<I, String> describe) {
    public Job {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shared, "shared");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(describe, "describe");
    }
}
