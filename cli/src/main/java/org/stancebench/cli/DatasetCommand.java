package org.stancebench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stancebench dataset}: groups the commands that parse pages and build, verify and import datasets. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Parse pages; build, verify and import datasets.",
        subcommands = {
            DatasetParseCommand.class,
            DatasetBuildCommand.class,
            DatasetVerifyCommand.class,
            DatasetImportCommand.class,
        })
final class DatasetCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing a subcommand: parse, build, verify or import");
    }
}
