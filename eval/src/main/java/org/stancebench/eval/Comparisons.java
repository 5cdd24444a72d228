package org.stancebench.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.FoldScore;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.RunResult;
import org.stancebench.eval.stats.ApproximateRandomization;
import org.stancebench.eval.stats.CorrectedResampledTTest;
import org.stancebench.eval.stats.Holm;
import org.stancebench.eval.stats.McNemar;
import org.stancebench.metrics.ConfusionMatrix;
import org.stancebench.metrics.Metrics;

/**
 * Paired significance tests between runs on the same examples, with Holm's correction.
 *
 * <p>Two runs on a fixed split are paired by example id (the examples both predicted): accuracy by
 * McNemar's exact test, macro-F1 and the official metric (when it is another) by approximate
 * randomization. Two cross-validation runs are paired by (repeat, fold), each fold's score averaged
 * over the run's seeds, and tested with the corrected resampled t-test on accuracy, macro-F1 and the
 * official metric. Runs of different protocols are not compared. Holm's adjustment is applied within
 * each family of comparisons with the same metric and test. Deterministic for a given seed.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** Significance level, number of randomization shuffles and their seed. */
    public record Options(double alpha, int shuffles, long seed) {
        public Options {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
            }
            if (shuffles < 1) {
                throw new IllegalArgumentException("shuffles must be >= 1: " + shuffles);
            }
        }

        /** alpha 0.05, 10,000 shuffles, seed 20260101. */
        public static Options defaults() {
            return new Options(0.05, ApproximateRandomization.DEFAULT_SHUFFLES, 20260101L);
        }
    }

    /** Every pair of runs (in file order, a before b), Holm-adjusted per metric and test. */
    public static List<Comparison> allPairs(List<RunResult> runs, List<String> labels, Options options) {
        List<Comparison> raw = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                raw.addAll(compare(runs.get(i), runs.get(j), labels, options));
            }
        }
        return holm(raw);
    }

    /**
     * The tests between two runs, each with {@code pHolm = pValue} (a family of one); empty when the
     * runs cannot be paired.
     */
    public static List<Comparison> compare(RunResult a, RunResult b, List<String> labels, Options options) {
        if (a.protocol().isCv() && b.protocol().isCv()) {
            return compareFolds(a, b, options);
        }
        if (!a.protocol().isCv() && !b.protocol().isCv()) {
            return compareExamples(a, b, labels, options);
        }
        return List.of();
    }

    /** Applies Holm's correction within each (metric, test) family, keeping the order. */
    public static List<Comparison> holm(List<Comparison> comparisons) {
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            families.computeIfAbsent(c.metric() + "\u0000" + c.test(), k -> new ArrayList<>()).add(i);
        }
        Comparison[] out = comparisons.toArray(new Comparison[0]);
        for (List<Integer> family : families.values()) {
            double[] p = family.stream().mapToDouble(i -> comparisons.get(i).pValue()).toArray();
            double[] adjusted = Holm.adjust(p);
            for (int k = 0; k < family.size(); k++) {
                out[family.get(k)] = out[family.get(k)].withHolm(adjusted[k]);
            }
        }
        return List.of(out);
    }

    private static List<String> metricsToTest(RunResult a, RunResult b) {
        List<String> metrics = new ArrayList<>(List.of(MetricSuite.ACCURACY, MetricSuite.MACRO_F1));
        if (a.official() != null && b.official() != null && a.official().name().equals(b.official().name())
                && !metrics.contains(a.official().name())) {
            metrics.add(a.official().name());
        }
        return metrics;
    }

    private static List<Comparison> compareExamples(RunResult a, RunResult b, List<String> labels,
                                                    Options options) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        Map<String, PredictionRecord> byIdB = new HashMap<>();
        for (PredictionRecord p : b.predictions()) {
            byIdB.put(p.id(), p);
        }
        List<int[]> rows = new ArrayList<>();
        for (PredictionRecord pa : a.predictions()) {
            PredictionRecord pb = byIdB.get(pa.id());
            if (pb != null && pb.gold().equals(pa.gold())) {
                rows.add(new int[] {index.get(pa.gold()), index.get(pa.predicted()), index.get(pb.predicted())});
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        int n = rows.size();
        int[] gold = new int[n];
        int[] pa = new int[n];
        int[] pb = new int[n];
        for (int i = 0; i < n; i++) {
            gold[i] = rows.get(i)[0];
            pa[i] = rows.get(i)[1];
            pb[i] = rows.get(i)[2];
        }
        int k = labels.size();
        List<Comparison> out = new ArrayList<>();
        long[] discordant = McNemar.discordant(gold, pa, pb);
        double accDiff = (double) (discordant[0] - discordant[1]) / n;
        double p = McNemar.exactPValue(discordant[0], discordant[1]);
        out.add(new Comparison(a.name(), b.name(), MetricSuite.ACCURACY, Comparison.MCNEMAR, accDiff,
                (double) discordant[0], p, p, p < options.alpha(), options.alpha()));
        for (String metric : metricsToTest(a, b)) {
            if (metric.equals(MetricSuite.ACCURACY)) {
                continue;
            }
            ToDoubleFunction<ConfusionMatrix> m = Metrics.resolve(metric, labels);
            ApproximateRandomization.Result r = ApproximateRandomization.test(pa, pb,
                    pred -> m.applyAsDouble(ConfusionMatrix.of(k, gold, pred)), options.shuffles(), options.seed());
            out.add(new Comparison(a.name(), b.name(), metric, Comparison.RANDOMIZATION, r.difference(),
                    Math.abs(r.difference()), r.pValue(), r.pValue(), r.pValue() < options.alpha(), options.alpha()));
        }
        return out;
    }

    private static List<Comparison> compareFolds(RunResult a, RunResult b, Options options) {
        List<Comparison> out = new ArrayList<>();
        for (String metric : metricsToTest(a, b)) {
            Map<String, double[]> fa = foldMeans(a.folds(), metric);
            Map<String, double[]> fb = foldMeans(b.folds(), metric);
            List<Double> diffs = new ArrayList<>();
            double nTrain = 0;
            double nTest = 0;
            for (Map.Entry<String, double[]> e : fa.entrySet()) {
                double[] other = fb.get(e.getKey());
                if (other != null) {
                    diffs.add(e.getValue()[0] - other[0]);
                    nTrain += e.getValue()[1];
                    nTest += e.getValue()[2];
                }
            }
            if (diffs.size() < 2) {
                continue;
            }
            CorrectedResampledTTest.Result r = CorrectedResampledTTest.test(
                    diffs.stream().mapToDouble(Double::doubleValue).toArray(),
                    nTrain / diffs.size(), nTest / diffs.size());
            out.add(new Comparison(a.name(), b.name(), metric, Comparison.CORRECTED_T, r.meanDifference(),
                    r.t(), r.pValue(), r.pValue(), r.pValue() < options.alpha(), options.alpha()));
        }
        return out;
    }

    /** (repeat/fold) -> {score averaged over seeds, nTrain, nTest}, for folds that have the metric. */
    private static Map<String, double[]> foldMeans(List<FoldScore> folds, String metric) {
        Map<String, double[]> sums = new TreeMap<>();
        if (folds == null) {
            return sums;
        }
        for (FoldScore f : folds) {
            Double v = f.scores().get(metric);
            if (v == null) {
                continue;
            }
            double[] s = sums.computeIfAbsent(f.repeat() + "/" + f.fold(), k -> new double[4]);
            s[0] += v;
            s[1] += f.nTrain();
            s[2] += f.nTest();
            s[3]++;
        }
        Map<String, double[]> out = new TreeMap<>();
        sums.forEach((k, s) -> out.put(k, new double[] {s[0] / s[3], s[1] / s[3], s[2] / s[3]}));
        return out;
    }
}
