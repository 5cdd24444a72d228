package org.stancebench.experiments;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the independent units of an experiment: the one seam between a protocol (what to compute)
 * and where it is computed. The protocols hand every unit to {@link #run}, then compute intervals,
 * paired tests and reports from the outputs where they started, so every executor gives the same
 * results.
 *
 * <p>Guarantees every implementation keeps: {@link #run} returns one output per input, in input
 * order, each the unit's return value for that input; a unit that throws makes {@code run} throw
 * (the first failure in input order, its message kept); progress lines go to the given consumer
 * from the calling thread or from the executor's own threads.
 */
public interface Executor extends AutoCloseable {

    /** Where units run, for progress lines and results, for example {@code local (2 threads)}. */
    String describe();

    /** Runs every unit of {@code job} and returns their outputs in input order. */
    <S extends Serializable, I extends Serializable, O extends Serializable> List<O> run(Job<S, I, O> job,
                                                                                         Consumer<String> progress);

    /** Releases the executor's threads or cluster connection. */
    @Override
    default void close() {
    }
}
