package org.stancebench.cli;

import org.stancebench.experiments.Executor;
import org.stancebench.experiments.LocalExecutor;
import picocli.CommandLine.Option;

/** Where an experiment's independent units run: the options every experiment command shares. */
final class EngineOptions {

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Local engine: units (folds x seeds, grid points) run on N threads side by side; the "
                    + "results are the same for every N.")
    int threads;

    /** The executor these options select; close it when done. */
    Executor open() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        return new LocalExecutor(threads);
    }
}
