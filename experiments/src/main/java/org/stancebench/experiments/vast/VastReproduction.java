package org.stancebench.experiments.vast;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.Probabilities;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.corpus.ImportOptions;
import org.stancebench.dataset.corpus.ImportedCorpus;
import org.stancebench.dataset.corpus.VastImporter;
import org.stancebench.eval.metrics.ScoredExamples;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.VastResult;
import org.stancebench.eval.stats.Bootstrap;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.Job;
import org.stancebench.experiments.tweeteval.TweetEvalReproduction;
import org.stancebench.metrics.ConfusionMatrix;
import org.stancebench.metrics.Metrics;

/**
 * The VAST reproduction: trains registered classifiers on VAST's train file (dev carved from it),
 * chooses each classifier's setting from a grid by macro-F1 on dev, and scores the official test
 * file by VAST's metric, macro-F1 over con, pro and neutral ({@link Metrics#MACRO_F1_ALL}, as the
 * paper's code computes it), overall and on the zero-shot ({@code seen?} = 0) and few-shot
 * ({@code seen?} = 1) rows, with percentile-bootstrap intervals.
 *
 * <p>Inputs follow the importer's convention {@code topic + " [SEP] " + post}
 * ({@link VastImporter#DEFAULT_SEPARATOR}); the MiniLM classifiers split it again through their
 * {@code topicSeparator} setting, the others read it as one text. Dev is the importer's: 15% of the
 * train file, stratified by label, every row of one post on one side; dev rows whose topic has no
 * training row are dev's zero-shot subset, scored for the record. Every fit (classifier x seed x
 * setting) is one unit on the {@link Executor}; choosing and scoring happen where the reproduction
 * runs, so every executor gives the same results. Guarantees: deterministic for a given corpus,
 * classifier, grid and seed; a prediction is the label of highest probability, ties going to the
 * first label (con, pro, neutral).
 */
public final class VastReproduction {
    /** The metric: macro-F1 over all three labels, an absent label scoring 0. */
    public static final String METRIC = Metrics.MACRO_F1_ALL;

    /** The floors, the linear baseline and the two MiniLM classifiers, in report order. */
    public static final List<String> DEFAULT_CLASSIFIERS = List.of("majority", "stratified", "tfidf-logreg",
            "minilm-zeroshot", "minilm-probe");

    /** The separator between topic and post in every input. */
    public static final String SEPARATOR = VastImporter.DEFAULT_SEPARATOR;

    private VastReproduction() {
    }

    /**
     * What every fit shares: the label set, the imported examples (train, dev and test) and, per
     * test example id, whether it is few-shot. Serializable (an {@link ImportedCorpus} is not), so
     * that any executor can ship it.
     */
    record Corpus(List<String> labels, List<Example> examples, TreeMap<String, Boolean> fewShot) implements Serializable {
        Corpus {
            labels = new ArrayList<>(labels);
            examples = new ArrayList<>(examples);
        }
    }

    /** One fit: a classifier with one setting and seed. */
    record Fit(ClassifierSource classifier, long seed, TreeMap<String, String> settings) implements Serializable {
    }

    /** What a fit returns: predicted label indices on dev and test, the model's settings, its time. */
    record Tally(int[] dev, int[] test, TreeMap<String, String> modelSettings, double seconds) implements Serializable {
    }

    /** The VAST folder under {@code corpora} (or {@code corpora} itself), checked to hold both files. */
    public static Path vastFolder(Path corpora) throws IOException {
        Path vast = Files.isDirectory(corpora.resolve("vast")) ? corpora.resolve("vast") : corpora;
        if (!Files.isRegularFile(vast.resolve("vast_train.csv")) || !Files.isRegularFile(vast.resolve("vast_test.csv"))) {
            throw new IOException(corpora + ": no VAST corpus there (expected DIR/vast/ or DIR itself to hold "
                    + "vast_train.csv and vast_test.csv)");
        }
        return vast;
    }

    /**
     * The default grid of a classifier: the settings {@code reproduce --task vast} chooses from on
     * dev unless a grid is given.
     * <ul>
     *   <li>{@code minilm-zeroshot}: {@code topicSeparator} set, {@code embed} text / input (the
     *       post alone, or topic and post together, compared with the topic's label descriptions);</li>
     *   <li>{@code minilm-probe}: {@code topicSeparator} set, {@code topicInput} joint / pair (topic
     *       and post embedded as one text, or apart with their product);</li>
     *   <li>{@code tfidf-logreg}: {@code sublinear_tf} false / true with word 1-2-grams,
     *       {@code min_df=2}, no character n-grams, {@code C=1} and balanced class weights (the
     *       paper's BoWV setting: scikit-learn's default C with {@code class_weight="balanced"}); the
     *       topic's words are features beside the post's. Its inner tuning of C and class weights (14
     *       fits per setting) did not finish one setting in 9 minutes on VAST's 11,443 comments on
     *       the shared 2 cores, and character n-grams took an 8 GB heap (docs/vast.md);</li>
     *   <li>any other classifier: its defaults (one setting).</li>
     * </ul>
     */
    public static List<Map<String, String>> defaultGrid(String classifier) {
        return switch (classifier) {
            case "minilm-zeroshot" -> List.of(topic("embed", "text"), topic("embed", "input"));
            case "minilm-probe" -> List.of(topic("topicInput", "joint"), topic("topicInput", "pair"));
            case "tfidf-logreg" -> TweetEvalReproduction.grid(Map.of("min_df", List.of("2"), "char_ngrams", List.of("0"),
                    "C", List.of("1"), "class_weight", List.of("balanced"), "sublinear_tf", List.of("false", "true")));
            default -> List.of(Map.of());
        };
    }

    private static Map<String, String> topic(String key, String value) {
        return new TreeMap<>(Map.of("topicSeparator", SEPARATOR, key, value));
    }

    /** The grid of {@code classifier} under {@code options}: given or default, plus fixed settings. */
    static List<TreeMap<String, String>> gridOf(VastOptions options, String classifier) {
        List<Map<String, String>> base = options.grids().containsKey(classifier)
                ? TweetEvalReproduction.grid(options.grids().get(classifier)) : defaultGrid(classifier);
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

    /**
     * Runs every classifier for every seed (results in that order): the work of
     * {@code stancebench reproduce --task vast}.
     */
    public static List<VastResult> run(VastOptions options, Executor executor, Consumer<String> progress)
            throws IOException {
        Path vast = vastFolder(options.corpora());
        List<ClassifierSource> classifiers = options.classifiers().stream().map(ClassifierSource::registered).toList();
        progress.accept("importing VAST from " + vast);
        ImportedCorpus corpus = VastImporter.importFolder(vast, SEPARATOR, ImportOptions.defaults());
        Map<Integer, Boolean> flags = VastImporter.fewShot(vast.resolve("vast_test.csv"));
        TreeMap<String, Boolean> fewShot = new TreeMap<>();
        for (Example e : split(corpus.examples(), "test")) {
            fewShot.put(e.id(), flags.get(Integer.parseInt(e.id().substring(e.id().lastIndexOf('/') + 1))));
        }
        Corpus shared = new Corpus(corpus.labels(), corpus.examples(), fewShot);
        List<String> labels = corpus.labels();
        List<Example> train = split(corpus.examples(), "train");
        List<Example> dev = split(corpus.examples(), "dev");
        List<Example> test = split(corpus.examples(), "test");
        Set<String> trainTopics = new HashSet<>();
        train.forEach(e -> trainTopics.add(e.group()));
        boolean[] devZero = new boolean[dev.size()];
        int devZeroCount = 0;
        for (int i = 0; i < dev.size(); i++) {
            devZero[i] = !trainTopics.contains(dev.get(i).group());
            devZeroCount += devZero[i] ? 1 : 0;
        }
        int[] devGold = gold(dev, labels);
        int[] testGold = gold(test, labels);
        progress.accept(String.format(Locale.ROOT, "VAST: %d train, %d dev (%d zero-shot topics), %d test rows "
                        + "(%d zero-shot, %d few-shot)", train.size(), dev.size(), devZeroCount, test.size(),
                fewShot.values().stream().filter(f -> !f).count(), fewShot.values().stream().filter(f -> f).count()));

        record Cell(ClassifierSource classifier, long seed, List<TreeMap<String, String>> grid) {
        }
        List<Cell> cells = new ArrayList<>();
        List<Fit> fits = new ArrayList<>();
        for (ClassifierSource c : classifiers) {
            List<TreeMap<String, String>> grid = gridOf(options, c.name());
            for (long seed : options.seeds()) {
                cells.add(new Cell(c, seed, grid));
                for (TreeMap<String, String> settings : grid) {
                    fits.add(new Fit(c, seed, settings));
                }
            }
        }
        progress.accept(fits.size() + " fits (classifiers x seeds x settings) on " + executor.describe());
        List<Tally> tallies = executor.run(new Job<>("VAST fits", shared, fits, VastReproduction::fit,
                f -> f.classifier().name() + " " + (f.settings().isEmpty() ? "defaults" : f.settings().toString())
                        + ", seed " + f.seed()), progress);

        List<VastResult> results = new ArrayList<>();
        int next = 0;
        for (Cell cell : cells) {
            List<VastResult.Candidate> tried = new ArrayList<>();
            List<Tally> cellTallies = new ArrayList<>();
            int chosen = 0;
            double seconds = 0;
            for (TreeMap<String, String> settings : cell.grid()) {
                Tally t = tallies.get(next++);
                cellTallies.add(t);
                seconds += t.seconds();
                double devAll = 100 * macroF1(labels.size(), devGold, t.dev(), null);
                double devZeroShot = 100 * macroF1(labels.size(), devGold, t.dev(), devZero);
                double testAll = 100 * macroF1(labels.size(), testGold, t.test(), null);
                progress.accept(String.format(Locale.ROOT, "%s %s, seed %d: dev %s = %.1f (zero-shot %.1f; test %.1f)",
                        cell.classifier().name(), settings, cell.seed(), METRIC, devAll, devZeroShot, testAll));
                tried.add(new VastResult.Candidate(settings, devAll, devZeroShot, testAll, t.modelSettings()));
                if (devAll > tried.get(chosen).dev()) {
                    chosen = tried.size() - 1;
                }
            }
            Tally best = cellTallies.get(chosen);
            Map<String, VastResult.Score> scores = new LinkedHashMap<>();
            for (String subset : VastResult.SUBSETS) {
                scores.put(subset, score(labels, test, best.test(), fewShot, subset));
            }
            results.add(new VastResult(cell.classifier().name(), cell.seed(), chosen, tried, train.size(), dev.size(),
                    devZeroCount, scores, seconds));
        }
        return results;
    }

    /** One fit: train on train (dev for early stopping and inner tuning), predict dev and test. */
    static Tally fit(Corpus shared, Fit fit) {
        long start = System.nanoTime();
        List<String> labels = shared.labels();
        TrainingData data = new TrainingData(labels, labeled(shared.examples(), "train"),
                labeled(shared.examples(), "dev"), "vast");
        try (Classifier model = fit.classifier().factory().train(data, new TrainingOptions(fit.seed(), fit.settings(),
                m -> { }))) {
            int[] dev = predict(model, labels, split(shared.examples(), "dev"));
            int[] test = predict(model, labels, split(shared.examples(), "test"));
            return new Tally(dev, test, new TreeMap<>(model.settings()), (System.nanoTime() - start) / 1e9);
        }
    }

    /** The test score of one subset, x100, with its bootstrap interval (Bootstrap's defaults). */
    static VastResult.Score score(List<String> labels, List<Example> test, int[] predicted,
                                  Map<String, Boolean> fewShot, String subset) {
        List<PredictionRecord> records = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Example e = test.get(i);
            boolean few = fewShot.get(e.id());
            if (subset.equals("all") || few == subset.equals("few-shot")) {
                records.add(new PredictionRecord(e.id(), e.label(), labels.get(predicted[i]), null, null, null));
            }
        }
        ScoredExamples data = new ScoredExamples(labels, records);
        double value = ConfusionMatrix.of(labels.size(), data.gold(), data.predicted()).macroF1OverAllLabels();
        double[] interval = Bootstrap.intervals(data, idx -> Map.of(METRIC,
                ConfusionMatrix.of(labels.size(), data.gold(), data.predicted(), idx).macroF1OverAllLabels()),
                Bootstrap.defaults()).get(METRIC);
        return new VastResult.Score(100 * value, 100 * interval[0], 100 * interval[1], records.size());
    }

    /** Macro-F1 over all labels of the rows {@code keep} marks (all rows when null). */
    static double macroF1(int k, int[] gold, int[] predicted, boolean[] keep) {
        ConfusionMatrix m = new ConfusionMatrix(k);
        for (int i = 0; i < gold.length; i++) {
            if (keep == null || keep[i]) {
                m.add(gold[i], predicted[i]);
            }
        }
        return m.macroF1OverAllLabels();
    }

    private static List<Example> split(List<Example> examples, String split) {
        return examples.stream().filter(e -> e.split().equals(split)).toList();
    }

    private static List<LabeledText> labeled(List<Example> examples, String split) {
        return split(examples, split).stream().map(e -> new LabeledText(e.id(), e.text(), e.label())).toList();
    }

    private static int[] gold(List<Example> examples, List<String> labels) {
        return examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    }

    /** Predicted label indices in the corpus's label order (ties to the first label). */
    private static int[] predict(Classifier model, List<String> labels, List<Example> examples) {
        List<double[]> probabilities = model.predictProba(examples.stream().map(Example::text).toList());
        List<String> modelLabels = model.labels();
        int[] out = new int[examples.size()];
        for (int i = 0; i < out.length; i++) {
            double[] p = probabilities.get(i);
            double[] ordered = new double[labels.size()];
            for (int c = 0; c < p.length; c++) {
                ordered[labels.indexOf(modelLabels.get(c))] = p[c];
            }
            out[i] = Probabilities.argmax(ordered);
        }
        return out;
    }
}
