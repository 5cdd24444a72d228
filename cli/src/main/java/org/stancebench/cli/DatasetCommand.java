package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits 2. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Build, parse, verify and import datasets. (not yet available)")
final class DatasetCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'dataset' is not available in this build yet");
    }
}
