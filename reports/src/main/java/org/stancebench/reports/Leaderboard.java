package org.stancebench.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.Protocol;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;

/**
 * The runs of a results file grouped by protocol (cross-validation first, then fixed splits in
 * name order), each group sorted by the headline metric, best first.
 *
 * <p>Immutable. Ties on the headline metric are broken by run name, so the order depends only on
 * the file's content. Every report section that lists runs uses this order.
 *
 * @param metric the headline metric key, for example {@code macro-f1}
 * @param groups the protocol groups, in display order
 */
public record Leaderboard(String metric, List<Group> groups) {

    /** The default headline metric. */
    public static final String DEFAULT_METRIC = "macro-f1";

    /** The runs evaluated under one protocol, best first. */
    public record Group(Protocol protocol, List<RunResult> runs) {
        public Group {
            Objects.requireNonNull(protocol, "protocol");
            runs = List.copyOf(runs);
        }

        /** A short title, for example {@code cross-validation (5 folds × 3 repeats)} or {@code test split}. */
        public String title() {
            return describe(protocol);
        }

        /** A stable identifier for element ids and chart names, for example {@code cv-5x3} or {@code split-test}. */
        public String key() {
            return protocol.isCv() ? "cv-" + protocol.folds() + "x" + protocol.repeats()
                    : "split-" + protocol.split().replaceAll("[^A-Za-z0-9_-]", "_");
        }
    }

    public Leaderboard {
        Objects.requireNonNull(metric, "metric");
        groups = List.copyOf(groups);
    }

    /** Groups and sorts the runs of {@code results} by {@code metric}. */
    public static Leaderboard of(Results results, String metric) {
        Map<Protocol, List<RunResult>> byProtocol = new LinkedHashMap<>();
        for (RunResult run : results.runs()) {
            byProtocol.computeIfAbsent(run.protocol(), p -> new ArrayList<>()).add(run);
        }
        List<Group> groups = new ArrayList<>();
        byProtocol.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Protocol, List<RunResult>> e) -> e.getKey().isCv() ? 0 : 1)
                        .thenComparing(e -> describe(e.getKey())))
                .forEach(e -> {
                    List<RunResult> sorted = new ArrayList<>(e.getValue());
                    sorted.sort(Comparator.comparingDouble((RunResult r) -> -headline(r, metric))
                            .thenComparing(RunResult::name));
                    groups.add(new Group(e.getKey(), sorted));
                });
        return new Leaderboard(metric, groups);
    }

    /** The run's value of {@code metric}, or negative infinity when it lacks it (sorted last). */
    static double headline(RunResult run, String metric) {
        MetricValue v = run.metrics().get(metric);
        return v == null ? Double.NEGATIVE_INFINITY : v.value();
    }

    static String describe(Protocol p) {
        if (p.isCv()) {
            return "cross-validation (" + p.folds() + " folds × " + p.repeats()
                    + (p.repeats() == 1 ? " repeat)" : " repeats)");
        }
        return p.split() + " split";
    }

    /** A human name for a metric key: {@code macro-f1} is {@code macro-F1}, others as they are. */
    static String metricName(String key) {
        return switch (key) {
            case "macro-f1" -> "macro-F1";
            case "weighted-f1" -> "weighted-F1";
            case "ece" -> "ECE";
            default -> key;
        };
    }
}
