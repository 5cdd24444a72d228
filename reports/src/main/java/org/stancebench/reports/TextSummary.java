package org.stancebench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.results.ClassMetrics;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.RunResult;

/** Plain-text summaries for a terminal: a run's metrics with their intervals, and the paired tests. */
public final class TextSummary {

    private TextSummary() {
    }

    /** The human summary: one line per headline metric with its interval, then per-class F1. */
    public static String summary(RunResult run, String dataset, List<String> labels) {
        StringBuilder sb = new StringBuilder();
        int examples = (int) run.predictions().stream().map(p -> p.id()).distinct().count();
        String protocol = run.protocol().isCv()
                ? run.protocol().repeats() + " x " + run.protocol().folds() + "-fold cross-validation, "
                        + run.seeds().size() + " seed(s), " + examples + " examples"
                : "split " + run.protocol().split() + ", " + examples + " examples";
        sb.append(run.name()).append(" on ").append(dataset).append(" (").append(protocol).append(")\n");
        boolean spread = run.metrics().values().stream().anyMatch(m -> m.mean() != null);
        sb.append(String.format(Locale.ROOT, "%-18s %7s  %-18s%s%n", "metric", "value", "95% CI",
                spread ? "  mean +- std (seeds x repeats)" : ""));
        List<String> order = new ArrayList<>(List.of(MetricSuite.ACCURACY, MetricSuite.MACRO_F1,
                MetricSuite.WEIGHTED_F1, MetricSuite.KAPPA, MetricSuite.LOG_LOSS, MetricSuite.BRIER, MetricSuite.ECE));
        run.metrics().keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        for (String key : order) {
            MetricValue m = run.metrics().get(key);
            if (m == null) {
                continue;
            }
            String label = run.official() != null && run.official().name().equals(key) ? key + " *" : key;
            sb.append(String.format(Locale.ROOT, "%-18s %7.3f  %-18s%s%n", label, m.value(), interval(m),
                    m.mean() == null ? "" : String.format(Locale.ROOT, "  %.3f +- %.3f", m.mean(), m.std())));
        }
        // Under cross-validation every example is predicted once per repeat and seed.
        long copies = Math.max(1, run.predictions().size() / Math.max(1, examples));
        for (String label : labels) {
            ClassMetrics c = run.perClass().get(label);
            sb.append(String.format(Locale.ROOT, "%-18s %7.3f  %-18s  support %d%n", "f1 " + label,
                    c.f1().value(), interval(c.f1()), c.support() / copies));
        }
        if (run.official() != null) {
            sb.append("* official metric of this task\n");
        }
        return sb.toString().lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** One line per comparison: the pair, metric, test, difference, p and Holm-adjusted p. */
    public static String comparisons(List<Comparison> comparisons) {
        StringBuilder sb = new StringBuilder("paired tests (Holm-adjusted per metric and test, alpha 0.05)\n");
        for (Comparison c : comparisons) {
            sb.append(String.format(Locale.ROOT, "%-40s %-16s %-26s diff %+.3f  p %.4f  pHolm %.4f%s%n",
                    c.a() + " vs " + c.b(), c.metric(), c.test(), c.difference(), c.pValue(), c.pHolm(),
                    c.significant() ? "  significant" : ""));
        }
        return sb.toString();
    }

    private static String interval(MetricValue m) {
        return String.format(Locale.ROOT, "[%.3f, %.3f]", m.low(), m.high());
    }
}
