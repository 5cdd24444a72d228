package org.stancebench.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.stancebench.io.AtomicFiles;

/**
 * Runs a {@link BenchPlan} through JMH's {@link Runner} and says what it produced and what it did not.
 *
 * <p>Benchmarks of the classes in {@link BenchPlan#INTERLEAVED} (ours beside a peer library in the
 * same JVM; every method and parameter combination of them, so new methods join without a change
 * here) run in rounds: round {@code r} runs fork {@code r} of every method and parameter
 * combination of those classes, one {@code Runner} invocation with one fork each, combinations of the
 * same parameters side by side, in sorted order in odd rounds and reversed in even ones (ABBA), so a
 * drift of the machine's speed hits ours and the peer alike. Their forks are then merged into one
 * result per combination, as if JMH had run them in one go. Every other benchmark runs in one
 * {@code Runner} invocation first.
 *
 * <p>A combination that produced no result (every fork failed, or its {@code Runner} invocation
 * failed) is listed in {@link Outcome#missing()} with the first cause JMH's output gave.
 * {@code jmh.json} holds the merged results, partial or not, written atomically.
 */
final class JmhRun {

    /** One benchmark method with one value per parameter: what JMH measures as one result. */
    record Combo(String benchmark, SortedMap<String, String> params, int forks) {
        String key() {
            StringBuilder key = new StringBuilder(JmhLog.shortName(benchmark));
            params.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
            return key.toString();
        }
    }

    /**
     * What a run produced: the merged results in JMH's order, every combination that produced none
     * with its cause (one line each, {@code "EncoderBench.minilm: java.net.SocketException: ..."}),
     * and the first cause found.
     */
    record Outcome(List<RunResult> runs, List<Combo> expected, List<String> missing, String firstCause) {
        Outcome {
            runs = List.copyOf(runs);
            expected = List.copyOf(expected);
            missing = List.copyOf(missing);
        }
    }

    private JmhRun() {
    }

    /**
     * Runs every benchmark of {@code plan} with {@code base} options (which carry no includes),
     * writing JMH's log to {@code log} and the merged results to {@code jmhJson}.
     */
    static Outcome run(BenchPlan plan, Options base, Path jmhJson, Path log, Consumer<String> progress)
            throws IOException {
        return run(plan.includes(), base, BenchPlan::interleaved, jmhJson, log, progress);
    }

    /**
     * Runs the benchmarks {@code includes} selects; those {@code interleaved} accepts (by JMH's full
     * method name) run in rounds.
     */
    static Outcome run(List<String> includes, Options base, Predicate<String> interleaved, Path jmhJson, Path log,
                       Consumer<String> progress) throws IOException {
        PrintStream logStream = new PrintStream(Files.newOutputStream(log), false, StandardCharsets.UTF_8);
        JmhLog out = new JmhLog(OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL),
                logStream::close, progress);
        List<RunResult> produced = new ArrayList<>();
        Map<String, String> runnerFailures = new LinkedHashMap<>();
        List<Combo> expected;
        try {
            expected = expand(BenchmarkList.defaultList().find(out, includes, List.of()), base);
            List<Combo> rounds = expected.stream().filter(c -> interleaved.test(c.benchmark())).toList();
            if (rounds.size() < expected.size()) {
                ChainedOptionsBuilder main = new OptionsBuilder().parent(base);
                includes.forEach(main::include);
                rounds.stream().map(Combo::benchmark).distinct()
                        .forEach(b -> main.exclude("^" + Pattern.quote(b) + "$"));
                runOnce(main.build(), out, produced, runnerFailures,
                        expected.stream().filter(c -> !rounds.contains(c)).toList());
            }
            List<Slot> slots = schedule(rounds);
            out.runProgress(false);
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                Combo c = slot.combo();
                progress.accept("bench: interleaved fork " + (i + 1) + " of " + slots.size() + " (round " + slot.round()
                        + " of " + slot.rounds() + "): " + c.key());
                ChainedOptionsBuilder one = new OptionsBuilder().parent(base)
                        .include("^" + Pattern.quote(c.benchmark()) + "$").forks(1);
                c.params().forEach((k, v) -> one.param(k, v));
                runOnce(one.build(), out, produced, runnerFailures, List.of(c));
            }
        } finally {
            out.finish();
        }
        List<RunResult> merged = merge(produced);
        writeJson(merged, jmhJson);
        List<String> have = merged.stream().map(r -> JmhLog.key(r.getParams())).toList();
        List<String> missing = new ArrayList<>();
        String first = null;
        for (Combo c : expected) {
            if (have.contains(c.key())) {
                continue;
            }
            String cause = out.cause(c.key());
            if (cause == null) {
                cause = runnerFailures.get(c.key());
            }
            if (cause == null) {
                cause = "no result and no error in JMH's output";
            }
            first = first == null ? cause : first;
            missing.add(c.key() + ": " + cause);
        }
        return new Outcome(merged, expected, missing, first);
    }

    /** One fork of one combination in round {@code round} of {@code rounds}. */
    record Slot(int round, int rounds, Combo combo) {
    }

    /**
     * The order of the interleaved forks: round {@code r} runs fork {@code r} of every combination
     * that has that many, combinations with the same parameters next to each other (ours beside the
     * peer), sorted in odd rounds and reversed in even ones.
     */
    static List<Slot> schedule(List<Combo> combos) {
        int rounds = combos.stream().mapToInt(Combo::forks).max().orElse(0);
        List<Combo> order = new ArrayList<>(combos);
        order.sort(Comparator.comparing((Combo c) -> c.params().toString()).thenComparing(Combo::benchmark));
        List<Slot> slots = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Combo> inRound = new ArrayList<>(order);
            if (round % 2 == 0) {
                java.util.Collections.reverse(inRound);
            }
            for (Combo c : inRound) {
                if (c.forks() >= round) {
                    slots.add(new Slot(round, rounds, c));
                }
            }
        }
        return List.copyOf(slots);
    }

    private static void runOnce(Options options, JmhLog out, List<RunResult> produced,
                                Map<String, String> runnerFailures, List<Combo> combos) {
        try {
            Collection<RunResult> results = new Runner(options, out).run();
            if (results != null) {
                produced.addAll(results);
            }
        } catch (RunnerException | RuntimeException e) {
            String message = "JMH failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
            out.println(message);
            combos.forEach(c -> runnerFailures.putIfAbsent(c.key(), message));
        }
    }

    /**
     * Every method and parameter combination JMH would run for {@code entries}: parameter values
     * from {@code options} where given, else from the {@code @Param} annotation; forks likewise, else
     * from {@code @Fork}, else JMH's default.
     */
    static List<Combo> expand(Collection<BenchmarkListEntry> entries, Options options) {
        List<Combo> combos = new ArrayList<>();
        for (BenchmarkListEntry e : entries) {
            int forks = options.getForkCount().orElse(e.getForks().orElse(Defaults.MEASUREMENT_FORKS));
            Map<String, String[]> declared = e.getParams().orElse(Map.of());
            List<SortedMap<String, String>> product = new ArrayList<>();
            product.add(new TreeMap<>());
            for (String name : new java.util.TreeSet<>(declared.keySet())) {
                Collection<String> values = options.getParameter(name).hasValue()
                        ? options.getParameter(name).get() : List.of(declared.get(name));
                List<SortedMap<String, String>> next = new ArrayList<>();
                for (SortedMap<String, String> partial : product) {
                    for (String v : values) {
                        SortedMap<String, String> more = new TreeMap<>(partial);
                        more.put(name, v);
                        next.add(more);
                    }
                }
                product = next;
            }
            for (SortedMap<String, String> params : product) {
                combos.add(new Combo(e.getUsername(), params, forks));
            }
        }
        return List.copyOf(combos);
    }

    /**
     * One result per combination: forks of the same combination from different {@code Runner}
     * invocations pooled, with the fork count set to the forks pooled.
     */
    static List<RunResult> merge(List<RunResult> produced) {
        Map<String, List<RunResult>> byKey = new LinkedHashMap<>();
        for (RunResult r : produced) {
            byKey.computeIfAbsent(JmhLog.key(r.getParams()), k -> new ArrayList<>()).add(r);
        }
        List<RunResult> merged = new ArrayList<>();
        for (List<RunResult> same : byKey.values()) {
            if (same.size() == 1) {
                merged.add(same.get(0));
                continue;
            }
            List<BenchmarkResult> forks = new ArrayList<>();
            same.forEach(r -> forks.addAll(r.getBenchmarkResults()));
            merged.add(new RunResult(withForks(same.get(0).getParams(), forks.size()), forks));
        }
        merged.sort(RunResult.DEFAULT_SORT_COMPARATOR);
        return merged;
    }

    private static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        WorkloadParams params = new WorkloadParams();
        int order = 0;
        for (String k : p.getParamsKeys()) {
            params.put(k, p.getParam(k), order++);
        }
        @SuppressWarnings("unchecked")
        Collection<String> labels = p.getThreadGroupLabels();
        @SuppressWarnings("unchecked")
        Collection<String> jvmArgs = p.getJvmArgs();
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(), p.getThreads(),
                p.getThreadGroups(), labels, forks, p.getWarmupForks(), p.getWarmup(), p.getMeasurement(),
                p.getMode(), params, p.getTimeUnit(), p.getOpsPerInvocation(), p.getJvm(), jvmArgs,
                p.getJdkVersion(), p.getVmName(), p.getVmVersion(), p.getJmhVersion(), p.getTimeout());
    }

    private static void writeJson(List<RunResult> runs, Path jmhJson) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(runs);
        }
        AtomicFiles.writeString(jmhJson, bytes.toString(StandardCharsets.UTF_8));
    }
}
