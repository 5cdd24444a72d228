package org.stancebench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.stancebench.bench.jmh.Fixture;
import org.stancebench.bench.jmh.InferenceBench;

/**
 * Which JMH benchmarks and parameter values one run covers, built from the registered classifier
 * names, so a newly registered classifier is measured without any change here.
 *
 * <p>Immutable. A quick run covers every classifier with fewer combinations and shorter iterations
 * (listed in {@code settings().omitted()}); a full run covers all of them. JMH's fork, warm-up and
 * measurement settings have one source: each benchmark class's annotations, which only a quick run
 * narrows ({@link #options(Path)}).
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
    /**
     * Benchmark classes that measure ours beside a peer library in the same JVM, and the ceilings
     * the encoders are compared with; {@link JmhRun} interleaves the forks of all their methods and
     * parameter combinations, so that machine drift hits every rate of a ratio alike.
     */
    static final List<String> INTERLEAVED = List.of("EncoderBench", "CeilingBench");

    /** Quick runs narrow every benchmark to these settings. */
    static final int QUICK_FORKS = 1;
    static final int QUICK_WARMUP_ITERATIONS = 1;
    static final int QUICK_MEASUREMENT_ITERATIONS = 3;
    static final long QUICK_ITERATION_MILLIS = 500;

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
            omitted.add("every benchmark narrowed to one fork, one 0.5 s warm-up and three 0.5 s measured iterations "
                    + "(full: each benchmark's own @Fork, @Warmup and @Measurement, listed in settings.groups)");
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
                ? new BenchSettings(QUICK_FORKS, QUICK_WARMUP_ITERATIONS, QUICK_ITERATION_MILLIS,
                        QUICK_MEASUREMENT_ITERATIONS, QUICK_ITERATION_MILLIS, prepend(1, batchSizes), List.of(1), lengths,
                        selected, omitted, List.of())
                : annotated(InferenceBench.class, prepend(1, batchSizes), threads, lengths, selected);
        return new BenchPlan(quick, selected, scaled, sparse, minilm, file, includes, settings);
    }

    /**
     * The settings of a full run as {@code benchmark}'s own annotations give them (the end-to-end
     * benchmarks' are the headline ones; every group's are in {@code groups} after the run).
     */
    static BenchSettings annotated(Class<?> benchmark, List<Integer> batchSizes, List<Integer> threads,
                                   List<Integer> lengths, List<String> classifiers) {
        Fork fork = benchmark.getAnnotation(Fork.class);
        Warmup warmup = benchmark.getAnnotation(Warmup.class);
        Measurement measurement = benchmark.getAnnotation(Measurement.class);
        return new BenchSettings(fork.value(), warmup.iterations(), warmup.timeUnit().toMillis(warmup.time()),
                measurement.iterations(), measurement.timeUnit().toMillis(measurement.time()), batchSizes, threads,
                lengths, classifiers, List.of(), List.of());
    }

    /** Whether {@code benchmark} (JMH's full method name) belongs to a class in {@link #INTERLEAVED}. */
    static boolean interleaved(String benchmark) {
        String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return INTERLEAVED.contains(cls.substring(cls.lastIndexOf('.') + 1));
    }

    private static List<Integer> prepend(int first, List<Integer> rest) {
        List<Integer> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    /**
     * JMH options for this plan, without the benchmarks to include ({@link #includes()}, which
     * {@link JmhRun} adds per {@code Runner} invocation). Forks get DJL's offline settings, the work
     * directory and a temporary directory inside it (ONNX Runtime leaves files there); the GC
     * profiler measures allocation; a failing benchmark does not stop the others.
     *
     * <p>Forks, warm-up and measurement come from each benchmark's own annotations, except in a quick
     * run, which narrows every benchmark to {@value #QUICK_FORKS} fork, {@value #QUICK_WARMUP_ITERATIONS}
     * warm-up and {@value #QUICK_MEASUREMENT_ITERATIONS} measured iterations of
     * {@value #QUICK_ITERATION_MILLIS} ms (single-shot benchmarks: that many shots).
     */
    public ChainedOptionsBuilder options(Path work) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .jvmArgsAppend(forkArgs(work).toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(false);
        if (quick) {
            b = b.forks(QUICK_FORKS)
                    .warmupIterations(QUICK_WARMUP_ITERATIONS)
                    .warmupTime(TimeValue.milliseconds(QUICK_ITERATION_MILLIS))
                    .measurementIterations(QUICK_MEASUREMENT_ITERATIONS)
                    .measurementTime(TimeValue.milliseconds(QUICK_ITERATION_MILLIS));
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
        List<String> args = new ArrayList<>(List.of(
                "-Dai.djl.offline=true",
                // DJL reads OPT_OUT_TRACKING from the environment or, failing that, this property;
                // forks inherit the environment, the property covers a parent started without it.
                "-DOPT_OUT_TRACKING=true",
                "-D" + Fixture.WORK_PROPERTY + "=" + work.toAbsolutePath(),
                "-Djava.io.tmpdir=" + work.toAbsolutePath().resolve("tmp")));
        String fail = System.getProperty(Fixture.FAIL_PROPERTY);
        if (fail != null) {
            args.add("-D" + Fixture.FAIL_PROPERTY + "=" + fail);
        }
        return List.copyOf(args);
    }
}
