package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits 2. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Predict labels for texts read one per line from stdin. (not yet available)")
final class PredictCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'predict' is not available in this build yet");
    }
}
