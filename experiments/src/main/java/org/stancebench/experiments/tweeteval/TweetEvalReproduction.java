package org.stancebench.experiments.tweeteval;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.Probabilities;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.corpus.ImportOptions;
import org.stancebench.dataset.corpus.ImportedCorpus;
import org.stancebench.dataset.corpus.TweetEvalImporter;
import org.stancebench.eval.results.TweetEvalResult;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.Job;
import org.stancebench.metrics.ConfusionMatrix;
import org.stancebench.metrics.Metrics;

/**
 * The TweetEval baseline reproduction: trains registered classifiers on TweetEval stance, irony and
 * emotion as published (train, with settings chosen on val), scores the official test sets with each
 * task's official metric, and sets the scores beside the published rows of Barbieri et al. (2020).
 *
 * <p>Stance is trained per target by default, as the published baselines are: one model per target,
 * the five test sets' predictions pooled for the metric. Settings are chosen from a grid by the
 * official metric on val (pooled over targets for stance, one setting for all targets), never on
 * test. Every fit (classifier x task x seed x setting x target) is one unit on the {@link Executor};
 * choosing, pooling and scoring happen where the reproduction runs, so every executor gives the same
 * results. Guarantees: deterministic for a given corpus, classifier, grid and seed; a prediction is
 * the label of highest probability, ties going to the first label of the task.
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

    /** Classifiers that take the {@code tune_metric} setting. */
    static final Set<String> TUNED_INSIDE = Set.of("tfidf-logreg", "fasttext");

    private TweetEvalReproduction() {
    }

    /** The imported corpora every fit shares: per task, its parts (one per stance target, else one). */
    record Corpora(TreeMap<String, List<ImportedCorpus>> parts) implements Serializable {
    }

    /** One fit: a classifier with one setting and seed on one part of one task. */
    record Fit(ClassifierSource classifier, String task, int part, long seed, TreeMap<String, String> settings,
               boolean trainOnVal) implements Serializable {
    }

    /** What a fit returns: gold and predicted label indices on val and test, and the model's settings. */
    record Tally(int[] devGold, int[] devPredicted, int[] testGold, int[] testPredicted,
                 TreeMap<String, String> modelSettings, double seconds) implements Serializable {
    }

    /** The official metric name of a task (see {@link org.stancebench.metrics.Metrics}). */
    public static String metricOf(String task) {
        return switch (task) {
            case "stance" -> Metrics.TWEETEVAL_STANCE;
            case "irony" -> Metrics.F1_IRONY;
            case "emotion" -> Metrics.MACRO_F1;
            default -> throw new IllegalArgumentException("unknown TweetEval task '" + task + "'; known: " + TASKS);
        };
    }

    /**
     * The val criterion that the classifiers tuning inside a fit ({@code tfidf-logreg}'s C and class
     * weights, {@code fasttext}'s lr and epochs) use for a task: its official metric, so that the
     * inner choice and the grid choice agree.
     */
    public static String tuneMetric(String task) {
        return metricOf(task);
    }

    /**
     * Runs every task for every classifier and seed (results in that order): the work of
     * {@code stancebench reproduce --task tweeteval}.
     */
    public static List<TweetEvalResult> run(TweetEvalOptions options, Executor executor, Consumer<String> progress)
            throws IOException {
        Path tweeteval = tweetEvalFolder(options.corpora());
        List<ClassifierSource> classifiers = options.classifiers().stream().map(ClassifierSource::registered).toList();
        TreeMap<String, List<ImportedCorpus>> parts = new TreeMap<>();
        for (String task : options.tasks()) {
            progress.accept("importing TweetEval " + task);
            parts.put(task, parts(tweeteval, task, options.perTarget()));
        }
        Corpora corpora = new Corpora(parts);

        // Every candidate fit of every classifier, task, seed and setting, in report order.
        record Cell(ClassifierSource classifier, String task, long seed, List<TreeMap<String, String>> grid) {
        }
        List<Cell> cells = new ArrayList<>();
        List<Fit> fits = new ArrayList<>();
        for (ClassifierSource c : classifiers) {
            for (String task : options.tasks()) {
                List<TreeMap<String, String>> grid = gridOf(options, c.name(), task);
                for (long seed : options.seeds()) {
                    cells.add(new Cell(c, task, seed, grid));
                    for (TreeMap<String, String> settings : grid) {
                        for (int p = 0; p < parts.get(task).size(); p++) {
                            fits.add(new Fit(c, task, p, seed, settings, false));
                        }
                    }
                }
            }
        }
        progress.accept(fits.size() + " fits (classifiers x tasks x seeds x settings x targets) on " + executor.describe());
        List<Tally> tallies = executor.run(new Job<>("TweetEval fits", corpora, fits, TweetEvalReproduction::fit,
                f -> f.task() + " " + f.classifier().name() + " " + parts.get(f.task()).get(f.part()).name() + " "
                        + describe(f.settings()) + ", seed " + f.seed()), progress);

        List<TweetEvalResult> results = new ArrayList<>();
        List<Fit> refits = new ArrayList<>();
        int next = 0;
        for (Cell cell : cells) {
            List<ImportedCorpus> taskParts = parts.get(cell.task());
            List<String> labels = taskParts.get(0).labels();
            String metric = metricOf(cell.task());
            ToDoubleFunction<ConfusionMatrix> score = Metrics.resolve(metric, labels);
            List<TweetEvalResult.Candidate> tried = new ArrayList<>();
            List<TweetEvalResult.TestPredictions> testPredictions = new ArrayList<>();
            int chosen = 0;
            double seconds = 0;
            int testSize = 0;
            for (TreeMap<String, String> settings : cell.grid()) {
                ConfusionMatrix dev = new ConfusionMatrix(labels.size());
                ConfusionMatrix test = new ConfusionMatrix(labels.size());
                Map<String, Map<String, String>> models = new LinkedHashMap<>();
                List<Tally> pooled = new ArrayList<>();
                for (ImportedCorpus part : taskParts) {
                    Tally t = tallies.get(next++);
                    pooled.add(t);
                    add(dev, t.devGold(), t.devPredicted());
                    add(test, t.testGold(), t.testPredicted());
                    models.put(part.name(), t.modelSettings());
                    seconds += t.seconds();
                }
                double devScore = 100 * score.applyAsDouble(dev);
                double testScore = 100 * score.applyAsDouble(test);
                // the test score of every candidate is kept for the record; only val chooses
                progress.accept(String.format(Locale.ROOT, "%s %s %s, seed %d: val %s = %.1f (test %.1f)", cell.task(),
                        cell.classifier().name(), settings, cell.seed(), metric, devScore, testScore));
                tried.add(new TweetEvalResult.Candidate(settings, devScore, testScore, models));
                testPredictions.add(pooledTest(labels, pooled));
                if (devScore > tried.get(chosen).dev()) {
                    chosen = tried.size() - 1;
                }
                testSize = (int) test.total();
            }
            int trainSize = taskParts.stream().mapToInt(p -> (int) p.examples().stream()
                    .filter(e -> e.split().equals("train")).count()).sum();
            if (options.refit()) {
                TweetEvalResult.Candidate best = tried.get(chosen);
                for (int p = 0; p < taskParts.size(); p++) {
                    TreeMap<String, String> settings = new TreeMap<>(best.settings());
                    Map<String, String> inner = best.models().get(taskParts.get(p).name());
                    for (String key : TweetEvalResult.INNER_CHOICES) {
                        if (inner.containsKey(key)) {
                            settings.put(key, inner.get(key));
                        }
                    }
                    refits.add(new Fit(cell.classifier(), cell.task(), p, cell.seed(), settings, true));
                }
            }
            results.add(new TweetEvalResult(cell.task(), cell.classifier().name(), metric,
                    options.perTarget() || !cell.task().equals("stance"), cell.seed(), chosen, tried, trainSize, testSize,
                    seconds, null, testPredictions.get(chosen)));
        }
        if (refits.isEmpty()) {
            return results;
        }
        progress.accept(refits.size() + " refits of the chosen settings on train plus val");
        List<Tally> refitTallies = executor.run(new Job<>("TweetEval refits", corpora, refits, TweetEvalReproduction::fit,
                f -> f.task() + " " + f.classifier().name() + " refit on train+val, seed " + f.seed()), progress);
        List<TweetEvalResult> refitted = new ArrayList<>();
        int r = 0;
        for (TweetEvalResult result : results) {
            List<String> labels = parts.get(result.task()).get(0).labels();
            ConfusionMatrix test = new ConfusionMatrix(labels.size());
            double seconds = result.seconds();
            List<Tally> pooled = new ArrayList<>();
            for (int p = 0; p < parts.get(result.task()).size(); p++) {
                Tally t = refitTallies.get(r++);
                pooled.add(t);
                add(test, t.testGold(), t.testPredicted());
                seconds += t.seconds();
            }
            TweetEvalResult.TestPredictions predictions = pooledTest(labels, pooled);
            double refitTest = 100 * Metrics.resolve(result.metric(), labels).applyAsDouble(test);
            progress.accept(String.format(Locale.ROOT, "%s %s: chosen setting retrained on train+val: test %s = %.1f",
                    result.task(), result.classifier(), result.metric(), refitTest));
            refitted.add(new TweetEvalResult(result.task(), result.classifier(), result.metric(), result.perTarget(),
                    result.seed(), result.chosen(), result.candidates(), result.trainSize(), result.testSize(), seconds,
                    refitTest, predictions));
        }
        return refitted;
    }

    /** The test gold and predicted labels of a task's parts, pooled in part order. */
    private static TweetEvalResult.TestPredictions pooledTest(List<String> labels, List<Tally> tallies) {
        int n = tallies.stream().mapToInt(t -> t.testGold().length).sum();
        int[] gold = new int[n];
        int[] predicted = new int[n];
        int at = 0;
        for (Tally t : tallies) {
            System.arraycopy(t.testGold(), 0, gold, at, t.testGold().length);
            System.arraycopy(t.testPredicted(), 0, predicted, at, t.testPredicted().length);
            at += t.testGold().length;
        }
        return new TweetEvalResult.TestPredictions(labels, gold, predicted);
    }

    /** One fit: train on the part's train split (train plus val for a refit), predict val and test. */
    static Tally fit(Corpora corpora, Fit fit) {
        long start = System.nanoTime();
        ImportedCorpus part = corpora.parts().get(fit.task()).get(fit.part());
        List<String> labels = part.labels();
        TrainingData data;
        if (fit.trainOnVal()) {
            List<LabeledText> all = new ArrayList<>(labeled(part, "train"));
            all.addAll(labeled(part, "dev"));
            data = new TrainingData(labels, all, List.of(), "tweeteval/" + part.name() + "+val");
        } else {
            data = new TrainingData(labels, labeled(part, "train"), labeled(part, "dev"), "tweeteval/" + part.name());
        }
        try (Classifier model = fit.classifier().factory().train(data, new TrainingOptions(fit.seed(), fit.settings(),
                m -> { }))) {
            int[][] dev = fit.trainOnVal() ? new int[][] {{}, {}} : tally(model, labels, part, "dev");
            int[][] test = tally(model, labels, part, "test");
            return new Tally(dev[0], dev[1], test[0], test[1], new TreeMap<>(model.settings()),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** The TweetEval folder under {@code corpora} (or {@code corpora} itself), checked to exist. */
    public static Path tweetEvalFolder(Path corpora) throws IOException {
        Path tweeteval = Files.isDirectory(corpora.resolve("tweeteval")) ? corpora.resolve("tweeteval") : corpora;
        if (!Files.isDirectory(tweeteval.resolve("stance")) && !Files.isDirectory(tweeteval.resolve("irony"))
                && !Files.isDirectory(tweeteval.resolve("emotion"))) {
            throw new IOException(corpora + ": no TweetEval corpus there (expected DIR/tweeteval/ or DIR itself to hold "
                    + "stance/, irony/ and emotion/)");
        }
        return tweeteval;
    }

    /**
     * The default grid of a classifier on a task: the settings {@code reproduce --task tweeteval}
     * chooses from on val unless a grid is given. Keys a classifier does not list here keep its own
     * defaults.
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

    /** The grid of {@code classifier} on {@code task} under {@code options}: given or default, plus fixed settings. */
    static List<TreeMap<String, String>> gridOf(TweetEvalOptions options, String classifier, String task) {
        List<Map<String, String>> base = options.grids().containsKey(classifier)
                ? withTuneMetric(classifier, task, grid(options.grids().get(classifier)))
                : defaultGrid(classifier, task);
        List<TreeMap<String, String>> out = new ArrayList<>();
        for (Map<String, String> g : base) {
            TreeMap<String, String> m = new TreeMap<>(g);
            m.putAll(options.fixed().getOrDefault(classifier, Map.of()));
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
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

    private static List<ImportedCorpus> parts(Path tweeteval, String task, boolean perTarget) throws IOException {
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
        return parts;
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

    /** Gold and predicted label indices (in the task's label order) on one split of a part. */
    private static int[][] tally(Classifier model, List<String> labels, ImportedCorpus part, String split) {
        List<Example> examples = part.examples().stream().filter(e -> e.split().equals(split)).toList();
        List<double[]> probabilities = model.predictProba(examples.stream().map(Example::text).toList());
        List<String> modelLabels = model.labels();
        int[] gold = new int[examples.size()];
        int[] predicted = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            // In the task's label order, so that ties go to the first label as everywhere else.
            double[] p = probabilities.get(i);
            double[] ordered = new double[labels.size()];
            for (int c = 0; c < p.length; c++) {
                ordered[labels.indexOf(modelLabels.get(c))] = p[c];
            }
            gold[i] = labels.indexOf(examples.get(i).label());
            predicted[i] = Probabilities.argmax(ordered);
        }
        return new int[][] {gold, predicted};
    }

    private static void add(ConfusionMatrix into, int[] gold, int[] predicted) {
        for (int i = 0; i < gold.length; i++) {
            into.add(gold[i], predicted[i]);
        }
    }

    private static String describe(Map<String, String> settings) {
        return settings.isEmpty() ? "defaults" : settings.toString();
    }
}
