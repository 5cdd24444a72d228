package org.stancebench.cli;

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
     * One task's result.
     *
     * @param task stance, irony or emotion
     * @param classifier the registered classifier name
     * @param metric the official metric's name
     * @param perTarget whether stance was trained one model per target
     * @param dev the chosen settings' official metric on val, x100
     * @param test the official metric on test, x100
     * @param settings the chosen settings (grid values only; the rest are the classifier's defaults)
     * @param candidates how many settings were tried
     * @param trainSize training examples (all targets)
     * @param testSize test examples (all targets)
     * @param seconds wall-clock seconds for the whole task, grid included
     */
    public record TaskResult(String task, String classifier, String metric, boolean perTarget, double dev,
                             double test, Map<String, String> settings, int candidates, int trainSize,
                             int testSize, double seconds) {
        public TaskResult {
            settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings)); // sorted for printing
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

        double bestDev = Double.NEGATIVE_INFINITY;
        Map<String, String> best = null;
        ConfusionMatrix bestTest = null;
        for (Map<String, String> settings : candidates) {
            ConfusionMatrix dev = new ConfusionMatrix(labels.size());
            ConfusionMatrix test = new ConfusionMatrix(labels.size());
            for (ImportedCorpus part : parts) {
                TrainingData data = new TrainingData(labels, labeled(part, "train"), labeled(part, "dev"),
                        "tweeteval/" + part.name());
                TrainingOptions options = new TrainingOptions(seed, settings, progress);
                try (Classifier model = factory.train(data, options)) {
                    tally(model, labels, part, "dev", dev);
                    tally(model, labels, part, "test", test);
                }
            }
            double devScore = score.applyAsDouble(dev);
            // the test score of every candidate is shown for the record; only val chooses
            progress.accept(String.format(Locale.ROOT, "%s %s %s: val %s = %.1f (test %.1f)", task, factory.name(),
                    settings, metric, 100 * devScore, 100 * score.applyAsDouble(test)));
            if (devScore > bestDev) {
                bestDev = devScore;
                best = settings;
                bestTest = test;
            }
        }
        int trainSize = parts.stream().mapToInt(p -> p.examples().stream().filter(e -> e.split().equals("train"))
                .mapToInt(e -> 1).sum()).sum();
        return new TaskResult(task, factory.name(), metric, perTarget || !task.equals("stance"), 100 * bestDev,
                100 * score.applyAsDouble(bestTest), best, candidates.size(), trainSize, (int) bestTest.total(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs every task for every classifier, in that order: the entry point for
     * {@code stancebench reproduce --task tweeteval}.
     *
     * @param corpora the folder holding {@code tweeteval/}, or the tweeteval folder itself
     * @param grids per classifier name, the settings to choose from on val (absent: the defaults)
     */
    public static List<TaskResult> runAll(Path corpora, List<String> classifiers, List<String> tasks, long seed,
                                          Map<String, List<Map<String, String>>> grids, boolean perTarget,
                                          java.util.function.Function<String, ClassifierFactory> registry,
                                          Consumer<String> progress) throws IOException {
        Path tweeteval = Files.isDirectory(corpora.resolve("tweeteval")) ? corpora.resolve("tweeteval") : corpora;
        if (!Files.isDirectory(tweeteval)) {
            throw new IOException(corpora + ": no such folder (expected the folder holding tweeteval/)");
        }
        for (String task : tasks) {
            metricOf(task);
        }
        List<TaskResult> results = new ArrayList<>();
        for (String name : classifiers) {
            ClassifierFactory factory = registry.apply(name);
            List<Map<String, String>> grid = grids.getOrDefault(name, List.of(Map.of()));
            for (String task : tasks) {
                progress.accept("tweeteval " + task + " with " + name + " (" + grid.size() + " setting(s))");
                results.add(run(tweeteval, task, factory, grid, seed, perTarget, m -> progress.accept("  " + m)));
            }
        }
        return results;
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
            double[] p = probabilities.get(i);
            int arg = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[arg]) {
                    arg = c;
                }
            }
            into.add(labels.indexOf(examples.get(i).label()), labels.indexOf(modelLabels.get(arg)));
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

    /** The results as a Markdown table beside the published reference rows. */
    public static String markdown(List<TaskResult> results) {
        StringBuilder md = new StringBuilder("| task | metric | classifier | val | test (ours) | published | "
                + "reference row | difference | settings chosen on val |\n|---|---|---|---:|---:|---:|---|---:|---|\n");
        for (TaskResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s%s | %s | %s | %.1f | %.1f | %.1f | %s | %+.1f | %s |%n",
                    r.task(), r.task().equals("stance") ? (r.perTarget() ? " (per target)" : " (pooled model)") : "",
                    r.metric(), r.classifier(), r.dev(), r.test(), r.published(), referenceRow(r.classifier()),
                    r.test() - r.published(), r.settings().isEmpty() ? "defaults" : r.settings().toString()));
        }
        return md.toString();
    }
}
