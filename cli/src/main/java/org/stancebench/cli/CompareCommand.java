package org.stancebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.io.Json;
import org.stancebench.reports.RegressionGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stancebench compare}: the regression gate between two results files (see
 * {@link RegressionGate}). Prints a Markdown table of what changed per run and exits 0 (no
 * regression), 1 (a regression) or 2 (not comparable, or a file could not be read).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {
            "Compare two results files and exit 1 on a regression.",
            "Prints a Markdown table of what changed per run. A quality regression is a drop of the metric "
                    + "beyond --max-drop that a paired test on the same examples finds significant (McNemar's "
                    + "exact test for accuracy on a split, otherwise approximate randomization that swaps whole "
                    + "examples). A speed regression is a slowdown beyond --max-slowdown outside both runs' "
                    + "measured error, judged only between runs with the same hardware fingerprint.",
            "Exit codes: 0 no regression, 1 regression, 2 not comparable (different data fingerprint, label "
                    + "set, protocol or seeds) or unreadable input."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline results.json.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The current results.json.")
    Path current;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Quality metric: macro-f1, accuracy, weighted-f1, kappa or an official metric name.")
    String metric = RegressionGate.Options.defaults().metric();

    @Option(names = "--max-drop", paramLabel = "X", description = "Largest tolerated drop of the metric (absolute).")
    double maxDrop = RegressionGate.Options.defaults().maxDrop();

    @Option(names = "--max-slowdown", paramLabel = "F",
            description = "Largest tolerated slowdown, as a fraction (0.10 = 10%% slower).")
    double maxSlowdown = RegressionGate.Options.defaults().maxSlowdown();

    @Option(names = "--alpha", paramLabel = "A", description = "Significance level of the paired test.")
    double alpha = RegressionGate.Options.defaults().alpha();

    @Option(names = "--shuffles", paramLabel = "N", description = "Shuffles of the approximate randomization test.")
    int shuffles = RegressionGate.Options.defaults().shuffles();

    @Option(names = "--test-seed", paramLabel = "N", description = "Seed of the approximate randomization test.")
    long testSeed = RegressionGate.Options.defaults().seed();

    @Option(names = "--no-speed", description = "Judge quality only, even when both runs have benchmarks "
            + "from the same hardware.")
    boolean noSpeed;

    @picocli.CommandLine.Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() {
        boolean json = format.resolve(List.of("md", "json")).equals("json");
        RegressionGate.Options options = new RegressionGate.Options(metric, maxDrop, maxSlowdown, alpha, shuffles,
                testSeed, !noSpeed);
        Results base = read(baseline);
        Results cur = read(current);
        RegressionGate.Verdict verdict = RegressionGate.compare(base, cur, options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("baseline", baseline.toString());
            doc.put("current", current.toString());
            doc.put("exitCode", verdict.exitCode());
            doc.put("result", verdict.result());
            doc.put("metric", verdict.metric());
            doc.put("quality", verdict.quality());
            doc.put("speed", verdict.speed());
            doc.put("problems", verdict.problems());
            out.print(Json.prettyReporting(doc));
        } else {
            out.print(verdict.markdown());
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : verdict.problems()) {
            err.println("stancebench: " + problem);
        }
        err.flush();
        return verdict.exitCode();
    }

    /** Reads a results file; an unreadable file means the runs cannot be compared (exit 2, not 1). */
    private static Results read(Path file) {
        try {
            return ResultsIo.read(file);
        } catch (IOException e) {
            throw new ExitCodeException(RegressionGate.NOT_COMPARABLE, StanceBench.describe(e));
        }
    }
}
