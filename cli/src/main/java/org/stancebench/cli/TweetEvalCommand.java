package org.stancebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.stancebench.model.ClassifierRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tweeteval}: the TweetEval baseline reproduction as a command (see
 * {@link TweetEvalReproduction}). Meant to be reached as {@code stancebench reproduce --task
 * tweeteval}; until it is wired there it runs through its own {@link #main(String[])}.
 */
@Command(name = "tweeteval", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Reproduce the published TweetEval baselines (Barbieri et al. 2020) on stance, irony and emotion:",
            "train on the published train split, choose settings on val by the official metric, score the official test set.",
            "Stance trains one model per target and pools the test predictions, as the published baselines do."})
public final class TweetEvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpora", required = true, paramLabel = "DIR",
            description = "Folder holding tweeteval/ (for example ../shared/corpora), or the tweeteval folder itself.")
    Path corpora;

    @Option(names = "--classifiers", split = ",", paramLabel = "NAME", defaultValue = "tfidf-logreg,fasttext",
            description = "Registered classifiers to train.")
    List<String> classifiers;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK", defaultValue = "stance,irony,emotion",
            description = "TweetEval tasks.")
    List<String> tasks;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "13", description = "Training seed.")
    long seed;

    @Option(names = "--set", paramLabel = "CLASSIFIER:KEY=VALUE",
            description = "A fixed setting for one classifier (repeatable).")
    List<String> fixed = new ArrayList<>();

    @Option(names = "--grid", paramLabel = "CLASSIFIER:KEY=V1,V2,...",
            description = "Values of one setting to choose from on val (repeatable; every combination is tried).")
    List<String> grids = new ArrayList<>();

    @Option(names = "--pooled-stance", description = "Train one stance model on all targets instead of one per target.")
    boolean pooledStance;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table as Markdown to FILE.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Map<String, Map<String, String>> fixedByClassifier = parseFixed();
        Map<String, Map<String, List<String>>> gridByClassifier = parseGrids();
        Map<String, List<Map<String, String>>> grids = new LinkedHashMap<>();
        for (String name : classifiers) {
            List<Map<String, String>> grid = new ArrayList<>();
            for (Map<String, String> g : TweetEvalReproduction.grid(gridByClassifier.getOrDefault(name, Map.of()))) {
                Map<String, String> settings = new TreeMap<>(fixedByClassifier.getOrDefault(name, Map.of()));
                settings.putAll(g);
                grid.add(settings);
            }
            grids.put(name, grid);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<TweetEvalReproduction.TaskResult> results = TweetEvalReproduction.runAll(corpora, classifiers, tasks,
                seed, grids, !pooledStance, ClassifierRegistry::get, message -> {
                    err.println("stancebench: " + message);
                    err.flush();
                });
        String table = TweetEvalReproduction.markdown(results);
        PrintWriter o = spec.commandLine().getOut();
        o.print(table);
        for (TweetEvalReproduction.TaskResult r : results) {
            o.printf(java.util.Locale.ROOT, "%s/%s: %d train, %d test, %d setting(s), %.0f s%n", r.task(),
                    r.classifier(), r.trainSize(), r.testSize(), r.candidates(), r.seconds());
        }
        o.flush();
        if (out != null) {
            Path target = out.toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, table, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }

    private Map<String, Map<String, String>> parseFixed() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String s : fixed) {
            String[] parts = split(s, "--set");
            out.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1], parts[2]);
        }
        return out;
    }

    private Map<String, Map<String, List<String>>> parseGrids() {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (String s : grids) {
            String[] parts = split(s, "--grid");
            out.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1], Arrays.asList(parts[2].split(",")));
        }
        return out;
    }

    private static String[] split(String spec, String option) {
        int colon = spec.indexOf(':');
        int eq = spec.indexOf('=');
        if (colon <= 0 || eq <= colon + 1 || eq == spec.length() - 1) {
            throw new IllegalArgumentException(option + " '" + spec + "': expected CLASSIFIER:KEY=VALUE");
        }
        return new String[] {spec.substring(0, colon), spec.substring(colon + 1, eq), spec.substring(eq + 1)};
    }

    /** Runs the command on its own, with the same error handling as {@code stancebench}. */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new TweetEvalCommand());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler(StanceBench::handle);
        System.exit(cl.execute(args));
    }
}
