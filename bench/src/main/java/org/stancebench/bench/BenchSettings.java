package org.stancebench.bench;

import java.util.List;
import java.util.Objects;

/**
 * How a benchmark run was configured: JMH's fork, warm-up and measurement settings, the parameter
 * values it swept, and, for a quick run, what it left out compared with a full one. The scalar JMH
 * settings are those of the end-to-end benchmarks ({@code InferenceBench}'s annotations, or what a
 * quick run narrows every benchmark to); {@code groups} says what each benchmark class really ran.
 *
 * <p>Immutable; counts are positive, lists are copied.
 *
 * @param forks JMH forks per benchmark and parameter combination
 * @param warmupIterations warm-up iterations per fork
 * @param warmupMillis length of one warm-up iteration
 * @param measurementIterations measured iterations per fork
 * @param measurementMillis length of one measured iteration
 * @param batchSizes batch sizes of the end-to-end throughput benchmark
 * @param threads thread counts of the end-to-end throughput benchmark
 * @param textLengths fixed text lengths (tokens) of the scaling benchmark; empty when it did not run
 * @param classifiers the classifiers measured, in order
 * @param omitted what this run left out compared with a full run, one line each; empty for full runs
 * @param groups what JMH actually ran, per benchmark class (from JMH's results; empty before the run
 *     and in summaries from older builds)
 */
public record BenchSettings(int forks, int warmupIterations, long warmupMillis, int measurementIterations,
                            long measurementMillis, List<Integer> batchSizes, List<Integer> threads,
                            List<Integer> textLengths, List<String> classifiers, List<String> omitted,
                            List<JmhGroup> groups) {
    public BenchSettings {
        if (forks < 1 || warmupIterations < 0 || warmupMillis < 1 || measurementIterations < 1
                || measurementMillis < 1) {
            throw new IllegalArgumentException("JMH settings must be positive (warm-up iterations may be 0)");
        }
        batchSizes = List.copyOf(batchSizes);
        threads = List.copyOf(threads);
        textLengths = List.copyOf(textLengths);
        classifiers = List.copyOf(classifiers);
        omitted = List.copyOf(Objects.requireNonNull(omitted, "omitted"));
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A copy with {@code groups} set to what JMH ran. */
    public BenchSettings withGroups(List<JmhGroup> ran) {
        return new BenchSettings(forks, warmupIterations, warmupMillis, measurementIterations, measurementMillis,
                batchSizes, threads, textLengths, classifiers, omitted, ran);
    }
}
