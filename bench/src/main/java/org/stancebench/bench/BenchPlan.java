package org.stancebench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.stancebench.bench.jmh.Fixture;

/**
 * Which JMH benchmarks and parameter values one run covers, built from the registered classifier
 * names, so a newly registered classifier is measured without any change here.
 *
 * <p>Immutable. A quick run covers every classifier with fewer combinations and shorter iterations
 * (listed in {@code settings().omitted()}); a full run covers all of them.
 *
 * @param classifiers classifiers of the end-to-end and latency benchmarks
 * @param scaled classifiers of the text-length scaling benchmark (empty in quick runs)
 * @param sparseStages whether the sparse text pipeline's stage benchmarks run
 * @param minilmStages whether MiniLM's stage, encoder-peer and matrix-product ceiling benchmarks run
 * @param fileClassifiers classifiers of the load-and-predict-a-file benchmark
 * @param includes JMH include patterns (regular expressions over benchmark method names)
 */
public record BenchPlan(boolean quick, List<String> classifiers, List<String> scaled, boolean sparseStages,
                        boolean minilmStages, List<String> fileClassifiers, List<String> includes,
                        BenchSettings settings) {

    /** Classifiers whose featurizer and scorer the sparse stage benchmarks call. */
    static final List<String> SPARSE = List.of("tfidf-logreg", "fasttext");
    /** Classifiers built on the MiniLM encoder. */
    static final List<String> MINILM = List.of("minilm-probe", "minilm-zeroshot");
    /**
     * Classifiers compared with a command-line tool on a file of lines, load included, and on the
     * time to train one fixed configuration.
     */
    static final List<String> FILE = List.of("fasttext");

    public BenchPlan {
        classifiers = List.copyOf(classifiers);
        scaled = List.copyOf(scaled);
        fileClassifiers = List.copyOf(fileClassifiers);
        includes = List.copyOf(includes);
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The plan for {@code registered} classifier names (as the registry lists them) narrowed by
     * {@code options.include()}.
     */
    public static BenchPlan of(List<String> registered, BenchOptions options) {
        List<String> selected = registered.stream().filter(options::includes).toList();
        boolean quick = options.quick();
        boolean sparse = selected.stream().anyMatch(SPARSE::contains);
        boolean minilm = selected.stream().anyMatch(MINILM::contains)
                || (options.include() != null && options.include().matcher("minilm").find());
        List<String> file = selected.stream().filter(FILE::contains).toList();
        List<String> includes = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        List<Integer> batchSizes;
        List<Integer> threads = List.of(1, 2);
        List<Integer> lengths;
        List<String> scaled;
        if (quick) {
            batchSizes = List.of(32);
            lengths = List.of();
            scaled = List.of();
            if (!selected.isEmpty()) {
                includes.add("InferenceBench\\.(single1T|batch1T)$");
                includes.add("LatencyBench\\.latency$");
            }
            omitted.add("one fork, one 0.5 s warm-up and three 0.5 s measured iterations (full: 2 forks, 2 + 5 of 1 s)");
            omitted.add("one thread only (full: also 2 threads, each with its own model)");
            omitted.add("batches of 32 only (full: 8, 32, 128)");
            omitted.add("no text-length scaling (full: 16, 64, 128, 256, 512 tokens)");
            omitted.add("encoders at 32 texts per call only (full: also 1)");
        } else {
            batchSizes = List.of(8, 32, 128);
            lengths = List.of(16, 64, 128, 256, 512);
            scaled = selected;
            if (!selected.isEmpty()) {
                includes.add("InferenceBench\\.(single1T|single2T|batch1T|batch2T)$");
                includes.add("LatencyBench\\.latency$");
                includes.add("ScalingBench\\.scaling$");
            }
        }
        if (sparse) {
            includes.add("StageBench\\.sparse\\w+$");
        }
        if (minilm) {
            includes.add("StageBench\\.minilm\\w+$");
            includes.add("EncoderBench\\.\\w+$");
            includes.add("CeilingBench\\.\\w+$");
        }
        if (!file.isEmpty()) {
            includes.add("FileBench\\.\\w+$");
            includes.add("TrainBench\\.\\w+$");
        }
        BenchSettings settings = quick
                ? new BenchSettings(1, 1, 500, 3, 500, prepend(1, batchSizes), List.of(1), lengths, selected, omitted)
                : new BenchSettings(2, 2, 1000, 5, 1000, prepend(1, batchSizes), threads, lengths, selected, omitted);
        return new BenchPlan(quick, selected, scaled, sparse, minilm, file, includes, settings);
    }

    private static List<Integer> prepend(int first, List<Integer> rest) {
        List<Integer> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    /**
     * JMH options for this plan. Forks get DJL's offline settings, the work directory and a
     * temporary directory inside it (ONNX Runtime leaves files there); the GC profiler measures
     * allocation; results go to {@code jmhJson} as JSON and JMH's human-readable log to {@code log}.
     */
    public ChainedOptionsBuilder options(Path work, Path jmhJson, Path log) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.milliseconds(settings.measurementMillis()))
                .jvmArgsAppend(forkArgs(work).toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(jmhJson.toString())
                .output(log.toString())
                .shouldFailOnError(false);
        for (String include : includes) {
            b = b.include(include);
        }
        if (!classifiers.isEmpty()) {
            b = b.param("classifier", classifiers.toArray(String[]::new))
                    .param("batchSize", settings.batchSizes().stream().filter(n -> n > 1)
                            .map(String::valueOf).toArray(String[]::new));
        }
        if (!scaled.isEmpty()) {
            b = b.param("scaledClassifier", scaled.toArray(String[]::new))
                    .param("textLength", settings.textLengths().stream().map(String::valueOf).toArray(String[]::new));
        }
        if (sparseStages) {
            b = b.param("sparseClassifier", classifiers.stream().filter(SPARSE::contains).toArray(String[]::new));
        }
        if (minilmStages && quick) {
            b = b.param("batch", String.valueOf(org.stancebench.bench.jmh.EncoderBench.BATCH));
        }
        if (!fileClassifiers.isEmpty()) {
            b = b.param("fileClassifier", fileClassifiers.toArray(String[]::new))
                    .param("trainClassifier", fileClassifiers.toArray(String[]::new));
        }
        return b;
    }

    /** The JVM arguments every fork gets on top of JMH's own. */
    static List<String> forkArgs(Path work) {
        return List.of(
                "-Dai.djl.offline=true",
                // DJL reads OPT_OUT_TRACKING from the environment or, failing that, this property;
                // forks inherit the environment, the property covers a parent started without it.
                "-DOPT_OUT_TRACKING=true",
                "-D" + Fixture.WORK_PROPERTY + "=" + work.toAbsolutePath(),
                "-Djava.io.tmpdir=" + work.toAbsolutePath().resolve("tmp"));
    }
}
