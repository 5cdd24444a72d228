package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits 2. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two results files; exit 1 on a regression. (not yet available)")
final class CompareCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'compare' is not available in this build yet");
    }
}
