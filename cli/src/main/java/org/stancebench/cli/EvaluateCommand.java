package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits 2. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a classifier with confidence intervals. (not yet available)")
final class EvaluateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'evaluate' is not available in this build yet");
    }
}
