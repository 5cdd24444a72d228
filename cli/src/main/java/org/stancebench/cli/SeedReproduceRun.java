package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.experiments.Engines;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.seed.SeedReproduction;
import org.stancebench.experiments.seed.SeedReproductionOptions;
import org.stancebench.reports.MarkdownReport;
import org.stancebench.reports.ReportWriter;

/** {@code reproduce --task seed}: maps the options onto {@link SeedReproduction}, runs it, writes the report. */
final class SeedReproduceRun implements Callable<Integer> {
    private final ReproduceCommand c;

    SeedReproduceRun(ReproduceCommand command) {
        this.c = command;
    }

    @Override
    public Integer call() throws Exception {
        List<String> misplaced = new ArrayList<>();
        if (c.corpora != null) {
            misplaced.add("--corpora");
        }
        if (c.tweetEvalTasks != null) {
            misplaced.add("--tasks");
        }
        if (!c.fixed.isEmpty()) {
            misplaced.add("--set");
        }
        if (!c.grids.isEmpty()) {
            misplaced.add("--grid");
        }
        if (c.pooledStance) {
            misplaced.add("--pooled-stance");
        }
        ReproduceCommand.refuse(misplaced, "only with --task tweeteval, vast or isarcasmeval");
        PrintWriter err = c.spec.commandLine().getErr();
        PrintWriter stdout = c.spec.commandLine().getOut();
        long start = System.nanoTime();
        Path dir = OutputPaths.checkedOut(c.out != null ? c.out : Path.of("out", "reproduce"));
        if (c.from != null) {
            Results results = ResultsIo.read(c.from);
            err.println("reproduce: rendering " + c.from + " into " + dir);
            finish(stdout, results, ReportWriter.write(results, dir), dir, start);
            return 0;
        }
        if (c.noBench && c.fullBench) {
            throw new IllegalArgumentException("--full-bench and --no-bench exclude each other");
        }
        SeedReproductionOptions options = SeedReproductionOptions.defaults(dir)
                .withBench(c.noBench ? SeedReproductionOptions.Bench.NONE
                        : c.fullBench ? SeedReproductionOptions.Bench.FULL : SeedReproductionOptions.Bench.SHORT)
                .withClassifiers(c.only)
                .withExported(c.exported.spec(c.modelPath, null));
        if (c.quick) {
            options = options.quick();
        }
        if (c.seeds != null && !c.seeds.isEmpty()) {
            options = options.withSeeds(List.copyOf(new LinkedHashSet<>(c.seeds)));
        }
        // What can fail fails here, before the long work: unknown names, a bad model file, a held JMH lock,
        // an engine that is not on the class path.
        SeedReproduction.check(options);
        Engines.check(c.engine.spec());
        err.println("reproduce: output directory " + dir);
        err.println("reproduce: " + (c.only == null ? "every registered classifier" : String.join(", ", c.only))
                + ", seeds " + options.seeds() + (c.quick ? ", quick mode" : "") + ", "
                + switch (options.bench()) {
                    case NONE -> "no benchmarks";
                    case SHORT -> "the short benchmark";
                    case FULL -> "the full benchmark";
                });
        err.flush();
        StageProgress progress = new StageProgress(err, "reproduce");
        SeedReproduction.Outcome outcome;
        try (Executor executor = c.engine.open()) {
            outcome = SeedReproduction.run(options, executor, progress);
        }
        progress.report(5, SeedReproduction.STAGES.size(), "report", "writing " + String.join(", ", ReportWriter.FILES));
        finish(stdout, outcome.results(), ReportWriter.write(outcome.results(), dir), dir, start);
        for (String failure : outcome.failures()) {
            err.println("stancebench: " + failure);
        }
        err.flush();
        return outcome.failures().isEmpty() ? 0 : 1;
    }

    /** Prints the leaderboards, where the files are and how long it took. */
    private static void finish(PrintWriter stdout, Results results, List<Path> files, Path dir, long start) {
        stdout.print(MarkdownReport.leaderboards(results));
        ReproduceCommand.printFiles(stdout, dir, files, (System.nanoTime() - start) / 1e9);
    }
}
