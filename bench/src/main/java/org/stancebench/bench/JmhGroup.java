package org.stancebench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.RunResult;

/**
 * What JMH actually ran for one group of benchmarks (the methods of one benchmark class that ran
 * with the same settings), read from JMH's own results rather than from what was asked for.
 *
 * <p>Immutable. {@code forks} counts the forks that produced results (pooled over the rounds of an
 * interleaved class); the iteration times are null for {@code SingleShotTime} benchmarks, whose
 * iterations are one call each.
 *
 * @param benchmark the benchmark class's simple name, e.g. {@code EncoderBench}
 * @param methods the methods that ran with these settings, sorted
 * @param mode JMH's mode, e.g. {@code thrpt}, {@code sample}, {@code ss}
 * @param interleaved whether its forks ran in rounds alternating with the other methods of its class
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JmhGroup(String benchmark, List<String> methods, String mode, int forks, int warmupIterations,
                       Long warmupMillis, int measurementIterations, Long measurementMillis, boolean interleaved) {
    public JmhGroup {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        methods = List.copyOf(methods);
    }

    /** The groups of {@code runs}, in the order their first benchmark appears. */
    static List<JmhGroup> of(Collection<RunResult> runs) {
        Map<List<Object>, TreeSet<String>> methods = new LinkedHashMap<>();
        for (RunResult run : runs) {
            BenchmarkParams p = run.getParams();
            String method = JmhLog.shortName(p.getBenchmark());
            String cls = method.substring(0, method.indexOf('.'));
            boolean single = p.getMode() == Mode.SingleShotTime;
            List<Object> key = java.util.Arrays.asList(cls, p.getMode().shortLabel(),
                    run.getBenchmarkResults().size(), p.getWarmup().getCount(), millis(p.getWarmup(), single),
                    p.getMeasurement().getCount(), millis(p.getMeasurement(), single),
                    BenchPlan.interleaved(p.getBenchmark()));
            methods.computeIfAbsent(key, k -> new TreeSet<>()).add(method.substring(cls.length() + 1));
        }
        List<JmhGroup> groups = new ArrayList<>();
        methods.forEach((k, m) -> groups.add(new JmhGroup((String) k.get(0), List.copyOf(m), (String) k.get(1),
                (Integer) k.get(2), (Integer) k.get(3), (Long) k.get(4), (Integer) k.get(5), (Long) k.get(6),
                (Boolean) k.get(7))));
        return List.copyOf(groups);
    }

    private static Long millis(IterationParams p, boolean singleShot) {
        return singleShot ? null : p.getTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
