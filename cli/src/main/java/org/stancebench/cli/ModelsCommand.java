package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits 2. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the registered classifiers. (not yet available)")
final class ModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'models' is not available in this build yet");
    }
}
