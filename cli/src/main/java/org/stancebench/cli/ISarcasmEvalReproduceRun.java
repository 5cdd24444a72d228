package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.eval.stats.Bootstrap;
import org.stancebench.experiments.Engines;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.isarcasmeval.ISarcasmEvalOptions;
import org.stancebench.experiments.isarcasmeval.ISarcasmEvalReproduction;
import org.stancebench.reports.ISarcasmEvalReport;

/** {@code reproduce --task isarcasmeval}: maps the options onto {@link ISarcasmEvalReproduction}, runs it, writes the report. */
final class ISarcasmEvalReproduceRun implements Callable<Integer> {
    private final ReproduceCommand c;

    ISarcasmEvalReproduceRun(ReproduceCommand command) {
        this.c = command;
    }

    @Override
    public Integer call() throws Exception {
        List<String> misplaced = new ArrayList<>(c.seedOnlyGiven());
        misplaced.addAll(c.tweetEvalOnlyGiven());
        if (!c.grids.isEmpty()) {
            misplaced.add("--grid");
        }
        ReproduceCommand.refuse(misplaced, "not with --task isarcasmeval");
        if (c.corpora == null) {
            throw new IllegalArgumentException("--task isarcasmeval needs --corpora DIR (the folder holding "
                    + "isarcasmeval/, for example ../shared/corpora)");
        }
        Engines.Spec engine = c.engine.spec();
        if (!engine.engine().equals(Engines.LOCAL)) {
            throw new IllegalArgumentException("--engine " + engine.engine() + ": --task isarcasmeval runs on the local "
                    + "engine only (its units are not yet tested on Spark); use --engine local, with --threads N");
        }
        long start = System.nanoTime();
        Path dir = OutputPaths.checkedOut(c.out != null ? c.out : Path.of("out", "reproduce-isarcasmeval"));
        List<String> classifiers = c.classifiersOr(ISarcasmEvalReproduction.DEFAULT_CLASSIFIERS);
        if (c.seeds != null && c.seeds.size() > 1) {
            throw new IllegalArgumentException("--seed: --task isarcasmeval takes one seed, got " + c.seeds);
        }
        long seed = c.seeds != null && !c.seeds.isEmpty() ? c.seeds.get(0) : 13L;
        Map<String, Map<String, String>> fixed = c.fixedSettings(classifiers);
        List<Boolean> rephrase = switch (c.rephrase) {
            case "auto" -> List.of(false, true);
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            default -> throw new IllegalArgumentException("--rephrase must be auto, on or off, got '" + c.rephrase + "'");
        };
        ISarcasmEvalOptions options = new ISarcasmEvalOptions(c.corpora, c.test, classifiers, seed, c.folds, 0.15,
                rephrase, fixed, Bootstrap.defaults());
        Path trainFile = ISarcasmEvalReproduction.trainFile(c.corpora);

        PrintWriter err = c.spec.commandLine().getErr();
        err.println("reproduce: iSarcasmEval training file " + trainFile + (c.test == null ? "" : ", test file " + c.test)
                + "; output directory " + dir);
        err.println("reproduce: classifiers " + classifiers + ", seed " + seed + ", " + c.folds + " folds, rephrase "
                + c.rephrase);
        err.flush();
        StageProgress progress = new StageProgress(err, "reproduce isarcasmeval");
        ISarcasmEvalReproduction.Outcome outcome;
        try (Executor executor = c.engine.open()) {
            outcome = ISarcasmEvalReproduction.run(options, executor, progress::line);
        }
        List<String> command = c.commandLine();
        double wall = (System.nanoTime() - start) / 1e9;
        List<Path> files = ISarcasmEvalReport.write(dir, outcome.results(), outcome.choices(), command, trainFile,
                c.test, wall);
        PrintWriter stdout = c.spec.commandLine().getOut();
        stdout.print(ISarcasmEvalReport.markdown(outcome.results()));
        ReproduceCommand.printFiles(stdout, dir, files, wall);
        return 0;
    }
}
