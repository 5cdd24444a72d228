package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits 2. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the JMH inference benchmarks. (not yet available)")
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'bench' is not available in this build yet");
    }
}
