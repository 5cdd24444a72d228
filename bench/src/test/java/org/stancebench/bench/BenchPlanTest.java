package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.stancebench.bench.jmh.Fixture;

class BenchPlanTest {

    static final List<String> REGISTERED = List.of("fasttext", "lexicon", "majority", "minilm-probe",
            "minilm-zeroshot", "my-plugin", "naive-bayes", "stratified", "textcnn", "tfidf-logreg");

    static Options build(BenchPlan plan) {
        ChainedOptionsBuilder b = plan.options(Path.of("/tmp/w"));
        plan.includes().forEach(b::include);
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyRegisteredClassifierIsAParameterValueInRegistryOrder(boolean quick) {
        BenchPlan plan = BenchPlan.of(REGISTERED, BenchOptions.defaults(quick, Path.of("out")));
        Collection<String> param = build(plan).getParameter("classifier").get();
        assertEquals(REGISTERED, List.copyOf(param), "a plug-in classifier is measured like a built-in one");
        assertEquals(REGISTERED, plan.settings().classifiers());
    }

    @Test
    void includeNarrowsClassifiersAndTheirStageBenchmarks() {
        BenchOptions options = BenchOptions.defaults(true, Path.of("out")).withInclude(Pattern.compile("^tfidf"));
        BenchPlan plan = BenchPlan.of(REGISTERED, options);
        Options built = build(plan);
        assertEquals(List.of("tfidf-logreg"), List.copyOf(built.getParameter("classifier").get()));
        assertEquals(List.of("tfidf-logreg"), List.copyOf(built.getParameter("sparseClassifier").get()));
        assertFalse(built.getParameter("fileClassifier").hasValue());
        assertFalse(plan.minilmStages());
        assertTrue(built.getIncludes().stream().noneMatch(i -> i.contains("Encoder")), built.getIncludes().toString());
    }

    @Test
    void fastTextGetsTheCommandLineComparison() {
        BenchOptions options = BenchOptions.defaults(true, Path.of("out")).withInclude(Pattern.compile("^fast"));
        Options built = build(BenchPlan.of(REGISTERED, options));
        assertEquals(List.of("fasttext"), List.copyOf(built.getParameter("fileClassifier").get()));
        assertEquals(List.of("fasttext"), List.copyOf(built.getParameter("sparseClassifier").get()));
        assertTrue(built.getIncludes().contains("FileBench\\.\\w+$"), built.getIncludes().toString());
        assertTrue(built.getIncludes().contains("TrainBench\\.\\w+$"), built.getIncludes().toString());
    }

    @Test
    void minilmClassifiersBringTheEncoderBenchmarks() {
        BenchOptions options = BenchOptions.defaults(true, Path.of("out")).withInclude(Pattern.compile("probe"));
        BenchPlan plan = BenchPlan.of(REGISTERED, options);
        assertTrue(plan.minilmStages());
        assertTrue(plan.includes().contains("EncoderBench\\.\\w+$"), plan.includes().toString());
    }

    @Test
    void quickRunsFewerCombinationsAndSaysWhich() {
        BenchPlan quick = BenchPlan.of(REGISTERED, BenchOptions.defaults(true, Path.of("out")));
        BenchPlan full = BenchPlan.of(REGISTERED, BenchOptions.defaults(false, Path.of("out")));
        assertEquals(List.of("32"), List.copyOf(build(quick).getParameter("batchSize").get()));
        assertEquals(List.of("8", "32", "128"), List.copyOf(build(full).getParameter("batchSize").get()));
        assertFalse(build(quick).getParameter("textLength").hasValue());
        assertEquals(List.of("16", "64", "128", "256", "512"),
                List.copyOf(build(full).getParameter("textLength").get()));
        assertEquals(1, build(quick).getForkCount().get());
        assertEquals(3, build(quick).getMeasurementIterations().get());
        assertEquals(500, build(quick).getMeasurementTime().get().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS));
        assertFalse(quick.settings().omitted().isEmpty());
        assertTrue(full.settings().omitted().isEmpty());
        assertEquals(List.of(1, 32), quick.settings().batchSizes());
    }

    @Test
    void aFullRunLeavesForksAndIterationsToTheBenchmarksAnnotations() {
        Options full = build(BenchPlan.of(REGISTERED, BenchOptions.defaults(false, Path.of("out"))));
        assertFalse(full.getForkCount().hasValue());
        assertFalse(full.getWarmupIterations().hasValue());
        assertFalse(full.getWarmupTime().hasValue());
        assertFalse(full.getMeasurementIterations().hasValue());
        assertFalse(full.getMeasurementTime().hasValue());
        // The summary's headline settings are InferenceBench's annotations, read from them.
        BenchSettings s = BenchPlan.of(REGISTERED, BenchOptions.defaults(false, Path.of("out"))).settings();
        org.openjdk.jmh.annotations.Measurement m = org.stancebench.bench.jmh.InferenceBench.class
                .getAnnotation(org.openjdk.jmh.annotations.Measurement.class);
        assertEquals(m.iterations(), s.measurementIterations());
        assertEquals(m.timeUnit().toMillis(m.time()), s.measurementMillis());
        assertEquals(org.stancebench.bench.jmh.InferenceBench.class
                .getAnnotation(org.openjdk.jmh.annotations.Fork.class).value(), s.forks());
    }

    @Test
    void forksGetDjlOfflineSettingsAndTheWorkDirectory() {
        BenchPlan plan = BenchPlan.of(REGISTERED, BenchOptions.defaults(true, Path.of("out")));
        Collection<String> args = build(plan).getJvmArgsAppend().get();
        assertTrue(args.contains("-Dai.djl.offline=true"), args.toString());
        assertTrue(args.contains("-DOPT_OUT_TRACKING=true"), args.toString());
        assertTrue(args.contains("-D" + Fixture.WORK_PROPERTY + "=/tmp/w"), args.toString());
    }

    @Test
    void noClassifiersMeansNoBenchmarks() {
        BenchPlan plan = BenchPlan.of(List.of(), BenchOptions.defaults(true, Path.of("out")));
        assertTrue(plan.includes().isEmpty());
    }
}
