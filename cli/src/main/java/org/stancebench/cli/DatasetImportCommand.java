package org.stancebench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Placeholder until the corpus importers land: says so and exits 2. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a public corpus as a dataset directory. (not yet available)")
final class DatasetImportCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw new ExitCodeException(2, "'dataset import' is not available yet");
    }
}
