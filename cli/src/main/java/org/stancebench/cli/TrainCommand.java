package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits 2. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a classifier and save it to a model directory. (not yet available)")
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'train' is not available in this build yet");
    }
}
