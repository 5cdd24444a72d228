package org.stancebench.cli;

import org.stancebench.api.Probabilities;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.corpus.ImportOptions;
import org.stancebench.dataset.corpus.ImportedCorpus;
import org.stancebench.dataset.corpus.TweetEvalImporter;
import org.stancebench.eval.metrics.ConfusionMatrix;
import org.stancebench.eval.metrics.OfficialMetrics;

/**
 * The TweetEval baseline reproduction: trains a registered classifier on TweetEval stance, irony and
 * emotion as published (train, with settings chosen on val), scores the official test sets with each
 * task's official metric, and sets the scores beside the published rows of Barbieri et al. (2020).
 *
 * <p>Stance is trained per target by default, as the published baselines are: one model per target,
 * the five test sets' predictions pooled for the metric. Settings are chosen from a grid by the
 * official metric on val (pooled over targets for stance, one setting for all targets), never on
 * test. Guarantees: deterministic for a given corpus, classifier, grid and seed; a prediction is the
 * label of highest probability, ties going to the first label.
 */
public final class TweetEvalReproduction {
    /** The tasks, in the order of the published table. */
    public static final List<String> TASKS = List.of("stance", "irony", "emotion");

    /**
     * The classifiers {@code reproduce --task tweeteval} trains by default: the linear baseline
     * (compared with the published SVM row), fastText (FastText row) and a convolutional network
     * (BLSTM row, the published neural baseline).
     */
    public static final List<String> DEFAULT_CLASSIFIERS = List.of("tfidf-logreg", "fasttext", "textcnn");

    /** Published test scores (TweetEval README leaderboard and paper), x100, per model then task. */
    public static final Map<String, Map<String, Double>> PUBLISHED = published();

    private TweetEvalReproduction() {
    }

    private static Map<String, Map<String, Double>> published() {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        rows.put("SVM", Map.of("stance", 67.3, "irony", 61.7, "emotion", 64.7));
        rows.put("FastText", Map.of("stance", 65.4, "irony", 63.1, "emotion", 65.2));
        rows.put("BLSTM", Map.of("stance", 59.4, "irony", 62.8, "emotion", 66.0));
        rows.put("RoBERTa-base", Map.of("stance", 68.0, "irony", 59.7, "emotion", 76.1));
        rows.put("RoBERTa-retrained", Map.of("stance", 69.3, "irony", 61.7, "emotion", 78.5));
        return rows;
    }

    /** The official metric name of a task (see {@link OfficialMetrics}). */
    public static String metricOf(String task) {
        return switch (task) {
            case "stance" -> OfficialMetrics.TWEETEVAL_STANCE;
            case "irony" -> OfficialMetrics.F1_IRONY;
            case "emotion" -> OfficialMetrics.MACRO_F1;
            default -> throw new IllegalArgumentException("unknown TweetEval task '" + task + "'; known: " + TASKS);
        };
    }

    /** The published row a classifier family is compared with: fastText, recurrent, or else the SVM. */
    public static String referenceRow(String classifier) {
        String c = classifier.toLowerCase(Locale.ROOT);
        if (c.contains("fasttext")) {
            return "FastText";
        }
        if (c.contains("lstm") || c.contains("rnn") || c.contains("gru") || c.contains("cnn")) {
            return "BLSTM";
        }
        return "SVM";
    }

    /**
     * One candidate setting of a task's grid, with its official metric on val and on test, x100.
     * Only val chooses; test is kept so that the report can show how far val's choice is from the
     * best test score of the grid (the cost of choosing honestly).
     *
     * @param settings the settings passed to the classifier (grid values and fixed settings)
     * @param dev the official metric on val
     * @param test the official metric on test
     * @param models per trained model (one per stance target, else one), the settings the
     *               classifier reports, with the values it tuned inside the fit (e.g. {@code C})
     */
    public record Candidate(Map<String, String> settings, double dev, double test,
                            Map<String, Map<String, String>> models) {
        public Candidate {
            settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
            Map<String, Map<String, String>> copy = new java.util.LinkedHashMap<>();
            models.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new TreeMap<>(v))));
            models = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /**
     * One task's result.
     *
     * @param task stance, irony or emotion
     * @param classifier the registered classifier name
     * @param metric the official metric's name
     * @param perTarget whether stance was trained one model per target
     * @param seed the training seed
     * @param chosen the index in {@code candidates} of the setting val chose (the first on ties)
     * @param candidates every setting tried, in grid order
     * @param trainSize training examples (all targets)
     * @param testSize test examples (all targets)
     * @param seconds wall-clock seconds for the whole task, grid included
     * @param refitTest with {@code --refit}: the official test metric, x100, of the chosen setting
     *                  retrained on train plus val with its inner choices fixed; else null
     */
    public record TaskResult(String task, String classifier, String metric, boolean perTarget, long seed,
                             int chosen, List<Candidate> candidates, int trainSize, int testSize, double seconds,
                             Double refitTest) {
        public TaskResult {
            candidates = List.copyOf(candidates);
            if (chosen < 0 || chosen >= candidates.size()) {
                throw new IllegalArgumentException("chosen candidate " + chosen + " out of range");
            }
        }

        /** The candidate val chose. */
        public Candidate best() {
            return candidates.get(chosen);
        }

        /** The chosen setting's official metric on val, x100. */
        public double dev() {
            return best().dev();
        }

        /** The reported official metric on test, x100: of the refitted model when refitted. */
        public double test() {
            return refitTest != null ? refitTest : best().test();
        }

        /** The chosen settings (grid values only; the rest are the classifier's defaults). */
        public Map<String, String> settings() {
            return best().settings();
        }

        /** The published score of the classifier's reference row on this task. */
        public double published() {
            return PUBLISHED.get(referenceRow(classifier)).get(task);
        }
    }

    /**
     * Trains and scores one task.
     *
     * @param tweeteval the TweetEval folder (holding stance/, irony/, emotion/)
     * @param grid the settings to try, each a complete map of grid keys (one empty map for defaults)
     * @param perTarget stance only: one model per target (true, as published) or one pooled model
     */
    public static TaskResult run(Path tweeteval, String task, ClassifierFactory factory,
                                 List<Map<String, String>> grid, long seed, boolean perTarget,
                                 Consumer<String> progress) throws IOException {
        return run(tweeteval, task, factory, grid, seed, perTarget, false, progress);
    }

    /**
     * Trains and scores one task; with {@code refit}, the chosen setting is then retrained on train
     * plus val, with the values it tuned inside the fit ({@link #INNER_CHOICES}) fixed, and that
     * model is scored on test.
     */
    public static TaskResult run(Path tweeteval, String task, ClassifierFactory factory,
                                 List<Map<String, String>> grid, long seed, boolean perTarget, boolean refit,
                                 Consumer<String> progress) throws IOException {
        String metric = metricOf(task);
        long start = System.nanoTime();
        Path dir = tweeteval.resolve(task);
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such TweetEval task folder");
        }
        List<ImportedCorpus> parts = new ArrayList<>();
        if (task.equals("stance") && perTarget) {
            for (String target : targets(dir)) {
                parts.add(TweetEvalImporter.importTask(dir, target, ImportOptions.defaults()));
            }
        } else {
            parts.add(TweetEvalImporter.importTask(dir, null, ImportOptions.defaults()));
        }
        List<String> labels = parts.get(0).labels();
        ToDoubleFunction<ConfusionMatrix> score = OfficialMetrics.resolve(metric, labels);
        List<Map<String, String>> candidates = grid.isEmpty() ? List.of(Map.of()) : grid;

        List<Candidate> tried = new ArrayList<>();
        int chosen = 0;
        long testSize = 0;
        for (Map<String, String> settings : candidates) {
            ConfusionMatrix dev = new ConfusionMatrix(labels.size());
            ConfusionMatrix test = new ConfusionMatrix(labels.size());
            Map<String, Map<String, String>> models = new LinkedHashMap<>();
            for (ImportedCorpus part : parts) {
                TrainingData data = new TrainingData(labels, labeled(part, "train"), labeled(part, "dev"),
                        "tweeteval/" + part.name());
                TrainingOptions options = new TrainingOptions(seed, settings, progress);
                try (Classifier model = factory.train(data, options)) {
                    tally(model, labels, part, "dev", dev);
                    tally(model, labels, part, "test", test);
                    models.put(part.name(), model.settings());
                }
            }
            double devScore = 100 * score.applyAsDouble(dev);
            double testScore = 100 * score.applyAsDouble(test);
            // the test score of every candidate is kept for the record; only val chooses
            progress.accept(String.format(Locale.ROOT, "%s %s %s: val %s = %.1f (test %.1f)", task, factory.name(),
                    settings, metric, devScore, testScore));
            tried.add(new Candidate(settings, devScore, testScore, models));
            if (devScore > tried.get(chosen).dev()) {
                chosen = tried.size() - 1;
            }
            testSize = test.total();
        }
        int trainSize = parts.stream().mapToInt(p -> p.examples().stream().filter(e -> e.split().equals("train"))
                .mapToInt(e -> 1).sum()).sum();
        Double refitTest = null;
        if (refit) {
            Candidate best = tried.get(chosen);
            ConfusionMatrix test = new ConfusionMatrix(labels.size());
            for (ImportedCorpus part : parts) {
                Map<String, String> settings = new TreeMap<>(best.settings());
                Map<String, String> inner = best.models().get(part.name());
                for (String key : INNER_CHOICES) {
                    if (inner.containsKey(key)) {
                        settings.put(key, inner.get(key));
                    }
                }
                List<LabeledText> all = new ArrayList<>(labeled(part, "train"));
                all.addAll(labeled(part, "dev"));
                TrainingData data = new TrainingData(labels, all, List.of(), "tweeteval/" + part.name() + "+val");
                try (Classifier model = factory.train(data, new TrainingOptions(seed, settings, progress))) {
                    tally(model, labels, part, "test", test);
                }
            }
            refitTest = 100 * score.applyAsDouble(test);
            progress.accept(String.format(Locale.ROOT, "%s %s: chosen setting retrained on train+val: test %s = %.1f",
                    task, factory.name(), metric, refitTest));
        }
        return new TaskResult(task, factory.name(), metric, perTarget || !task.equals("stance"), seed, chosen, tried,
                trainSize, (int) testSize, (System.nanoTime() - start) / 1e9, refitTest);
    }

    /**
     * Runs every task for every classifier and seed, in that order: the work of
     * {@code stancebench reproduce --task tweeteval}.
     *
     * @param corpora the folder holding {@code tweeteval/}, or the tweeteval folder itself
     * @param grids the settings to choose from on val, given the classifier name and the task
     */
    public static List<TaskResult> runAll(Path corpora, List<String> classifiers, List<String> tasks, List<Long> seeds,
                                          java.util.function.BiFunction<String, String, List<Map<String, String>>> grids,
                                          boolean perTarget, boolean refit,
                                          java.util.function.Function<String, ClassifierFactory> registry,
                                          Consumer<String> progress) throws IOException {
        Path tweeteval = tweetEvalFolder(corpora);
        for (String task : tasks) {
            metricOf(task);
        }
        List<ClassifierFactory> factories = classifiers.stream().map(registry).toList();
        List<TaskResult> results = new ArrayList<>();
        int total = factories.size() * tasks.size() * seeds.size();
        for (ClassifierFactory factory : factories) {
            for (String task : tasks) {
                List<Map<String, String>> grid = grids.apply(factory.name(), task);
                for (long seed : seeds) {
                    progress.accept(String.format(Locale.ROOT, "(%d/%d) %s with %s, seed %d: %d setting(s) to choose "
                            + "from on val", results.size() + 1, total, task, factory.name(), seed, grid.size()));
                    results.add(run(tweeteval, task, factory, grid, seed, perTarget, refit,
                            m -> progress.accept("  " + m)));
                }
            }
        }
        return results;
    }

    /** The TweetEval folder under {@code corpora} (or {@code corpora} itself), checked to exist. */
    static Path tweetEvalFolder(Path corpora) throws IOException {
        Path tweeteval = Files.isDirectory(corpora.resolve("tweeteval")) ? corpora.resolve("tweeteval") : corpora;
        if (!Files.isDirectory(tweeteval.resolve("stance")) && !Files.isDirectory(tweeteval.resolve("irony"))
                && !Files.isDirectory(tweeteval.resolve("emotion"))) {
            throw new IOException(corpora + ": no TweetEval corpus there (expected DIR/tweeteval/ or DIR itself to hold "
                    + "stance/, irony/ and emotion/)");
        }
        return tweeteval;
    }

    /**
     * The val criterion that the classifiers tuning inside a fit ({@code tfidf-logreg}'s C and class
     * weights, {@code fasttext}'s lr and epochs) use for a task: its official metric, so that the
     * inner choice and the grid choice agree.
     */
    public static String tuneMetric(String task) {
        return switch (task) {
            case "stance" -> "f1:against+favor";
            case "irony" -> "f1:irony";
            case "emotion" -> "macro_f1";
            default -> throw new IllegalArgumentException("unknown TweetEval task '" + task + "'; known: " + TASKS);
        };
    }

    /** Classifiers that take the {@code tune_metric} setting. */
    static final java.util.Set<String> TUNED_INSIDE = java.util.Set.of("tfidf-logreg", "fasttext");

    /**
     * The default grid of a classifier on a task: the settings {@code reproduce --task tweeteval}
     * chooses from on val unless {@code --grid} replaces it. Keys a classifier does not list here
     * keep its own defaults.
     * <ul>
     *   <li>{@code tfidf-logreg}: {@code min_df} 1/2 x {@code sublinear_tf} false/true (4 settings,
     *       logistic loss), each tuning C (7 values) and class weights (none/balanced) inside the fit;
     *       the linear SVM ({@code loss=hinge}) is 2-3 times slower to train and was not better on
     *       val (docs/tweeteval.md), so it is left to {@code --grid tfidf-logreg:loss=logistic,hinge};</li>
     *   <li>{@code fasttext}: {@code wordNgrams} 1/2 x char n-grams off / {@code minn=3 maxn=6}
     *       (4 settings), each tuning lr (4 values) and epochs (3 values) inside the fit;</li>
     *   <li>{@code textcnn} and any other classifier: its defaults (one setting).</li>
     * </ul>
     * {@code tfidf-logreg} and {@code fasttext} tune inside the fit by the task's official metric
     * ({@link #tuneMetric}).
     */
    public static List<Map<String, String>> defaultGrid(String classifier, String task) {
        List<Map<String, String>> grid = switch (classifier) {
            case "tfidf-logreg" -> grid(Map.of("min_df", List.of("1", "2"), "sublinear_tf", List.of("false", "true")));
            case "fasttext" -> product(grid(Map.of("wordNgrams", List.of("1", "2"))),
                    List.of(Map.of(), Map.of("minn", "3", "maxn", "6")));
            default -> List.of(Map.of());
        };
        return withTuneMetric(classifier, task, grid);
    }

    /** Adds the task's {@code tune_metric} to every setting of a classifier that takes it, unless set. */
    static List<Map<String, String>> withTuneMetric(String classifier, String task, List<Map<String, String>> grid) {
        if (!TUNED_INSIDE.contains(classifier)) {
            return grid;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> g : grid) {
            Map<String, String> m = new TreeMap<>(g);
            m.putIfAbsent("tune_metric", tuneMetric(task));
            out.add(m);
        }
        return out;
    }

    /** Every union of one map from {@code a} with one from {@code b}, in that order. */
    static List<Map<String, String>> product(List<Map<String, String>> a, List<Map<String, String>> b) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> x : a) {
            for (Map<String, String> y : b) {
                Map<String, String> m = new TreeMap<>(x);
                m.putAll(y);
                out.add(m);
            }
        }
        return out;
    }

    private static List<String> targets(Path stance) throws IOException {
        try (var children = Files.list(stance)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("train_text.txt")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<LabeledText> labeled(ImportedCorpus corpus, String split) {
        return corpus.examples().stream().filter(e -> e.split().equals(split))
                .map(e -> new LabeledText(e.id(), e.text(), e.label())).toList();
    }

    private static void tally(Classifier model, List<String> labels, ImportedCorpus part, String split,
                              ConfusionMatrix into) {
        List<Example> examples = part.examples().stream().filter(e -> e.split().equals(split)).toList();
        List<double[]> probabilities = model.predictProba(examples.stream().map(Example::text).toList());
        List<String> modelLabels = model.labels();
        for (int i = 0; i < examples.size(); i++) {
            // In the task's label order, so that ties go to the first label as everywhere else.
            double[] p = probabilities.get(i);
            double[] ordered = new double[labels.size()];
            for (int c = 0; c < p.length; c++) {
                ordered[labels.indexOf(modelLabels.get(c))] = p[c];
            }
            into.add(labels.indexOf(examples.get(i).label()), Probabilities.argmax(ordered));
        }
    }

    /**
     * The full grid of a specification {@code key=v1,v2;key2=w1,w2} (every combination, keys sorted),
     * or a single empty map for an empty specification.
     */
    public static List<Map<String, String>> grid(Map<String, List<String>> values) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new TreeMap<>());
        for (Map.Entry<String, List<String>> e : new TreeMap<>(values).entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new TreeMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** Settings a classifier tunes inside a fit and reports back, shown as its inner choices. */
    static final List<String> INNER_CHOICES = List.of("C", "class_weight", "lr", "epoch");

    /** The results as a Markdown table beside the published reference rows. */
    public static String markdown(List<TaskResult> results) {
        StringBuilder md = new StringBuilder("| task | metric | classifier | seed | val | test (ours) | published | "
                + "reference row | difference | settings chosen on val |\n|---|---|---|---:|---:|---:|---:|---|---:|---|\n");
        for (TaskResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s%s | %s | %s | %d | %.1f | %.1f | %.1f | %s | %+.1f | %s |\n",
                    r.task(), r.task().equals("stance") ? (r.perTarget() ? " (per target)" : " (pooled model)") : "",
                    r.metric(), r.classifier(), r.seed(), r.dev(), r.test(), r.published(), referenceRow(r.classifier()),
                    r.test() - r.published(), describe(r.settings())));
        }
        return md.toString();
    }

    /**
     * Per classifier and task, the mean and sample standard deviation of the test score over seeds
     * (only for pairs run with more than one seed), as a Markdown table; empty when there are none.
     */
    public static String seedSummary(List<TaskResult> results) {
        Map<String, List<TaskResult>> byPair = new LinkedHashMap<>();
        for (TaskResult r : results) {
            byPair.computeIfAbsent(r.classifier() + "\u0000" + r.task(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder();
        for (List<TaskResult> rs : byPair.values()) {
            if (rs.size() < 2) {
                continue;
            }
            if (md.isEmpty()) {
                md.append("| task | classifier | seeds | test mean | test sd | min | max | published | difference "
                        + "of the mean |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            }
            double[] t = rs.stream().mapToDouble(TaskResult::test).toArray();
            double mean = java.util.Arrays.stream(t).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(t).map(x -> (x - mean) * (x - mean)).sum() / (t.length - 1));
            TaskResult first = rs.get(0);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %+.1f |\n",
                    first.task(), first.classifier(), t.length, mean, sd,
                    java.util.Arrays.stream(t).min().orElseThrow(), java.util.Arrays.stream(t).max().orElseThrow(),
                    first.published(), mean - first.published()));
        }
        return md.toString();
    }

    /**
     * Every candidate of every task, val beside test, the chosen one marked: how the settings were
     * chosen, as Markdown.
     */
    public static String candidates(List<TaskResult> results) {
        StringBuilder md = new StringBuilder();
        for (TaskResult r : results) {
            md.append(String.format(Locale.ROOT, "\n#### %s, %s, seed %d (%d setting(s), %.0f s)\n\n", r.task(),
                    r.classifier(), r.seed(), r.candidates().size(), r.seconds()));
            md.append("| | setting | val | test | chosen inside each fit |\n|---|---|---:|---:|---|\n");
            for (int i = 0; i < r.candidates().size(); i++) {
                Candidate c = r.candidates().get(i);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s |\n", i == r.chosen() ? "**chosen**" : "",
                        describe(c.settings()), c.dev(), c.test(), innerChoices(c)));
            }
        }
        return md.toString();
    }

    private static String describe(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return "defaults";
        }
        StringBuilder b = new StringBuilder();
        settings.forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return "`" + b + "`";
    }

    /** The values tuned inside each fit; several models (stance targets) give their values joined by '/'. */
    static String innerChoices(Candidate c) {
        StringBuilder b = new StringBuilder();
        for (String key : INNER_CHOICES) {
            List<String> values = c.models().values().stream().map(m -> m.get(key)).filter(java.util.Objects::nonNull)
                    .map(v -> v.replaceAll("\\.0$", "")).toList();
            if (!values.isEmpty() && !c.settings().containsKey(key)) {
                b.append(b.isEmpty() ? "" : ", ").append(key).append('=').append(String.join("/", values));
            }
        }
        if (c.models().size() > 1 && !b.isEmpty()) {
            b.append(" (").append(String.join("/", c.models().keySet().stream()
                    .map(k -> k.substring(k.lastIndexOf('-') + 1)).toList())).append(')');
        }
        return b.isEmpty() ? "-" : b.toString();
    }

    /** The files {@link #write} writes. */
    public static final List<String> FILES = List.of("tweeteval.md", "tweeteval.json");

    /**
     * Writes {@code dir/tweeteval.md} (the table beside the published rows, how settings were chosen,
     * every candidate) and {@code dir/tweeteval.json} (the same numbers), each to a temporary file in
     * {@code dir} moved into place atomically.
     *
     * @param command the command line that produced the results, for the record
     * @return the two files written
     */
    public static List<Path> write(Path dir, List<TaskResult> results, List<String> command, Path corpora,
                                   double wallSeconds) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("# TweetEval baselines reproduced\n\n");
        md.append("Command: `").append(String.join(" ", command)).append("`  \n");
        md.append(String.format(Locale.ROOT, "Corpora: `%s`; wall time %.1f min.\n\n", corpora, wallSeconds / 60));
        md.append("Official test sets, x100: stance is the mean of F1(against) and F1(favor) over the five targets' "
                + "test sets pooled, irony the F1 of the irony class, emotion macro-F1. Published rows: Barbieri et al. "
                + "(2020), TweetEval leaderboard; `tfidf-logreg` is compared with the SVM row, `fasttext` with FastText, "
                + "`textcnn` (and other networks) with BLSTM.\n\n");
        md.append(markdown(results));
        String seeds = seedSummary(results);
        if (!seeds.isEmpty()) {
            md.append("\nOver seeds (test):\n\n").append(seeds);
        }
        md.append("\n## How the settings were chosen\n\n")
                .append("Every model is trained on the published train split only. Each classifier has a grid of "
                        + "settings (`reproduce --help`, `TweetEvalReproduction.defaultGrid`, or `--grid`); the "
                        + "setting with the best official metric on val is reported (the first on ties), never one "
                        + "chosen on test. `tfidf-logreg` and `fasttext` also tune inside each fit (C and class "
                        + "weights; lr and epochs) on val by the task's official metric (`tune_metric`: stance "
                        + "`f1:against+favor`, irony `f1:irony`, emotion `macro_f1`). Stance trains one model per "
                        + "target, each tuned on its own target's val, and the grid choice is by the pooled val "
                        + "metric. Test scores of the settings not chosen are shown for the record only.\n");
        md.append(candidates(results));

        com.fasterxml.jackson.databind.ObjectMapper mapper = Json.MAPPER;
        com.fasterxml.jackson.databind.node.ObjectNode root = Json.object();
        root.put("format", "stancebench-tweeteval/1");
        root.set("command", mapper.valueToTree(command));
        root.put("corpora", corpora.toString());
        root.put("wall_seconds", Math.round(wallSeconds * 10) / 10.0);
        root.set("published", mapper.valueToTree(PUBLISHED));
        com.fasterxml.jackson.databind.node.ArrayNode rows = root.putArray("results");
        for (TaskResult r : results) {
            com.fasterxml.jackson.databind.node.ObjectNode row = rows.addObject();
            row.put("task", r.task());
            row.put("classifier", r.classifier());
            row.put("metric", r.metric());
            row.put("per_target", r.perTarget());
            row.put("seed", r.seed());
            row.put("val", round(r.dev()));
            row.put("test", round(r.test()));
            row.put("reference_row", referenceRow(r.classifier()));
            row.put("published", r.published());
            row.put("difference", round(r.test() - r.published()));
            row.set("settings", mapper.valueToTree(r.settings()));
            row.put("train_size", r.trainSize());
            row.put("test_size", r.testSize());
            row.put("seconds", Math.round(r.seconds() * 10) / 10.0);
            row.put("chosen", r.chosen());
            com.fasterxml.jackson.databind.node.ArrayNode cands = row.putArray("candidates");
            for (Candidate c : r.candidates()) {
                com.fasterxml.jackson.databind.node.ObjectNode cn = cands.addObject();
                cn.set("settings", mapper.valueToTree(c.settings()));
                cn.put("val", round(c.dev()));
                cn.put("test", round(c.test()));
                cn.set("models", mapper.valueToTree(c.models()));
            }
        }
        Path mdFile = dir.resolve(FILES.get(0));
        Path jsonFile = dir.resolve(FILES.get(1));
        AtomicFiles.writeString(mdFile, md.toString());
        AtomicFiles.writeString(jsonFile, Json.pretty(root));
        return List.of(mdFile, jsonFile);
    }

    /** Four decimals of a score x100: the JSON keeps more than the table shows, without float noise. */
    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
