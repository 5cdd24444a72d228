package org.stancebench.eval.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.stancebench.metrics.ConfusionMatrix;
import org.stancebench.metrics.Metrics;

/**
 * The metrics StanceBench reports for one set of predictions, by name: the headline metrics
 * ({@code accuracy}, {@code macro-f1}, {@code weighted-f1}, {@code kappa}; with probabilities
 * {@code log-loss}, {@code brier}, {@code ece}; and the official metric under its own name) and,
 * in {@link #all}, per-class {@code precision:LABEL}, {@code recall:LABEL}, {@code f1:LABEL}.
 *
 * <p>Immutable and stateless between calls, so it can score bootstrap resamples.
 */
public final class MetricSuite {
    public static final String ACCURACY = Metrics.ACCURACY;
    public static final String MACRO_F1 = Metrics.MACRO_F1;
    public static final String WEIGHTED_F1 = Metrics.WEIGHTED_F1;
    public static final String KAPPA = Metrics.KAPPA;
    public static final String LOG_LOSS = "log-loss";
    public static final String BRIER = "brier";
    public static final String ECE = "ece";
    /** Key prefixes of the per-class entries of {@link #all}. */
    public static final String PRECISION_PREFIX = "precision:";
    public static final String RECALL_PREFIX = "recall:";
    public static final String F1_PREFIX = Metrics.F1_PREFIX;

    private final List<String> labels;
    private final String official;
    private final ToDoubleFunction<ConfusionMatrix> officialMetric;

    /**
     * A suite over {@code labels} with the official metric named {@code official} (see
     * {@link org.stancebench.metrics.Metrics}).
     */
    public MetricSuite(List<String> labels, String official) {
        this.labels = List.copyOf(labels);
        this.official = official;
        this.officialMetric = Metrics.resolve(official, this.labels);
    }

    public List<String> labels() {
        return labels;
    }

    /** The official metric's name. */
    public String official() {
        return official;
    }

    /** The headline metrics of the predictions at {@code indices}. */
    public Map<String, Double> headline(ScoredExamples data, int[] indices) {
        ConfusionMatrix m = ConfusionMatrix.of(labels.size(), data.gold(), data.predicted(), indices);
        return headline(data, indices, m);
    }

    private Map<String, Double> headline(ScoredExamples data, int[] indices, ConfusionMatrix m) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(ACCURACY, m.accuracy());
        out.put(MACRO_F1, m.macroF1());
        out.put(WEIGHTED_F1, m.weightedF1());
        out.put(KAPPA, m.kappa());
        if (data.hasProbs()) {
            double[] p = data.probabilityMetrics(indices);
            out.put(LOG_LOSS, p[0]);
            out.put(BRIER, p[1]);
            out.put(ECE, p[2]);
        }
        out.putIfAbsent(official, officialMetric.applyAsDouble(m));
        return out;
    }

    /** The headline metrics and the per-class precision, recall and F1. */
    public Map<String, Double> all(ScoredExamples data, int[] indices) {
        ConfusionMatrix m = ConfusionMatrix.of(labels.size(), data.gold(), data.predicted(), indices);
        Map<String, Double> out = headline(data, indices, m);
        for (int c = 0; c < labels.size(); c++) {
            out.put(PRECISION_PREFIX + labels.get(c), m.precision(c));
            out.put(RECALL_PREFIX + labels.get(c), m.recall(c));
            out.putIfAbsent(F1_PREFIX + labels.get(c), m.f1(c));
        }
        return out;
    }
}
