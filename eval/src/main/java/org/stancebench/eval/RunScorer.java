package org.stancebench.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.metrics.ProbabilityMetrics;
import org.stancebench.eval.metrics.ScoredExamples;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.results.Calibration;
import org.stancebench.eval.results.ClassMetrics;
import org.stancebench.eval.results.Confusion;
import org.stancebench.eval.results.FoldScore;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.OfficialMetric;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.RunResult;
import org.stancebench.eval.stats.Bootstrap;
import org.stancebench.metrics.ConfusionMatrix;

/**
 * Turns a run's predictions into its {@link RunResult}: every headline and per-class metric on the
 * pooled predictions with its bootstrap interval, the confusion matrix, calibration, the official
 * metric and, for cross-validation, the mean and standard deviation over seeds and repeats.
 *
 * <p>Deterministic: the same predictions and bootstrap options give an equal result.
 */
public final class RunScorer {
    private RunScorer() {
    }

    /**
     * Scores {@code predictions}.
     *
     * @param folds per-fold scores for cross-validation, null on a fixed split
     * @throws IllegalArgumentException when there are no predictions or a label is unknown
     */
    public static RunResult score(RunSpec spec, MetricSuite suite, List<PredictionRecord> predictions,
                                  List<FoldScore> folds, BootstrapInfo bootstrap) {
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("run '" + spec.name() + "' has no predictions to score");
        }
        List<String> labels = suite.labels();
        ScoredExamples data = new ScoredExamples(labels, predictions);
        int[] all = data.all();
        Map<String, Double> point = suite.all(data, all);
        List<String> headlineKeys = new ArrayList<>(suite.headline(data, all).keySet());
        Map<String, double[]> ci = Bootstrap.intervals(data, idx -> suite.all(data, idx), bootstrap);
        Map<String, double[]> spread = spec.protocol().isCv() ? spread(suite, data, predictions) : Map.of();

        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        for (String key : headlineKeys) {
            MetricValue v = value(point, ci, key);
            double[] s = spread.get(key);
            metrics.put(key, s == null ? v : v.withSpread(s[0], s[1]));
        }
        ConfusionMatrix matrix = ConfusionMatrix.of(labels.size(), data.gold(), data.predicted());
        Map<String, ClassMetrics> perClass = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            String label = labels.get(c);
            perClass.put(label, new ClassMetrics(value(point, ci, MetricSuite.PRECISION_PREFIX + label),
                    value(point, ci, MetricSuite.RECALL_PREFIX + label),
                    value(point, ci, MetricSuite.F1_PREFIX + label), matrix.support(c)));
        }
        Calibration calibration = data.hasProbs()
                ? ProbabilityMetrics.calibration(data.gold(), data.predicted(), data.probs(), all) : null;
        MetricValue off = metrics.get(suite.official());
        OfficialMetric official = new OfficialMetric(suite.official(), off.value(), off.low(), off.high());
        return new RunResult(spec.name(), spec.classifier(), spec.protocol(), spec.seeds(), spec.settings(),
                bootstrap, spec.provenance(), metrics, perClass, Confusion.of(labels, matrix.counts()),
                calibration, official, folds, predictions);
    }

    private static MetricValue value(Map<String, Double> point, Map<String, double[]> ci, String key) {
        double[] interval = ci.get(key);
        return MetricValue.of(point.get(key), interval[0], interval[1]);
    }

    /**
     * Mean and sample standard deviation of each headline metric over the (seed, repeat) groups of
     * cross-validated predictions; empty when there are fewer than two groups.
     */
    private static Map<String, double[]> spread(MetricSuite suite, ScoredExamples data,
                                                List<PredictionRecord> predictions) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < predictions.size(); i++) {
            PredictionRecord p = predictions.get(i);
            groups.computeIfAbsent(p.seed() + "/" + p.repeat(), k -> new ArrayList<>()).add(i);
        }
        if (groups.size() < 2) {
            return Map.of();
        }
        Map<String, SummaryStatistics> stats = new LinkedHashMap<>();
        for (List<Integer> group : groups.values()) {
            int[] idx = group.stream().mapToInt(Integer::intValue).toArray();
            suite.headline(data, idx).forEach((k, v) ->
                    stats.computeIfAbsent(k, x -> new SummaryStatistics()).addValue(v));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        stats.forEach((k, s) -> out.put(k, new double[] {s.getMean(), s.getStandardDeviation()}));
        return out;
    }
}
