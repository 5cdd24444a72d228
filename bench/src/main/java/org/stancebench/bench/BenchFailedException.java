package org.stancebench.bench;

import java.util.Objects;

/**
 * A benchmark run in which some requested benchmark produced no result (every fork of it failed, or
 * JMH could not run it). The message is one line: which benchmarks, and the first cause JMH's output
 * gave. The summary of what did run was written before this was thrown, and is kept here.
 */
public final class BenchFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient BenchSummary summary;

    public BenchFailedException(String message, BenchSummary summary) {
        super(message);
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** The summary of the run, with every result that was produced. */
    public BenchSummary summary() {
        return summary;
    }
}
