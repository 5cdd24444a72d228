package org.stancebench.eval.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The evaluation of one classifier under one protocol: its metrics with intervals, per-class scores,
 * confusion matrix, calibration, official metric, every prediction, and for cross-validation the
 * per-fold scores.
 *
 * <p>Immutable. Metric names are the keys documented in {@code docs/results-schema.md}
 * ({@code accuracy}, {@code macro-f1}, {@code weighted-f1}, {@code kappa}, and when probabilities are
 * known {@code log-loss}, {@code brier}, {@code ece}; plus the official metric's name).
 *
 * @param name unique name of the run inside its file, referenced by comparisons
 * @param classifier the classifier's registered name (or a name given to a predictions file)
 * @param seeds training seeds (empty when unknown, for example for a predictions file)
 * @param settings the classifier's settings
 * @param provenance the trained model's provenance record as JSON, or null
 * @param calibration null when the predictions carry no probabilities
 * @param official the task's official metric, or null when none is defined
 * @param folds per-fold scores for cross-validation, null on a fixed split
 */
@JsonPropertyOrder({"name", "classifier", "protocol", "seeds", "settings", "bootstrap", "provenance",
    "metrics", "official", "perClass", "confusion", "calibration", "folds", "predictions"})
public record RunResult(String name, String classifier, Protocol protocol, List<Long> seeds,
                        Map<String, String> settings, BootstrapInfo bootstrap,
                        @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode provenance,
                        Map<String, MetricValue> metrics, Map<String, ClassMetrics> perClass,
                        Confusion confusion, @JsonInclude(JsonInclude.Include.ALWAYS) Calibration calibration,
                        @JsonInclude(JsonInclude.Include.ALWAYS) OfficialMetric official,
                        @JsonInclude(JsonInclude.Include.ALWAYS) List<FoldScore> folds,
                        List<PredictionRecord> predictions) {
    public RunResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(confusion, "confusion");
        seeds = List.copyOf(seeds == null ? List.of() : seeds);
        settings = Collections.unmodifiableMap(new TreeMap<>(settings == null ? Map.of() : settings));
        if (provenance != null && provenance.isNull()) {
            provenance = null;
        }
        metrics = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(metrics, "metrics")));
        perClass = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(perClass, "perClass")));
        predictions = List.copyOf(predictions == null ? List.of() : predictions);
        folds = folds == null ? null : List.copyOf(folds);
        if (protocol.isCv() && folds == null) {
            throw new IllegalArgumentException("run '" + name + "': a cv run needs its fold scores");
        }
        for (String label : perClass.keySet()) {
            if (!confusion.labels().contains(label)) {
                throw new IllegalArgumentException("run '" + name + "': perClass names unknown label " + label);
            }
        }
        if (official != null && !metrics.containsKey(official.name())) {
            throw new IllegalArgumentException("run '" + name + "': official metric " + official.name()
                    + " is missing from metrics");
        }
    }

    /** The metric {@code key}, or an error naming the run and the metrics it has. */
    public MetricValue metric(String key) {
        MetricValue m = metrics.get(key);
        if (m == null) {
            throw new IllegalArgumentException("run '" + name + "' has no metric '" + key + "' (has "
                    + metrics.keySet() + ")");
        }
        return m;
    }
}
