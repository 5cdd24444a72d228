package org.stancebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancebench.eval.results.DevChoice;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;
import org.stancebench.io.AtomicFiles;

/**
 * Renders the iSarcasmEval reproduction: {@code isarcasmeval.md} (ours beside the published winner,
 * cross-validation with intervals, the test file's score when there is one, and what dev chose in
 * every fit), beside the generic report of its results file ({@link ReportWriter}).
 */
public final class ISarcasmEvalReport {
    /**
     * F1-sarcastic of the best system of SemEval-2022 Task 6 subtask A, English, on the official test
     * set (Abu Farha et al. 2022, the task paper's results table).
     */
    public static final double PUBLISHED_WINNER = 0.6052;
    /** The file {@link #write} adds to the generic report's files. */
    public static final String FILE = "isarcasmeval.md";

    private ISarcasmEvalReport() {
    }

    /** The headline table: per classifier, CV F1-sarcastic with its interval, test when scored, and the winner. */
    public static String markdown(Results results) {
        Map<String, RunResult> cv = new LinkedHashMap<>();
        Map<String, RunResult> test = new LinkedHashMap<>();
        for (RunResult r : results.runs()) {
            (r.protocol().isCv() ? cv : test).put(r.classifier(), r);
        }
        boolean hasTest = !test.isEmpty();
        StringBuilder md = new StringBuilder("| classifier | CV F1-sarcastic [95% CI] | fold mean +- sd |"
                + (hasTest ? " test F1-sarcastic [95% CI] |" : "") + " published winner (official test) |\n"
                + "|---|---:|---:|" + (hasTest ? "---:|" : "") + "---:|\n");
        for (RunResult r : cv.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f [%.3f, %.3f] | %s |", r.classifier(), r.official().value(),
                    r.official().low(), r.official().high(), foldSpread(r)));
            if (hasTest) {
                RunResult t = test.get(r.classifier());
                md.append(t == null ? " - |" : String.format(Locale.ROOT, " %.3f [%.3f, %.3f] |", t.official().value(),
                        t.official().low(), t.official().high()));
            }
            md.append(String.format(Locale.ROOT, " %.4f |\n", PUBLISHED_WINNER));
        }
        return md.toString();
    }

    /** The mean and sample standard deviation of the official metric over the run's folds, or "-". */
    static String foldSpread(RunResult r) {
        if (r.folds() == null || r.folds().size() < 2) {
            return "-";
        }
        double[] x = r.folds().stream().mapToDouble(f -> f.scores().get(r.official().name())).toArray();
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
        return String.format(Locale.ROOT, "%.3f +- %.3f", mean, sd);
    }

    /** Per classifier and fold, the dev score of each rephrase value and what the chosen fit chose inside. */
    public static String choices(List<DevChoice> choices) {
        StringBuilder md = new StringBuilder();
        String current = null;
        Map<Integer, List<DevChoice>> byFold = new LinkedHashMap<>();
        List<DevChoice> all = new ArrayList<>(choices);
        all.add(null);
        for (DevChoice c : all) {
            if (c == null || !c.classifier().equals(current)) {
                if (current != null) {
                    md.append("\n#### ").append(current).append("\n\n| fit | dev F1-sarcastic per setting | chosen | "
                            + "class_weight | threshold | other choices inside the fit |\n|---|---|---|---|---|---|\n");
                    for (Map.Entry<Integer, List<DevChoice>> e : byFold.entrySet()) {
                        DevChoice chosen = e.getValue().stream().filter(DevChoice::chosen).findFirst().orElseThrow();
                        StringBuilder devs = new StringBuilder();
                        for (DevChoice d : e.getValue()) {
                            devs.append(devs.isEmpty() ? "" : ", ").append(describe(d.settings()))
                                    .append(String.format(Locale.ROOT, ": %.3f", d.dev()));
                        }
                        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |\n",
                                e.getKey() < 0 ? "whole file" : "fold " + (e.getKey() + 1), devs, describe(chosen.settings()),
                                chosen.model().getOrDefault("class_weight", "-"), chosen.model().getOrDefault("threshold", "-"),
                                inner(chosen.model())));
                    }
                }
                if (c == null) {
                    break;
                }
                current = c.classifier();
                byFold = new LinkedHashMap<>();
            }
            byFold.computeIfAbsent(c.fold(), k -> new ArrayList<>()).add(c);
        }
        return md.toString();
    }

    private static String inner(Map<String, String> model) {
        StringBuilder b = new StringBuilder();
        for (String key : List.of("C", "alpha", "lr", "epoch", "weightDecay", "bestEpoch")) {
            if (model.containsKey(key) && !model.get(key).equals("auto")) {
                b.append(b.isEmpty() ? "" : ", ").append(key).append('=').append(model.get(key).replaceAll("\\.0$", ""));
            }
        }
        return b.isEmpty() ? "-" : b.toString();
    }

    private static String describe(Map<String, String> settings) {
        StringBuilder b = new StringBuilder();
        settings.forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return "`" + b + "`";
    }

    /**
     * Writes the generic report of {@code results} ({@link ReportWriter}: results.json, report.md,
     * report.html) and {@code dir/isarcasmeval.md}, every file atomically.
     *
     * @param command the command line that produced the results, for the record
     * @return the files written
     */
    public static List<Path> write(Path dir, Results results, List<DevChoice> choices, List<String> command,
                                   Path trainFile, Path testFile, double wallSeconds) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>(ReportWriter.write(results, dir));
        long folds = choices.stream().filter(c -> c.fold() >= 0).mapToInt(DevChoice::fold).distinct().count();
        StringBuilder md = new StringBuilder("# iSarcasmEval (SemEval-2022 Task 6, subtask A, English) reproduced\n\n");
        md.append("Command: `").append(String.join(" ", command)).append("`  \n");
        md.append(String.format(Locale.ROOT, "Training file: `%s`%s; wall time %.1f min.\n\n", trainFile,
                testFile == null ? "" : "; test file: `" + testFile + "`", wallSeconds / 60));
        md.append("Official metric: F1 of the sarcastic class. CV: ").append(folds).append("-fold stratified "
                + "cross-validation on the training file, pooled out-of-fold predictions, 95% bootstrap interval "
                + "(examples resampled); the fold mean and standard deviation beside it. The published winner scored "
                + "0.6052 on the official test set (not in the corpora folder): a CV score on the training file is a "
                + "different sample and is not directly comparable; with `--test FILE` the official test layout is "
                + "scored by the model trained on the whole training file.\n\n");
        md.append(markdown(results));
        md.append("\n## What was chosen on dev\n\n"
                + "Every fit trains on its training part minus a stratified dev split carved from it (15%), and "
                + "everything is chosen on that dev split by F1-sarcastic, never on held-out data: inside the fit, each "
                + "classifier's class weights (`none` or `balanced`) and decision threshold on P(sarcastic) "
                + "(`tune_metric=f1:sarcastic`, with its own C, alpha, lr/epochs or weight decay); across fits, "
                + "`rephrase` (each sarcastic training tweet's author-written non-sarcastic rephrase added as a "
                + "not_sarcastic example, or not). The chosen fit predicts the held-out fold (or the test file).\n");
        md.append(choices(choices));
        Path file = dir.resolve(FILE);
        AtomicFiles.writeString(file, md.toString());
        files.add(file);
        return files;
    }
}
