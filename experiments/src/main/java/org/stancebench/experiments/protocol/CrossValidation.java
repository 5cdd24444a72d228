package org.stancebench.experiments.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.Fold;
import org.stancebench.eval.RunScorer;
import org.stancebench.eval.RunSpec;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.metrics.ScoredExamples;
import org.stancebench.eval.results.FoldScore;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Protocol;
import org.stancebench.eval.results.RunResult;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.Job;
import org.stancebench.experiments.LocalExecutor;

/**
 * Repeated stratified k-fold cross-validation over the dataset's own folds, with several training
 * seeds.
 *
 * <p>Every (seed, fold) pair is one independent unit, run by an {@link Executor}: a fresh model is
 * trained through the classifier factory on the fold's training ids (with no dev examples: the
 * fold's training part is all training data) and predicts the fold's held-out ids. Every example
 * thus gets one out-of-fold prediction per repeat and seed. Fold scores, the run's values and
 * bootstrap intervals are computed here from the pooled out-of-fold predictions (resampling examples,
 * see {@link org.stancebench.eval.stats.Bootstrap}); its mean and standard deviation are over seeds x
 * repeats; its fold scores feed the corrected resampled t-test. Same dataset, classifier, seeds and
 * settings give an equal result on every executor, provided the classifier trains deterministically
 * as the API requires.
 */
public final class CrossValidation {
    /** Training seeds used when none are given: three, for the seed task. */
    public static final List<Long> DEFAULT_SEEDS = List.of(13L, 14L, 15L);

    private CrossValidation() {
    }

    /** What every unit of one cross-validation shares. */
    record Shared(ClassifierSource classifier, Dataset dataset, TreeMap<String, String> settings) implements Serializable {
    }

    /** One unit: the seed and the fold (indices into the seed list and the dataset's folds). */
    record Step(int seedIndex, long seed, int foldIndex, int folds, int seeds) implements Serializable {
    }

    /** What one unit returns: its out-of-fold predictions and the trained model's settings. */
    record Outcome(List<PredictionRecord> predictions, TreeMap<String, String> modelSettings, int trainSize)
            implements Serializable {
    }

    /** Cross-validation of {@code factory} in this JVM, one unit after another. */
    public static RunResult run(ClassifierFactory factory, Dataset dataset, List<Long> seeds,
                                Map<String, String> settings, EvalOptions options) {
        try (LocalExecutor local = LocalExecutor.sequential()) {
            return run(ClassifierSource.of(factory), dataset, seeds, settings, options, local);
        }
    }

    /**
     * Runs cross-validation of {@code classifier} on {@code dataset}, its units on {@code executor}.
     * The run is named {@code CLASSIFIER@cv}.
     *
     * @throws IllegalArgumentException when the dataset has no folds, a fold names an unknown id, or
     *     the seeds are empty
     */
    public static RunResult run(ClassifierSource classifier, Dataset dataset, List<Long> seeds,
                                Map<String, String> settings, EvalOptions options, Executor executor) {
        Objects.requireNonNull(classifier, "classifier");
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("cross-validation needs at least one training seed");
        }
        List<Fold> folds = dataset.folds();
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.name()
                    + " has no cross-validation folds (folds.json is empty)");
        }
        Map<String, Example> byId = byId(dataset);
        for (Fold fold : folds) {
            fold.trainIds().forEach(id -> lookup(byId, id, fold));
            fold.testIds().forEach(id -> lookup(byId, id, fold));
        }
        int k = new TreeSet<>(folds.stream().map(Fold::fold).toList()).size();
        int repeats = new TreeSet<>(folds.stream().map(Fold::repeat).toList()).size();
        MetricSuite suite = Evaluation.suite(dataset, options);

        List<Step> steps = new ArrayList<>();
        for (int s = 0; s < seeds.size(); s++) {
            for (int f = 0; f < folds.size(); f++) {
                steps.add(new Step(s, seeds.get(s), f, folds.size(), seeds.size()));
            }
        }
        String name = classifier.name();
        Job<Shared, Step, Outcome> job = new Job<>(name + " cross-validation",
                new Shared(classifier, dataset, new TreeMap<>(settings)), steps, CrossValidation::unit,
                step -> name + ": fold " + (step.foldIndex() + 1) + "/" + step.folds() + ", seed "
                        + (step.seedIndex() + 1) + "/" + step.seeds() + ": training on "
                        + folds.get(step.foldIndex()).trainIds().size() + ", predicting "
                        + folds.get(step.foldIndex()).testIds().size());
        List<Outcome> outcomes = executor.run(job, options.progress());

        List<PredictionRecord> predictions = new ArrayList<>();
        List<FoldScore> scores = new ArrayList<>();
        TreeMap<String, String> modelSettings = new TreeMap<>(settings);
        modelSettings.putAll(outcomes.get(0).modelSettings());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Fold fold = folds.get(step.foldIndex());
            Outcome outcome = outcomes.get(i);
            predictions.addAll(outcome.predictions());
            ScoredExamples held = new ScoredExamples(dataset.labels(), outcome.predictions());
            scores.add(new FoldScore(fold.repeat(), fold.fold(), step.seed(), outcome.trainSize(),
                    fold.testIds().size(), suite.headline(held, held.all())));
        }
        options.progress().accept(name + ": bootstrap intervals (" + options.bootstrap().resamples() + " resamples)");
        RunSpec spec = new RunSpec(name + "@cv", name, Protocol.cv(k, repeats), seeds, modelSettings, null);
        return RunScorer.score(spec, suite, predictions, scores, options.bootstrap());
    }

    /** One (seed, fold) unit: train on the fold's training part, predict its held-out part. */
    static Outcome unit(Shared shared, Step step) {
        Dataset dataset = shared.dataset();
        Fold fold = dataset.folds().get(step.foldIndex());
        Map<String, Example> byId = byId(dataset);
        List<LabeledText> train = new ArrayList<>();
        for (String id : fold.trainIds()) {
            Example e = lookup(byId, id, fold);
            train.add(new LabeledText(e.id(), e.text(), e.label()));
        }
        List<Example> test = fold.testIds().stream().map(id -> lookup(byId, id, fold)).toList();
        TrainingData data = new TrainingData(dataset.labels(), train, List.of(),
                dataset.fingerprint() == null ? "unknown" : dataset.fingerprint());
        TrainingOptions training = new TrainingOptions(step.seed(), shared.settings(), m -> { });
        try (Classifier model = shared.classifier().factory().train(data, training)) {
            List<PredictionRecord> predictions = Predictor.predict(model, dataset.labels(), test, fold.repeat(),
                    step.seed(), m -> { }, "");
            return new Outcome(predictions, new TreeMap<>(model.settings()), train.size());
        }
    }

    private static Map<String, Example> byId(Dataset dataset) {
        Map<String, Example> byId = new HashMap<>();
        for (Example e : dataset.examples()) {
            byId.put(e.id(), e);
        }
        return byId;
    }

    private static Example lookup(Map<String, Example> byId, String id, Fold fold) {
        Example e = byId.get(id);
        if (e == null) {
            throw new IllegalArgumentException("fold " + fold.repeat() + "/" + fold.fold() + " names example '"
                    + id + "', which is not in the dataset");
        }
        return e;
    }
}
