package org.stancebench.experiments.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.Classifier;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.eval.Comparisons;
import org.stancebench.eval.RunScorer;
import org.stancebench.eval.RunSpec;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.DatasetInfo;
import org.stancebench.eval.results.EnvironmentInfo;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Protocol;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;
import org.stancebench.metrics.Metrics;

/**
 * Evaluation of a trained classifier, or of given predictions, on one fixed split of a dataset.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Evaluates {@code classifier} on {@code split} of {@code dataset}. The run is named
     * {@code CLASSIFIER@SPLIT}.
     *
     * @param seeds the seeds the model was trained with, when known (for the record)
     * @param provenance the model's provenance as JSON, or null
     * @throws IllegalArgumentException when the split is empty or the classifier's labels do not fit
     */
    public static RunResult onSplit(Classifier classifier, Dataset dataset, String split, List<Long> seeds,
                                    JsonNode provenance, EvalOptions options) {
        List<Example> examples = examples(dataset, split);
        options.progress().accept("evaluating " + classifier.name() + " on " + split + " (" + examples.size()
                + " examples)");
        List<PredictionRecord> predictions = Predictor.predict(classifier, dataset.labels(), examples, null,
                seeds.size() == 1 ? seeds.get(0) : null, options.progress(), "");
        RunSpec spec = new RunSpec(classifier.name() + "@" + split, classifier.name(), Protocol.split(split),
                seeds, classifier.settings(), provenance);
        return RunScorer.score(spec, suite(dataset, options), predictions, null, options.bootstrap());
    }

    /**
     * Scores predictions made elsewhere (a predictions file) on {@code split}. The predictions must be
     * for examples of that split, already checked against it.
     */
    public static RunResult ofPredictions(String name, Dataset dataset, String split,
                                          List<PredictionRecord> predictions, EvalOptions options) {
        RunSpec spec = new RunSpec(name + "@" + split, name, Protocol.split(split), List.of(), Map.of(), null);
        return RunScorer.score(spec, suite(dataset, options), predictions, null, options.bootstrap());
    }

    /**
     * A results file for {@code runs} on {@code dataset}, with every pair of runs compared
     * ({@link Comparisons#allPairs}) and no benchmarks.
     *
     * @param commit the git commit of StanceBench, or null
     */
    public static Results results(String createdBy, Dataset dataset, List<RunResult> runs, String commit,
                                  Comparisons.Options comparisons) {
        List<Comparison> pairs = runs.size() > 1 ? Comparisons.allPairs(runs, dataset.labels(), comparisons) : List.of();
        return Results.of(createdBy, datasetInfo(dataset), EnvironmentInfo.current(commit), runs, pairs, null);
    }

    /** The metric suite for a dataset: its labels and its official metric (or the one asked for). */
    public static MetricSuite suite(Dataset dataset, EvalOptions options) {
        String official = options.officialMetric() != null ? options.officialMetric()
                : Metrics.defaultFor(dataset.name(), dataset.labels());
        return new MetricSuite(dataset.labels(), official);
    }

    /** The dataset's summary for a results file: name, fingerprint, labels, counts per split. */
    public static DatasetInfo datasetInfo(Dataset dataset) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Example e : dataset.examples()) {
            Map<String, Integer> perLabel = counts.computeIfAbsent(e.split(), s -> {
                Map<String, Integer> m = new LinkedHashMap<>();
                dataset.labels().forEach(l -> m.put(l, 0));
                return m;
            });
            perLabel.merge(e.label(), 1, Integer::sum);
        }
        return new DatasetInfo(dataset.name(), dataset.fingerprint() == null ? "unknown" : dataset.fingerprint(),
                dataset.labels(), counts);
    }

    static List<Example> examples(Dataset dataset, String split) {
        List<Example> examples = dataset.split(split);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no examples in split '"
                    + split + "' (splits: " + dataset.examples().stream().map(Example::split).distinct().toList()
                    + ")");
        }
        return examples;
    }
}
