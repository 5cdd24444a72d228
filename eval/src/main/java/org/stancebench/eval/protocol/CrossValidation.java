package org.stancebench.eval.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/**
 * Repeated stratified k-fold cross-validation over the dataset's own folds, with several training
 * seeds.
 *
 * <p>For every seed and every fold, a fresh model is trained through the {@link ClassifierFactory}
 * on the fold's training ids (with no dev examples: the fold's training part is all training data)
 * and predicts the fold's held-out ids. Every example thus gets one out-of-fold prediction per repeat
 * and seed. The run's values and bootstrap intervals come from all pooled out-of-fold predictions
 * (resampling examples, see {@link org.stancebench.eval.stats.Bootstrap}); its mean and standard
 * deviation are over seeds x repeats; its fold scores feed the corrected resampled t-test. Same
 * dataset, factory, seeds and settings give an equal result, provided the classifier trains
 * deterministically as the API requires.
 */
public final class CrossValidation {
    /** Training seeds used when none are given: three, for the seed task. */
    public static final List<Long> DEFAULT_SEEDS = List.of(13L, 14L, 15L);

    private CrossValidation() {
    }

    /**
     * Runs cross-validation of the classifier family {@code factory} on {@code dataset}. The run is
     * named {@code CLASSIFIER@cv}.
     *
     * @throws IllegalArgumentException when the dataset has no folds, a fold names an unknown id, or
     *     the seeds are empty
     */
    public static RunResult run(ClassifierFactory factory, Dataset dataset, List<Long> seeds,
                                Map<String, String> settings, EvalOptions options) {
        Objects.requireNonNull(factory, "factory");
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("cross-validation needs at least one training seed");
        }
        List<Fold> folds = dataset.folds();
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.name()
                    + " has no cross-validation folds (folds.json is empty)");
        }
        Map<String, Example> byId = new HashMap<>();
        for (Example e : dataset.examples()) {
            byId.put(e.id(), e);
        }
        int k = new TreeSet<>(folds.stream().map(Fold::fold).toList()).size();
        int repeats = new TreeSet<>(folds.stream().map(Fold::repeat).toList()).size();
        MetricSuite suite = Evaluation.suite(dataset, options);

        List<PredictionRecord> predictions = new ArrayList<>();
        List<FoldScore> scores = new ArrayList<>();
        Map<String, String> modelSettings = new java.util.TreeMap<>(settings);
        int step = 0;
        int steps = folds.size() * seeds.size();
        for (int s = 0; s < seeds.size(); s++) {
            long seed = seeds.get(s);
            for (int f = 0; f < folds.size(); f++) {
                Fold fold = folds.get(f);
                step++;
                String where = "fold " + (f + 1) + "/" + folds.size() + ", seed " + (s + 1) + "/" + seeds.size();
                options.progress().accept(factory.name() + ": " + where + " (" + step + "/" + steps + "): training on "
                        + fold.trainIds().size() + ", predicting " + fold.testIds().size());
                List<LabeledText> train = new ArrayList<>();
                for (String id : fold.trainIds()) {
                    Example e = lookup(byId, id, fold);
                    train.add(new LabeledText(e.id(), e.text(), e.label()));
                }
                List<Example> test = fold.testIds().stream().map(id -> lookup(byId, id, fold)).toList();
                TrainingData data = new TrainingData(dataset.labels(), train, List.of(),
                        dataset.fingerprint() == null ? "unknown" : dataset.fingerprint());
                TrainingOptions training = new TrainingOptions(seed, settings, m -> { });
                List<PredictionRecord> foldPredictions;
                try (Classifier model = factory.train(data, training)) {
                    if (s == 0 && f == 0) {
                        modelSettings.putAll(model.settings());
                    }
                    foldPredictions = Predictor.predict(model, dataset.labels(), test, fold.repeat(), seed,
                            m -> { }, "");
                }
                predictions.addAll(foldPredictions);
                ScoredExamples held = new ScoredExamples(dataset.labels(), foldPredictions);
                scores.add(new FoldScore(fold.repeat(), fold.fold(), seed, train.size(), test.size(),
                        suite.headline(held, held.all())));
            }
        }
        options.progress().accept(factory.name() + ": bootstrap intervals ("
                + options.bootstrap().resamples() + " resamples)");
        RunSpec spec = new RunSpec(factory.name() + "@cv", factory.name(), Protocol.cv(k, repeats), seeds,
                modelSettings, null);
        return RunScorer.score(spec, suite, predictions, scores, options.bootstrap());
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
