package org.stancebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.results.Calibration;
import org.stancebench.eval.results.CalibrationBin;
import org.stancebench.eval.results.ClassMetrics;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.Confusion;
import org.stancebench.eval.results.DatasetInfo;
import org.stancebench.eval.results.EnvironmentInfo;
import org.stancebench.eval.results.FoldScore;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Protocol;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;

/**
 * Builds small results files in memory for the report and gate tests. Metric values are computed
 * here from the predictions (accuracy and macro-F1 by their definitions); intervals are fixed
 * ±0.1 around the value, since the renderers only display them.
 */
final class Fixtures {
    static final List<String> LABELS = List.of("hopeful", "skeptical", "sarcastic", "neutral");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** {@code n} gold labels cycling through the label set. */
    static List<String> gold(int n) {
        List<String> g = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            g.add(LABELS.get(i % LABELS.size()));
        }
        return g;
    }

    /** Gold labels with the first {@code wrong} examples predicted as the next label (so wrong). */
    static List<String> predictions(List<String> gold, int wrong) {
        List<String> p = new ArrayList<>(gold);
        for (int i = 0; i < wrong; i++) {
            p.set(i, LABELS.get((LABELS.indexOf(gold.get(i)) + 1) % LABELS.size()));
        }
        return p;
    }

    /** A test-split run of {@code classifier} with the given predictions. */
    static RunResult splitRun(String classifier, List<String> gold, List<String> predicted) {
        return run(classifier + "@test", classifier, Protocol.split("test"), gold, predicted, null);
    }

    /** A cross-validation run (5 folds × 1 repeat) of {@code classifier} with the given predictions. */
    static RunResult cvRun(String classifier, List<String> gold, List<String> predicted) {
        List<FoldScore> folds = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            folds.add(new FoldScore(0, f, 13, 40, 10, Map.of("accuracy", 0.5 + 0.01 * f)));
        }
        return run(classifier + "@cv", classifier, Protocol.cv(5, 1), gold, predicted, folds);
    }

    static RunResult run(String name, String classifier, Protocol protocol, List<String> gold, List<String> predicted,
                         List<FoldScore> folds) {
        int k = LABELS.size();
        long[][] confusion = new long[k][k];
        List<PredictionRecord> preds = new ArrayList<>();
        long correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            int g = LABELS.indexOf(gold.get(i));
            int p = LABELS.indexOf(predicted.get(i));
            confusion[g][p]++;
            correct += g == p ? 1 : 0;
            List<Double> probs = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                probs.add(j == p ? 0.7 : 0.1);
            }
            preds.add(new PredictionRecord("seed/x" + i, gold.get(i), predicted.get(i), probs,
                    protocol.isCv() ? 0 : null, 13L));
        }
        Map<String, ClassMetrics> perClass = new LinkedHashMap<>();
        double f1Sum = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long fp = 0;
            long fn = 0;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    fp += confusion[o][c];
                    fn += confusion[c][o];
                }
            }
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            f1Sum += f1;
            perClass.put(LABELS.get(c), new ClassMetrics(mv(precision), mv(recall), mv(f1), tp + fn));
        }
        double accuracy = (double) correct / gold.size();
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", protocol.isCv() ? mv(accuracy).withSpread(accuracy, 0.02) : mv(accuracy));
        metrics.put("macro-f1", protocol.isCv() ? mv(f1Sum / k).withSpread(f1Sum / k, 0.03) : mv(f1Sum / k));
        metrics.put("kappa", mv(0.5));
        metrics.put("ece", mv(Math.abs(0.7 - accuracy)));
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < 15; b++) {
            boolean full = b == 10;
            bins.add(new CalibrationBin(b / 15.0, (b + 1) / 15.0, full ? gold.size() : 0, full ? 0.7 : 0,
                    full ? accuracy : 0));
        }
        return new RunResult(name, classifier, protocol, List.of(13L), Map.of("epochs", "3"),
                new BootstrapInfo(1000, 20260101L, false, 0.95), provenance(classifier, protocol), metrics, perClass,
                Confusion.of(LABELS, confusion), new Calibration(bins, Math.abs(0.7 - accuracy)), null, folds, preds);
    }

    /** A DJL engine in the provenance of tfidf-logreg's split run (so the reports can show it); null otherwise. */
    private static JsonNode provenance(String classifier, Protocol protocol) {
        if (!classifier.equals("tfidf-logreg") || protocol.isCv()) {
            return null;
        }
        var p = JSON.createObjectNode();
        p.put("djlEngine", "OnnxRuntime");
        p.put("djlEngineVersion", "1.29.0");
        p.put("djlVersion", "0.36.0");
        return p;
    }

    private static MetricValue mv(double v) {
        return MetricValue.of(v, Math.max(0, v - 0.1), Math.min(1, v + 0.1));
    }

    static DatasetInfo dataset(String fingerprint) {
        return new DatasetInfo("seed", fingerprint, LABELS,
                Map.of("train", Map.of("hopeful", 10, "skeptical", 9, "sarcastic", 8, "neutral", 7),
                        "test", Map.of("hopeful", 3, "skeptical", 3, "sarcastic", 2, "neutral", 4)));
    }

    static Results results(String fingerprint, List<RunResult> runs, List<Comparison> comparisons, JsonNode bench) {
        return Results.of("stancebench test", dataset(fingerprint),
                new EnvironmentInfo("17.0.15", "Linux 6.1", "amd64", 2, "0123456789abcdef0123"), runs, comparisons,
                bench);
    }

    /** A benchmark summary with throughput at batch 1 and 32 and a latency row per classifier. */
    static JsonNode bench(String fingerprint, Map<String, double[]> throughput) {
        var root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        var hw = root.putObject("hardware");
        hw.put("cpuModel", "Test CPU");
        hw.put("cores", 2);
        hw.put("memory", 8L << 30);
        hw.put("os", "Linux");
        hw.put("java", "17");
        hw.putArray("cpuFlags").add("avx2").add("avx512f");
        root.put("hardwareFingerprint", fingerprint);
        root.put("mode", "quick");
        var rows = root.putArray("results");
        throughput.forEach((classifier, v) -> {
            // v = {batch-1 score, batch-1 error, batch-32 score, batch-32 error}
            for (int i = 0; i < 2; i++) {
                var r = rows.addObject();
                r.put("classifier", classifier);
                r.put("benchmark", "throughput");
                r.put("batchSize", i == 0 ? 1 : 32);
                r.put("threads", 1);
                r.put("score", v[2 * i]);
                r.put("error", v[2 * i + 1]);
                r.put("unit", "texts/s");
            }
            var lat = rows.addObject();
            lat.put("classifier", classifier);
            lat.put("benchmark", "latency");
            lat.put("batchSize", 1);
            lat.put("threads", 1);
            lat.put("score", 1e6 / v[0]);
            lat.put("error", 1.0);
            lat.put("unit", "us");
            lat.put("p50", 1e6 / v[0]);
            lat.put("p99", 2e6 / v[0]);
        });
        var stage = rows.addObject();
        stage.put("classifier", "shared-encoder");
        stage.put("benchmark", "stage:encode");
        stage.put("batchSize", 32);
        stage.put("threads", 1);
        stage.put("score", 100.0);
        stage.put("error", 1.0);
        stage.put("unit", "texts/s");
        root.putArray("notes").add("a note with <markup> & \"quotes\"");
        return root;
    }
}
