package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.stancebench.bench.jmh.Fixture;
import org.stancebench.io.Json;

/**
 * Real JMH runs on the two cheapest classifiers (majority and stratified): one quick bench run in
 * which every fork of stratified fails in setup (through {@link Fixture#FAIL_PROPERTY}), and one run
 * of interleaved rounds. Each fork is a JVM, so this takes some seconds.
 */
class JmhRunTest {

    @TempDir
    static Path dir;

    static BenchFailedException failure;
    static List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void quickRunWithStratifiedFailing() {
        lockFree();
        BenchOptions options = BenchOptions.defaults(true, dir.resolve("bench"))
                .withInclude(Pattern.compile("^(majority|stratified)$"))
                .withProgress(progress::add);
        System.setProperty(Fixture.FAIL_PROPERTY, "^stratified$");
        try {
            failure = assertThrows(BenchFailedException.class, () -> BenchRunner.run(options));
        } finally {
            System.clearProperty(Fixture.FAIL_PROPERTY);
        }
    }

    /** Benchmarks side by side would disturb a colleague's timings, and JMH refuses to start then. */
    static void lockFree() {
        try {
            BenchRunner.checkJmhLock();
        } catch (IllegalStateException e) {
            assumeTrue(false, "skipped: " + e.getMessage());
        }
    }

    @Test
    void aBenchmarkWithoutResultFailsTheRunInOneLineWithItsCause() {
        String message = failure.getMessage();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("3 of 6 benchmarks produced no result ("), message);
        for (String missing : List.of("InferenceBench.single1T classifier=stratified",
                "InferenceBench.batch1T batchSize=32 classifier=stratified", "LatencyBench.latency classifier=stratified")) {
            assertTrue(message.contains(missing), missing + " not in " + message);
        }
        assertTrue(message.contains("first cause: java.lang.IllegalStateException: stratified: not loaded, "
                + Fixture.FAIL_PROPERTY + " matches it"), message);
        assertTrue(progress.stream().anyMatch(l -> l.contains("java.lang.IllegalStateException: stratified")),
                "the failure is shown as it happens: " + progress);
    }

    @Test
    void whatDidRunIsWrittenAndNamesWhatDidNot() throws IOException {
        BenchSummary written = BenchSummary.read(dir.resolve("bench").resolve("bench-summary.json"));
        assertEquals(failure.summary(), written);
        assertEquals(List.of("majority"), written.results().stream().map(BenchResult::classifier).distinct().toList());
        assertEquals(3, written.results().size(), written.results().toString());
        assertEquals(3, written.notes().stream().filter(n -> n.startsWith("no result: ") && n.contains("stratified"))
                .count(), written.notes().toString());
        JsonNode jmh = Json.readTree(dir.resolve("bench").resolve("jmh.json"));
        assertEquals(3, jmh.size(), "jmh.json keeps the results that were produced");
        assertTrue(Files.size(dir.resolve("bench").resolve("jmh.log")) > 0);
    }

    @Test
    void theSummarySaysWhatJmhRanPerGroup() throws IOException {
        // JMH's own JSON (written from the same run results by JMH's formatter) is the reference.
        JsonNode jmh = Json.readTree(dir.resolve("bench").resolve("jmh.json"));
        Map<String, String> ran = new TreeMap<>();
        for (JsonNode run : jmh) {
            String cls = run.get("benchmark").asText().replaceAll("^.*\\.(\\w+)\\.\\w+$", "$1");
            ran.merge(cls, run.get("forks").asInt() + " forks, " + run.get("warmupIterations").asInt() + " x "
                    + run.get("warmupTime").asText() + ", " + run.get("measurementIterations").asInt() + " x "
                    + run.get("measurementTime").asText(), (a, b) -> a.equals(b) ? a : a + " | " + b);
        }
        Map<String, String> said = new TreeMap<>();
        for (JmhGroup g : failure.summary().settings().groups()) {
            said.put(g.benchmark(), g.forks() + " forks, " + g.warmupIterations() + " x " + g.warmupMillis() + " ms, "
                    + g.measurementIterations() + " x " + g.measurementMillis() + " ms");
        }
        assertEquals(ran, said);
        // And that is what a quick run promises: BenchPlan's narrowing, not the annotations' 2 forks.
        assertEquals(Map.of("InferenceBench", "1 forks, 1 x 500 ms, 3 x 500 ms",
                "LatencyBench", "1 forks, 1 x 500 ms, 3 x 500 ms"), said);
        assertEquals(List.of("batch1T", "single1T"), failure.summary().settings().groups().get(0).methods());
    }

    @Test
    void interleavedCombinationsRunForkByForkAndArePooled() throws IOException {
        lockFree();
        Path work = dir.resolve("bench").resolve("work");
        Options base = new OptionsBuilder()
                .jvmArgsAppend(BenchPlan.forkArgs(work).toArray(String[]::new))
                .forks(2).warmupIterations(0).measurementIterations(2).measurementTime(TimeValue.milliseconds(100))
                .param("classifier", "majority", "stratified")
                .shouldFailOnError(false)
                .build();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Path json = dir.resolve("interleaved.json");
        JmhRun.Outcome outcome = JmhRun.run(List.of("InferenceBench\\.single1T$"), base, b -> true, json,
                dir.resolve("interleaved.log"), lines::add);
        assertEquals(List.of(), outcome.missing());
        List<String> order = lines.stream().filter(l -> l.startsWith("bench: interleaved ")).toList();
        assertEquals(List.of(
                "bench: interleaved fork 1 of 4 (round 1 of 2): InferenceBench.single1T classifier=majority",
                "bench: interleaved fork 2 of 4 (round 1 of 2): InferenceBench.single1T classifier=stratified",
                "bench: interleaved fork 3 of 4 (round 2 of 2): InferenceBench.single1T classifier=stratified",
                "bench: interleaved fork 4 of 4 (round 2 of 2): InferenceBench.single1T classifier=majority"), order);
        assertTrue(lines.stream().noneMatch(l -> l.contains("% complete")), "per-invocation estimates are not shown");
        // What ran, in that order, from JMH's own log.
        List<String> started = Files.readAllLines(dir.resolve("interleaved.log")).stream()
                .filter(l -> l.startsWith("# Parameters: ")).toList();
        assertEquals(List.of("# Parameters: (classifier = majority)", "# Parameters: (classifier = stratified)",
                "# Parameters: (classifier = stratified)", "# Parameters: (classifier = majority)"), started);
        assertEquals(2, outcome.runs().size());
        JsonNode written = Json.readTree(json);
        for (int i = 0; i < 2; i++) {
            assertEquals(2, outcome.runs().get(i).getBenchmarkResults().size(), "two forks pooled");
            assertEquals(2, written.get(i).get("forks").asInt());
            assertEquals(2, written.get(i).get("primaryMetric").get("rawData").size(), "one row per fork");
        }
    }

    @Test
    void aForkThatCannotStartIsAMissingResultWithTheForksOwnWords() throws IOException {
        lockFree();
        Path work = dir.resolve("bench").resolve("work");
        Options base = new OptionsBuilder()
                .jvmArgsAppend(BenchPlan.forkArgs(work).toArray(String[]::new))
                .jvmArgsAppend("-XX:+StanceBenchNoSuchOption")
                .forks(1).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                .param("classifier", "majority")
                .shouldFailOnError(false)
                .build();
        Path json = dir.resolve("unstarted.json");
        JmhRun.Outcome outcome = JmhRun.run(List.of("InferenceBench\\.single1T$"), base, b -> false, json,
                dir.resolve("unstarted.log"), m -> { });
        assertEquals(List.of("InferenceBench.single1T classifier=majority: forked VM failed with exit code 1: "
                + "Unrecognized VM option 'StanceBenchNoSuchOption'"), outcome.missing());
        assertEquals(outcome.missing().get(0).substring(outcome.missing().get(0).indexOf(": ") + 2), outcome.firstCause());
        assertEquals(0, Json.readTree(json).size(), "an empty jmh.json, written");
    }

    @Test
    void roundsAlternateTheirOrderAndKeepSameParametersTogether() {
        JmhRun.Combo ours1 = combo("EncoderBench.minilm", "1", 2);
        JmhRun.Combo peer1 = combo("EncoderBench.langchain4j", "1", 2);
        JmhRun.Combo ours32 = combo("EncoderBench.minilm", "32", 2);
        JmhRun.Combo peer32 = combo("EncoderBench.langchain4j", "32", 1);
        List<String> order = JmhRun.schedule(List.of(ours32, ours1, peer32, peer1)).stream()
                .map(s -> s.round() + " " + s.combo().key()).toList();
        assertEquals(List.of(
                "1 EncoderBench.langchain4j size=1", "1 EncoderBench.minilm size=1",
                "1 EncoderBench.langchain4j size=32", "1 EncoderBench.minilm size=32",
                "2 EncoderBench.minilm size=32",
                "2 EncoderBench.minilm size=1", "2 EncoderBench.langchain4j size=1"), order);
        assertTrue(JmhRun.schedule(List.of()).isEmpty());
    }

    @Test
    void onlyEncoderBenchIsInterleaved() {
        assertTrue(BenchPlan.interleaved("org.stancebench.bench.jmh.EncoderBench.minilmInt8"));
        assertTrue(BenchPlan.interleaved("org.stancebench.bench.jmh.EncoderBench.langchain4jQuantized"));
        assertTrue(BenchPlan.interleaved("org.stancebench.bench.jmh.CeilingBench.u8s8"));
        assertFalse(BenchPlan.interleaved("org.stancebench.bench.jmh.StageBench.minilmForward32"));
        assertFalse(BenchPlan.interleaved("org.stancebench.bench.jmh.InferenceBench.batch1T"));
    }

    static JmhRun.Combo combo(String method, String size, int forks) {
        return new JmhRun.Combo("org.stancebench.bench.jmh." + method, new TreeMap<>(Map.of("size", size)), forks);
    }
}
