package org.stancebench.experiments;

import java.io.Serializable;

/**
 * One independent unit of an experiment's work (train one classifier on one fold with one seed, try
 * one grid point), as a function of the experiment's shared data and the unit's own input.
 *
 * <p>Serializable, so that an {@link Executor} may run it in another thread, another JVM or on
 * another machine; it must depend on nothing but its arguments (and the class path), so that where
 * it runs never changes what it returns.
 *
 * @param <S> the data every unit of the job shares (a dataset, a corpus)
 * @param <I> one unit's input
 * @param <O> one unit's output
 */
@FunctionalInterface
public interface Unit<S, I, O> extends Serializable {

    /** Runs the unit. */
    O run(S shared, I input) throws Exception;
}
