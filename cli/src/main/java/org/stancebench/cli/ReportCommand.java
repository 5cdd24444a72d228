package org.stancebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.io.AtomicFiles;
import org.stancebench.reports.Leaderboard;
import org.stancebench.reports.ManyRunsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stancebench report --from R1.json R2.json ...}: one leaderboard of many results files,
 * {@code report.md} and {@code report.html} in {@code --out}; runs are ranked only against runs on the
 * same data (dataset fingerprint) with the same protocol.
 */
@Command(name = "report", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Render a leaderboard of many results files (from evaluate or reproduce), Markdown and HTML.",
            "Runs on the same data (dataset fingerprint) and protocol are ranked together, with 95% intervals.",
            "For files that carry benchmark data, the HTML page also plots throughput (batch 32, 1 thread) against "
                    + "macro-F1 per group, with the Pareto front marked."},
        footer = {"", "Example:",
            "  stancebench report --from out/a/results.json out/b/results.json --out out/leaderboard"})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", arity = "1..*", required = true, paramLabel = "RESULTS.json",
            description = "Results files, in the order their runs are listed when tied.")
    List<Path> from;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/report", description = "Where report.md and "
            + "report.html go.")
    Path out;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = Leaderboard.DEFAULT_METRIC,
            description = "The metric runs are ranked by.")
    String metric;

    @Override
    public Integer call() throws IOException {
        OutputPaths.refuseSourceTree(out);
        List<ManyRunsReport.Source> sources = new ArrayList<>();
        for (Path file : from) {
            sources.add(new ManyRunsReport.Source(file.toString(), ResultsIo.read(file)));
        }
        AtomicFiles.writeString(out.resolve("report.md"), ManyRunsReport.markdown(sources, metric));
        AtomicFiles.writeString(out.resolve("report.html"), ManyRunsReport.html(sources, metric));
        PrintWriter o = spec.commandLine().getOut();
        o.println("report of " + sources.size() + " results files: " + out.resolve("report.md") + ", "
                + out.resolve("report.html"));
        o.flush();
        return 0;
    }
}
