package org.stancebench.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line with captured output, for tests. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} with empty stdin. */
    static CliRun run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    /** Runs {@code args} with {@code stdin} as the predict command's standard input. */
    static CliRun runWithStdin(byte[] stdin, String... args) {
        CommandLine cl = StanceBench.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ((PredictCommand) cl.getSubcommands().get("predict").getCommand()).stdin = new ByteArrayInputStream(stdin);
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
