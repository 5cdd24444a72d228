package org.stancebench.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.stancebench.bench.jmh.CeilingBench;
import org.stancebench.bench.jmh.EncoderBench;
import org.stancebench.bench.jmh.FileBench;
import org.stancebench.bench.jmh.StageBench;

/**
 * Turns JMH's run results into summary rows: texts per second instead of calls per second,
 * latency percentiles, allocation per text, and the model's retained heap on end-to-end rows.
 */
final class Digest {

    /** Rows of our classifiers and rows of peers measured inside the JMH run. */
    record Rows(List<BenchResult> results, List<BenchResult> peers) {
    }

    private Digest() {
    }

    static Rows rows(Collection<RunResult> runs, Map<String, Long> heapBytes) {
        List<BenchResult> results = new ArrayList<>();
        List<BenchResult> peers = new ArrayList<>();
        for (RunResult run : runs) {
            BenchResult row = row(run, heapBytes);
            if (row == null) {
                continue;
            }
            (row.classifier().contains(":") ? peers : results).add(row);
        }
        return new Rows(results, peers);
    }

    /** One row, or null for a benchmark this digest does not know. */
    static BenchResult row(RunResult run, Map<String, Long> heapBytes) {
        BenchmarkParams p = run.getParams();
        String name = p.getBenchmark();
        String method = name.substring(name.lastIndexOf('.') + 1);
        String cls = name.substring(0, name.lastIndexOf('.'));
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        Result<?> primary = run.getPrimaryResult();
        int threads = p.getThreads();
        String classifier;
        String benchmark;
        int batch = 1;
        Integer length = null;
        switch (cls) {
            case "InferenceBench" -> {
                classifier = p.getParam("classifier");
                benchmark = "throughput";
                if (method.startsWith("batch")) {
                    batch = Integer.parseInt(p.getParam("batchSize"));
                }
            }
            case "LatencyBench" -> {
                classifier = p.getParam("classifier");
                benchmark = "latency";
            }
            case "ScalingBench" -> {
                classifier = p.getParam("scaledClassifier");
                benchmark = "scaling";
                length = Integer.parseInt(p.getParam("textLength"));
            }
            case "StageBench" -> {
                if (method.startsWith("sparse")) {
                    classifier = p.getParam("sparseClassifier");
                    benchmark = "stage:" + lowerFirst(method.substring("sparse".length()));
                } else {
                    classifier = "minilm";
                    benchmark = "stage:" + lowerFirst(method.substring("minilm".length()));
                }
                batch = StageBench.batchOf(method);
            }
            case "EncoderBench" -> {
                classifier = EncoderBench.rowName(method);
                benchmark = method.startsWith("langchain4j") ? "encode" : "stage:encode";
                batch = Integer.parseInt(p.getParam("batch"));
            }
            case "CeilingBench" -> {
                classifier = "onnxruntime:" + method + "-" + CeilingBench.N;
                benchmark = "ceiling";
                threads = Runtime.getRuntime().availableProcessors();
            }
            case "TrainBench" -> {
                classifier = p.getParam("trainClassifier");
                benchmark = "train";
            }
            case "FileBench" -> {
                classifier = p.getParam("fileClassifier");
                benchmark = "load-and-predict-file";
                batch = FileBench.LINES;
            }
            default -> {
                return null;
            }
        }
        double score = primary.getScore();
        double error = primary.getScoreError();
        if (!Double.isFinite(error)) {
            error = 0;
        }
        String unit;
        Double p50 = null;
        Double p99 = null;
        switch (p.getMode()) {
            case Throughput -> {
                if (benchmark.equals("ceiling")) {
                    score *= CeilingBench.OPS / 1e9;
                    error *= CeilingBench.OPS / 1e9;
                    unit = method.equals("sgemm") ? "GFLOP/s" : "GOP/s";
                } else {
                    score *= batch;
                    error *= batch;
                    unit = "texts/s";
                }
            }
            case SampleTime -> {
                unit = "us";
                p50 = primary.getStatistics().getPercentile(50.0);
                p99 = primary.getStatistics().getPercentile(99.0);
            }
            case SingleShotTime -> {
                if (benchmark.equals("train")) {
                    unit = "s"; // seconds per training, the peer's unit
                } else {
                    // One shot handles batch texts: report texts per second, with the error carried
                    // through the reciprocal to first order.
                    unit = "texts/s";
                    double seconds = score;
                    score = batch / seconds;
                    error = batch * error / (seconds * seconds);
                }
            }
            default -> throw new IllegalStateException("unexpected JMH mode " + p.getMode() + " in " + name);
        }
        Double alloc = null;
        for (Map.Entry<String, Result> e : run.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                alloc = e.getValue().getScore() / batch;
            }
        }
        Long model = "throughput".equals(benchmark) ? heapBytes.get(classifier) : null;
        return new BenchResult(classifier, benchmark, batch, threads, length, score, error, unit, p50, p99,
                alloc, model);
    }

    /** {@code Tokenize32} becomes {@code tokenize}: the batch size is a field of its own. */
    private static String lowerFirst(String s) {
        s = s.replaceAll("\\d+$", "");
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
