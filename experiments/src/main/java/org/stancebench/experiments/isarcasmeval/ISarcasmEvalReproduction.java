package org.stancebench.experiments.isarcasmeval;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.Fold;
import org.stancebench.dataset.corpus.ISarcasmEvalImporter;
import org.stancebench.dataset.corpus.StratifiedCarver;
import org.stancebench.dataset.splitting.Splits;
import org.stancebench.eval.Comparisons;
import org.stancebench.eval.RunScorer;
import org.stancebench.eval.RunSpec;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.metrics.ScoredExamples;
import org.stancebench.eval.results.DevChoice;
import org.stancebench.eval.results.FoldScore;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Protocol;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.Job;
import org.stancebench.experiments.protocol.Evaluation;
import org.stancebench.experiments.protocol.Predictor;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Platform;
import org.stancebench.metrics.Metrics;

/**
 * The iSarcasmEval reproduction (SemEval-2022 Task 6, subtask A, English): stratified k-fold
 * cross-validation on the training file {@code train.En.csv} by the official metric, F1 of the
 * sarcastic class, with bootstrap intervals; with a file in the official test layout, the model
 * trained on the whole training file scored on it.
 *
 * <p>Every fit trains on a training part (a fold's training ids, or the whole file) minus a
 * stratified dev split carved from it ({@link StratifiedCarver}, identical texts kept together);
 * everything chosen is chosen on that dev split by F1-sarcastic, never on held-out data: the
 * classifier's own class weights and decision threshold ({@code tune_metric=f1:sarcastic}, see
 * {@code org.stancebench.model.Imbalance}) inside the fit, and the {@code rephrase} setting (each
 * sarcastic training tweet's author-written non-sarcastic rephrase added as a not_sarcastic example,
 * or not) across fits. Every fit (classifier x fold x rephrase value) is one unit on the
 * {@link Executor}; choosing and scoring happen where the reproduction runs, so every executor gives
 * the same results. Deterministic for the same files, classifiers, options and seed.
 */
public final class ISarcasmEvalReproduction {
    /** The official metric: F1 of the sarcastic class. */
    public static final String METRIC = Metrics.F1_PREFIX + "sarcastic";
    /** The classifiers run by default: every trainable one. */
    public static final List<String> DEFAULT_CLASSIFIERS = List.of("tfidf-logreg", "naive-bayes", "fasttext",
            "minilm-probe", "textcnn");
    /** Classifiers that take {@code tune_metric} (and so class weights and a threshold chosen by it). */
    static final Set<String> TUNED_INSIDE = Set.of("tfidf-logreg", "naive-bayes", "fasttext", "textcnn",
            "minilm-probe");
    /** The dataset name in the results file. */
    public static final String DATASET = "isarcasmeval";

    private ISarcasmEvalReproduction() {
    }

    /** The results file (cross-validation runs, then test runs) and every candidate tried on dev. */
    public record Outcome(Results results, List<DevChoice> choices) {
    }

    /** What every unit shares: the training tweets, the folds, the test examples and the options. */
    record Shared(List<ISarcasmEvalImporter.Tweet> train, List<Fold> folds, List<Example> test, long seed,
                  double devFraction, TreeMap<String, TreeMap<String, String>> fixed) implements Serializable {
    }

    /** One fit: a classifier with one rephrase value on one fold's training part (-1: the whole file). */
    record Fit(ClassifierSource classifier, int fold, boolean rephrase) implements Serializable {
    }

    /** What a fit returns: its dev score, sizes, the model's settings and its held-out predictions. */
    record Tally(double dev, int devSize, int trainSize, TreeMap<String, String> model,
                 List<PredictionRecord> predictions) implements Serializable {
    }

    /** The training file under {@code corpora}: DIR/isarcasmeval/train/train.En.csv, DIR/train/train.En.csv, DIR/train.En.csv or DIR. */
    public static Path trainFile(Path corpora) throws IOException {
        for (Path p : List.of(corpora.resolve("isarcasmeval/train/train.En.csv"), corpora.resolve("train/train.En.csv"),
                corpora.resolve("train.En.csv"), corpora)) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException(corpora + ": no iSarcasmEval training file there (expected DIR/isarcasmeval/train/"
                + "train.En.csv, DIR/train/train.En.csv or DIR/train.En.csv)");
    }

    /** Runs the reproduction: the work of {@code stancebench reproduce --task isarcasmeval}. */
    public static Outcome run(ISarcasmEvalOptions options, Executor executor, Consumer<String> progress)
            throws IOException {
        Path trainFile = trainFile(options.corpora());
        progress.accept("reading " + trainFile);
        List<ISarcasmEvalImporter.Tweet> train = ISarcasmEvalImporter.readTrain(trainFile);
        List<ISarcasmEvalImporter.Tweet> testTweets = List.of();
        if (options.test() != null) {
            progress.accept("reading " + options.test());
            testTweets = ISarcasmEvalImporter.readTest(options.test());
        }
        List<String> labels = ISarcasmEvalImporter.LABELS;
        List<Example> examples = new ArrayList<>();
        for (ISarcasmEvalImporter.Tweet t : train) {
            examples.add(example(t, "train", "isarcasmeval/" + trainFile.getFileName()));
        }
        List<Example> test = new ArrayList<>();
        for (ISarcasmEvalImporter.Tweet t : testTweets) {
            test.add(example(t, "test", "isarcasmeval/" + options.test().getFileName()));
        }
        examples.addAll(test);
        List<Splits.Item> items = examples.subList(0, train.size()).stream().map(Splits.Item::of).toList();
        List<Fold> folds = Splits.folds(items, options.seed(), options.folds(), 1);
        String fingerprint = ContentHash.sha256(trainFile)
                + (options.test() == null ? "" : "+" + ContentHash.sha256(options.test()));
        Dataset dataset = new Dataset(DATASET, labels, examples, folds, fingerprint);

        TreeMap<String, TreeMap<String, String>> fixed = new TreeMap<>();
        options.fixed().forEach((k, v) -> fixed.put(k, new TreeMap<>(v)));
        Shared shared = new Shared(train, folds, test, options.seed(), options.devFraction(), fixed);
        List<ClassifierSource> classifiers = options.classifiers().stream().map(ClassifierSource::registered).toList();
        List<Fit> fits = new ArrayList<>();
        for (ClassifierSource c : classifiers) {
            for (int f = test.isEmpty() ? 0 : -1; f < folds.size(); f++) {
                for (boolean r : options.rephrase()) {
                    fits.add(new Fit(c, f, r));
                }
            }
        }
        progress.accept(String.format(Locale.ROOT, "%d training tweets (%d sarcastic), %d folds, %d test tweets; %d fits "
                        + "(classifiers x (folds%s) x rephrase values) on %s", train.size(),
                train.stream().filter(t -> t.label().equals("sarcastic")).count(), folds.size(), test.size(), fits.size(),
                test.isEmpty() ? "" : " + the whole file", executor.describe()));
        List<Tally> tallies = executor.run(new Job<>("iSarcasmEval fits", shared, fits, ISarcasmEvalReproduction::fit,
                f -> f.classifier().name() + (f.fold() < 0 ? " on the whole training file" : " fold " + (f.fold() + 1)
                        + "/" + folds.size()) + ", rephrase=" + f.rephrase()), progress);

        MetricSuite suite = new MetricSuite(labels, METRIC);
        List<RunResult> cvRuns = new ArrayList<>();
        List<RunResult> testRuns = new ArrayList<>();
        List<DevChoice> choices = new ArrayList<>();
        int next = 0;
        int perFold = options.rephrase().size();
        for (ClassifierSource c : classifiers) {
            List<PredictionRecord> cvPredictions = new ArrayList<>();
            List<FoldScore> scores = new ArrayList<>();
            Map<String, List<String>> perFoldChoices = new TreeMap<>();
            for (int f = test.isEmpty() ? 0 : -1; f < folds.size(); f++) {
                int best = next;
                for (int i = next; i < next + perFold; i++) {
                    if (tallies.get(i).dev() > tallies.get(best).dev()) {
                        best = i;
                    }
                }
                for (int i = next; i < next + perFold; i++) {
                    Tally t = tallies.get(i);
                    choices.add(new DevChoice(c.name(), f, Map.of("rephrase", Boolean.toString(fits.get(i).rephrase())),
                            t.dev(), i == best, t.model()));
                }
                Tally chosen = tallies.get(best);
                progress.accept(String.format(Locale.ROOT, "%s %s: rephrase=%s chosen on dev (%s %.4f)", c.name(),
                        f < 0 ? "whole file" : "fold " + (f + 1), fits.get(best).rephrase(), METRIC, chosen.dev()));
                if (f < 0) {
                    TreeMap<String, String> settings = new TreeMap<>(chosen.model());
                    settings.put("rephrase", Boolean.toString(fits.get(best).rephrase()));
                    RunSpec spec = new RunSpec(c.name() + "@test", c.name(), Protocol.split("test"),
                            List.of(options.seed()), settings, null);
                    testRuns.add(RunScorer.score(spec, suite, chosen.predictions(), null, options.bootstrap()));
                } else {
                    cvPredictions.addAll(chosen.predictions());
                    ScoredExamples held = new ScoredExamples(labels, chosen.predictions());
                    scores.add(new FoldScore(0, f, options.seed(), chosen.trainSize(), chosen.predictions().size(),
                            suite.headline(held, held.all())));
                    perFoldChoices.computeIfAbsent("rephrase", k -> new ArrayList<>())
                            .add(Boolean.toString(fits.get(best).rephrase()));
                    for (String key : List.of("class_weight", "threshold")) {
                        perFoldChoices.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(chosen.model().getOrDefault(key, "-"));
                    }
                }
                next += perFold;
            }
            // the run's settings: what was given, and what dev chose in each fold, joined by '/'
            TreeMap<String, String> settings = new TreeMap<>(settingsOf(c.name(), fixed));
            perFoldChoices.forEach((k, v) -> settings.put(k, String.join("/", v)));
            progress.accept(c.name() + ": bootstrap intervals (" + options.bootstrap().resamples() + " resamples)");
            RunSpec spec = new RunSpec(c.name() + "@cv", c.name(), Protocol.cv(folds.size(), 1), List.of(options.seed()),
                    settings, null);
            cvRuns.add(RunScorer.score(spec, suite, cvPredictions, scores, options.bootstrap()));
        }
        List<RunResult> runs = new ArrayList<>(cvRuns);
        runs.addAll(testRuns);
        Platform platform = Platform.current();
        Results results = Evaluation.results("stancebench " + platform.stancebenchVersion(), dataset, runs,
                platform.gitCommit(), Comparisons.Options.defaults());
        return new Outcome(results, choices);
    }

    /** One fit: carve dev from the training part, train (with rephrases when asked), score dev, predict held-out. */
    static Tally fit(Shared shared, Fit fit) {
        List<String> labels = ISarcasmEvalImporter.LABELS;
        List<ISarcasmEvalImporter.Tweet> pool;
        List<Example> heldOut;
        if (fit.fold() < 0) {
            pool = shared.train();
            heldOut = shared.test();
        } else {
            Fold fold = shared.folds().get(fit.fold());
            Map<String, ISarcasmEvalImporter.Tweet> byId = new HashMap<>();
            shared.train().forEach(t -> byId.put(t.id(), t));
            pool = fold.trainIds().stream().map(byId::get).toList();
            heldOut = fold.testIds().stream().map(id -> example(byId.get(id), "train", "isarcasmeval/train")).toList();
        }
        List<String> split = new StratifiedCarver(shared.devFraction(), 0, shared.seed())
                .carve(pool.stream().map(ISarcasmEvalImporter.Tweet::label).toList(),
                        pool.stream().map(ISarcasmEvalImporter.Tweet::text).toList());
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> dev = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            ISarcasmEvalImporter.Tweet t = pool.get(i);
            (split.get(i).equals("dev") ? dev : train).add(new LabeledText(t.id(), t.text(), t.label()));
        }
        if (fit.rephrase()) {
            for (int i = 0; i < pool.size(); i++) {
                ISarcasmEvalImporter.Tweet t = pool.get(i);
                if (split.get(i).equals("train") && t.label().equals("sarcastic") && !t.rephrase().isEmpty()) {
                    train.add(new LabeledText(t.id() + "/rephrase", t.rephrase(), labels.get(0)));
                }
            }
        }
        TrainingData data = new TrainingData(labels, train, dev, "isarcasmeval"
                + (fit.fold() < 0 ? "" : "/fold" + fit.fold()));
        TrainingOptions options = new TrainingOptions(shared.seed(), settingsOf(fit.classifier().name(), shared.fixed()),
                m -> { });
        try (Classifier model = fit.classifier().factory().train(data, options)) {
            int[] gold = new int[dev.size()];
            int[] predicted = new int[dev.size()];
            List<double[]> probs = model.predictProba(dev.stream().map(LabeledText::text).toList());
            for (int i = 0; i < dev.size(); i++) {
                gold[i] = labels.indexOf(dev.get(i).label());
                double[] ordered = new double[labels.size()];
                for (int c = 0; c < ordered.length; c++) {
                    ordered[labels.indexOf(model.labels().get(c))] = probs.get(i)[c];
                }
                predicted[i] = Probabilities.argmax(ordered);
            }
            double devScore = Metrics.criterion(METRIC, labels).applyAsDouble(gold, predicted);
            List<PredictionRecord> predictions = Predictor.predict(model, labels, heldOut, fit.fold() < 0 ? null : 0,
                    shared.seed(), m -> { }, "");
            return new Tally(devScore, dev.size(), train.size(), new TreeMap<>(model.settings()), predictions);
        }
    }

    /** The settings every fit of {@code classifier} gets: the fixed ones plus the official tuning metric. */
    static TreeMap<String, String> settingsOf(String classifier, Map<String, ? extends Map<String, String>> fixed) {
        TreeMap<String, String> s = new TreeMap<>();
        if (fixed.containsKey(classifier)) {
            s.putAll(fixed.get(classifier));
        }
        if (TUNED_INSIDE.contains(classifier)) {
            s.putIfAbsent("tune_metric", METRIC);
        }
        return s;
    }

    private static Example example(ISarcasmEvalImporter.Tweet t, String split, String source) {
        return new Example(t.id(), t.text(), t.label(), "post", source, split, null, ContentHash.sha256(t.text()));
    }
}
