package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits 2. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, description = "Run the whole pipeline: dataset, training, evaluation, benchmarks, report. (not yet available)")
final class ReproduceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'reproduce' is not available in this build yet");
    }
}
