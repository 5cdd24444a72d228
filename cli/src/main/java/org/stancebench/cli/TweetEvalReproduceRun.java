package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.stancebench.eval.results.TweetEvalResult;
import org.stancebench.experiments.Engines;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.tweeteval.TweetEvalOptions;
import org.stancebench.experiments.tweeteval.TweetEvalReproduction;
import org.stancebench.reports.TweetEvalReport;

/** {@code reproduce --task tweeteval}: maps the options onto {@link TweetEvalReproduction}, runs it, writes the report. */
final class TweetEvalReproduceRun implements Callable<Integer> {
    private final ReproduceCommand c;

    TweetEvalReproduceRun(ReproduceCommand command) {
        this.c = command;
    }

    @Override
    public Integer call() throws Exception {
        List<String> misplaced = c.seedOnlyGiven();
        ReproduceCommand.refuse(misplaced, "not with --task tweeteval");
        if (c.corpora == null) {
            throw new IllegalArgumentException("--task tweeteval needs --corpora DIR (the folder holding tweeteval/, "
                    + "for example ../shared/corpora)");
        }
        long start = System.nanoTime();
        Path dir = OutputPaths.checkedOut(c.out != null ? c.out : Path.of("out", "reproduce-tweeteval"));
        List<String> classifiers = c.classifiersOr(TweetEvalReproduction.DEFAULT_CLASSIFIERS);
        List<String> tasks = c.tweetEvalTasks != null && !c.tweetEvalTasks.isEmpty()
                ? List.copyOf(new LinkedHashSet<>(c.tweetEvalTasks)) : TweetEvalReproduction.TASKS;
        for (String t : tasks) {
            if (!TweetEvalReproduction.TASKS.contains(t)) {
                throw new IllegalArgumentException("--tasks: unknown TweetEval task '" + t + "'; known: "
                        + String.join(", ", TweetEvalReproduction.TASKS));
            }
        }
        List<Long> seeds = c.seeds != null && !c.seeds.isEmpty() ? List.copyOf(new LinkedHashSet<>(c.seeds)) : List.of(13L);
        Map<String, Map<String, String>> fixed = c.fixedSettings(classifiers);
        TweetEvalOptions options = new TweetEvalOptions(c.corpora, classifiers, tasks, seeds,
                parseSpecs(c.grids, "--grid", classifiers, true), fixed, !c.pooledStance, c.refit);
        Path tweeteval = TweetEvalReproduction.tweetEvalFolder(c.corpora);
        Engines.check(c.engine.spec());

        PrintWriter err = c.spec.commandLine().getErr();
        err.println("reproduce: TweetEval in " + tweeteval + "; output directory " + dir);
        err.println("reproduce: classifiers " + classifiers + ", tasks " + tasks + ", seeds " + seeds
                + (c.pooledStance ? ", one pooled stance model" : ", stance per target"));
        err.flush();
        StageProgress progress = new StageProgress(err, "reproduce tweeteval");
        List<TweetEvalResult> results;
        try (Executor executor = c.engine.open()) {
            results = TweetEvalReproduction.run(options, executor, progress::line);
        }
        List<String> command = c.commandLine();
        double wall = (System.nanoTime() - start) / 1e9;
        List<Path> files = TweetEvalReport.write(dir, results, command, c.corpora, wall);
        PrintWriter stdout = c.spec.commandLine().getOut();
        stdout.print(TweetEvalReport.markdown(results));
        String summary = TweetEvalReport.seedSummary(results);
        if (!summary.isEmpty()) {
            stdout.println();
            stdout.print(summary);
        }
        String paired = TweetEvalReport.pairedMarkdown(TweetEvalReport.pairedTests(results));
        if (!paired.isEmpty()) {
            stdout.println();
            stdout.println("Paired tests on test (approximate randomization on the official metric):");
            stdout.print(paired);
        }
        ReproduceCommand.printFiles(stdout, dir, files, wall);
        return 0;
    }

    /**
     * Parses {@code CLASSIFIER:KEY=VALUE} (or {@code =V1,V2,...} when {@code list}) options into
     * classifier -> key -> values, refusing a classifier that is not being run.
     */
    static Map<String, Map<String, List<String>>> parseSpecs(List<String> specs, String option, List<String> classifiers,
                                                             boolean list) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            int eq = spec.indexOf('=');
            if (colon <= 0 || eq <= colon + 1 || eq == spec.length() - 1) {
                throw new IllegalArgumentException(option + " '" + spec + "': expected CLASSIFIER:KEY="
                        + (list ? "V1,V2,..." : "VALUE"));
            }
            String name = spec.substring(0, colon);
            if (!classifiers.contains(name)) {
                throw new IllegalArgumentException(option + " '" + spec + "': classifier '" + name
                        + "' is not among those run (" + String.join(", ", classifiers) + ")");
            }
            String value = spec.substring(eq + 1);
            out.computeIfAbsent(name, k -> new TreeMap<>()).put(spec.substring(colon + 1, eq),
                    list ? List.of(value.split(",")) : List.of(value));
        }
        return out;
    }
}
