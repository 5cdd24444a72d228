package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.eval.results.VastResult;
import org.stancebench.experiments.Engines;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.vast.VastOptions;
import org.stancebench.experiments.vast.VastReproduction;
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
        List<String> classifiers = c.classifiersOr(VastReproduction.DEFAULT_CLASSIFIERS);
        List<Long> seeds = c.seeds != null && !c.seeds.isEmpty() ? List.copyOf(new LinkedHashSet<>(c.seeds)) : List.of(13L);
        Map<String, Map<String, String>> fixed = c.fixedSettings(classifiers);
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
        List<String> command = c.commandLine();
        double wall = (System.nanoTime() - start) / 1e9;
        List<Path> files = VastReport.write(dir, results, command, c.corpora, wall);
        PrintWriter stdout = c.spec.commandLine().getOut();
        stdout.print(VastReport.markdown(results));
        ReproduceCommand.printFiles(stdout, dir, files, wall);
        return 0;
    }
}
