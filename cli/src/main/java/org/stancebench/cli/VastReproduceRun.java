package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.stancebench.eval.results.VastResult;
import org.stancebench.experiments.Engines;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.vast.VastOptions;
import org.stancebench.experiments.vast.VastReproduction;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.reports.VastReport;

/** {@code reproduce --task vast}: maps the options onto {@link VastReproduction}, runs it, writes the report. */
final class VastReproduceRun implements Callable<Integer> {
    private final ReproduceCommand c;

    VastReproduceRun(ReproduceCommand command) {
        this.c = command;
    }

    @Override
    public Integer call() throws Exception {
        List<String> misplaced = new ArrayList<>(c.seedOnlyGiven());
        misplaced.addAll(c.tweetEvalOnlyGiven());
        ReproduceCommand.refuse(misplaced, "not with --task vast");
        if (c.corpora == null) {
            throw new IllegalArgumentException("--task vast needs --corpora DIR (the folder holding vast/, for example "
                    + "../shared/corpora)");
        }
        long start = System.nanoTime();
        Path dir = OutputPaths.checkedOut(c.out != null ? c.out : Path.of("out", "reproduce-vast"));
        List<String> classifiers = List.copyOf(new LinkedHashSet<>(c.only != null && !c.only.isEmpty() ? c.only
                : VastReproduction.DEFAULT_CLASSIFIERS));
        List<String> known = ClassifierRegistry.names();
        for (String name : classifiers) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--classifiers: unknown classifier '" + name + "'; known: "
                        + String.join(", ", known));
            }
        }
        List<Long> seeds = c.seeds != null && !c.seeds.isEmpty() ? List.copyOf(new LinkedHashSet<>(c.seeds)) : List.of(13L);
        Map<String, Map<String, String>> fixed = new TreeMap<>();
        TweetEvalReproduceRun.parseSpecs(c.fixed, "--set", classifiers, false).forEach((name, kv) -> {
            Map<String, String> m = new TreeMap<>();
            kv.forEach((k, v) -> m.put(k, v.get(0)));
            fixed.put(name, m);
        });
        VastOptions options = new VastOptions(c.corpora, classifiers, seeds,
                TweetEvalReproduceRun.parseSpecs(c.grids, "--grid", classifiers, true), fixed);
        Path vast = VastReproduction.vastFolder(c.corpora);
        Engines.check(c.engine.spec());

        PrintWriter err = c.spec.commandLine().getErr();
        err.println("reproduce: VAST in " + vast + "; output directory " + dir);
        err.println("reproduce: classifiers " + classifiers + ", seeds " + seeds);
        err.flush();
        StageProgress progress = new StageProgress(err, "reproduce vast");
        List<VastResult> results;
        try (Executor executor = c.engine.open()) {
            results = VastReproduction.run(options, executor, progress::line);
        }
        // the parse result of a subcommand still holds the whole command line, "reproduce" included
        List<String> command = new ArrayList<>(List.of("stancebench"));
        List<String> original = c.spec.commandLine().getParseResult().originalArgs();
        if (!original.contains("reproduce")) {
            command.add("reproduce");
        }
        command.addAll(original);
        double wall = (System.nanoTime() - start) / 1e9;
        List<Path> files = VastReport.write(dir, results, command, c.corpora, wall);
        PrintWriter stdout = c.spec.commandLine().getOut();
        stdout.print(VastReport.markdown(results));
        stdout.println("Report files (in " + dir + "):");
        for (Path f : files) {
            stdout.println("  " + f);
        }
        stdout.printf(Locale.ROOT, "Finished in %.1f s.%n", wall);
        stdout.flush();
        return 0;
    }
}
