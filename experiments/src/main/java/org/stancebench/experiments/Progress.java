package org.stancebench.experiments;

/**
 * Where an experiment reports how far it is: numbered stages, each with messages. Implementations
 * decide how to show them (the command line prints one line per message on stderr, with the
 * elapsed time); a test may collect them.
 */
@FunctionalInterface
public interface Progress {

    /** A message from stage {@code stage} of {@code stages}, named {@code name}. */
    void report(int stage, int stages, String name, String message);

    /** Progress that goes nowhere. */
    static Progress none() {
        return (stage, stages, name, message) -> { };
    }
}
