package org.stancebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import org.stancebench.io.BadInputException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stancebench} command line: dataset building, training, evaluation, benchmarks and
 * reports. Errors the user can act on print one line naming the file and what is wrong, and exit
 * non-zero without a stack trace; set {@code STANCEBENCH_DEBUG=1} to see the trace.
 */
@Command(name = "stancebench",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "Reproducible stance-classification datasets, classifiers, evaluation and benchmarks.",
        footer = {"Environment (./stancebench launcher): STANCEBENCH_CLASSPATH adds jars (classifier plug-ins, "
                + "':'-separated) to the class path; STANCEBENCH_JAVA_OPTS adds JVM options. "
                + "Bring your own model: docs/bring-your-own.md.",
            "Shell completion (bash, zsh): source <(./stancebench generate-completion)"},
        subcommands = {
            DatasetCommand.class,
            ModelsCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            EvaluateCommand.class,
            ScoreCommand.class,
            BenchCommand.class,
            ReproduceCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class,
        })
public final class StanceBench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, with stdout and stderr as UTF-8; tests replace the writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StanceBench());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler(StanceBench::handle);
        return cl;
    }

    /** Turns an exception into one line on stderr and an exit code. */
    static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (System.getenv("STANCEBENCH_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.println("stancebench: " + describe(e));
        err.flush();
        return e instanceof ExitCodeException ec ? ec.exitCode() : 1;
    }

    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (e instanceof FileSystemException f && !(e instanceof BadInputException) && f.getFile() != null) {
            // The operating system's terse reason ("Not a directory", or only the path) with the file named.
            return BadInputException.opening(f.getFile(), f).getMessage();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        } else if (!(e instanceof IOException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof ExitCodeException)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        return message.replace('\n', ' ').strip();
    }
}
