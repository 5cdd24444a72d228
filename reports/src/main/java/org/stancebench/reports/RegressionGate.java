package org.stancebench.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;

/**
 * Compares a current results file with a baseline and decides whether anything regressed: the
 * logic of {@code stancebench compare}.
 *
 * <p>Rules. Two files are comparable only with the same data fingerprint and label set (else exit
 * {@link #NOT_COMPARABLE}), and a run present in both only when its protocol and seeds are equal.
 * A run's quality regressed when its metric dropped by more than {@code maxDrop} AND the drop is
 * significant ({@code p < alpha}) under a paired test on the predictions of the same examples
 * ({@link PairedTest}). A run of the baseline missing from the current file is a regression too
 * (a classifier silently disappearing must not pass). Speed is judged only when both files carry
 * benchmarks from the same hardware fingerprint: a measurement regressed when it is more than
 * {@code maxSlowdown} slower AND the two 99.9% error intervals do not overlap. Deterministic.
 */
public final class RegressionGate {
    /** Exit code: no regression. */
    public static final int OK = 0;
    /** Exit code: at least one regression. */
    public static final int REGRESSION = 1;
    /** Exit code: the two files cannot be compared. */
    public static final int NOT_COMPARABLE = 2;

    /**
     * The gate's settings.
     *
     * @param metric the quality metric, for example {@code macro-f1}
     * @param maxDrop the largest tolerated drop of the metric (absolute, e.g. 0.02)
     * @param maxSlowdown the largest tolerated slowdown (relative, e.g. 0.10 for 10%)
     * @param alpha significance level of the paired test
     * @param shuffles shuffles of the approximate randomization test
     * @param seed the randomization test's seed
     * @param judgeSpeed whether to judge speed at all (false: quality only)
     */
    public record Options(String metric, double maxDrop, double maxSlowdown, double alpha, int shuffles, long seed,
                          boolean judgeSpeed) {
        public Options {
            Objects.requireNonNull(metric, "metric");
            if (!(maxDrop >= 0 && maxDrop < 1)) {
                throw new IllegalArgumentException("--max-drop must be in [0, 1), got " + maxDrop);
            }
            if (!(maxSlowdown >= 0 && maxSlowdown < 1)) {
                throw new IllegalArgumentException("--max-slowdown must be in [0, 1), got " + maxSlowdown);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("--alpha must be in (0, 1), got " + alpha);
            }
            if (shuffles < 1) {
                throw new IllegalArgumentException("--shuffles must be at least 1, got " + shuffles);
            }
        }

        /** macro-F1, 0.02 drop, 10% slowdown, alpha 0.05, 10,000 shuffles, seed 20260101, speed judged. */
        public static Options defaults() {
            return new Options("macro-f1", 0.02, 0.10, 0.05, 10_000, 20260101L, true);
        }
    }

    /**
     * The decision: exit code, the Markdown table to print, one line per problem found, and the same
     * tables as rows (for {@code compare --format json}).
     */
    public record Verdict(int exitCode, String markdown, List<String> problems, String metric,
                          List<QualityRow> quality, List<SpeedRow> speed) {
        public Verdict {
            problems = List.copyOf(problems);
            quality = List.copyOf(quality);
            speed = List.copyOf(speed);
        }

        /** "no regression", "regression" or "not comparable". */
        public String result() {
            return exitCode == OK ? "no regression" : exitCode == REGRESSION ? "regression" : "not comparable";
        }
    }

    /**
     * One run compared: the metric in both files (null where a file has none), the change, the paired
     * test and its p-value (null when the change is within tolerance or untested), and the verdict.
     */
    public record QualityRow(String run, Double baseline, Double current, Double change, String test, Double p,
                             String verdict) {
    }

    /** One benchmark measurement compared: scores with their 99.9% errors, the relative change, the verdict. */
    public record SpeedRow(String measurement, String unit, double baseline, double baselineError, double current,
                           double currentError, double change, String verdict) {
    }

    private RegressionGate() {
    }

    /** Compares {@code current} with {@code baseline}. */
    public static Verdict compare(Results baseline, Results current, Options options) {
        StringBuilder md = new StringBuilder("## StanceBench compare\n\n");
        List<String> problems = new ArrayList<>();
        List<QualityRow> quality = new ArrayList<>();
        List<SpeedRow> speedRows = new ArrayList<>();
        String headline = Leaderboard.metricName(options.metric());
        if (!baseline.dataset().fingerprint().equals(current.dataset().fingerprint())) {
            problems.add("not comparable: different data fingerprint (baseline "
                    + MarkdownReport.shortHash(baseline.dataset().fingerprint()) + ", current "
                    + MarkdownReport.shortHash(current.dataset().fingerprint()) + ")");
        }
        if (!baseline.dataset().labels().equals(current.dataset().labels())) {
            problems.add("not comparable: different label set (baseline " + baseline.dataset().labels()
                    + ", current " + current.dataset().labels() + ")");
        }
        Map<String, RunResult> currentRuns = new LinkedHashMap<>();
        current.runs().forEach(r -> currentRuns.put(r.name(), r));
        Map<String, RunResult> baseRuns = new TreeMap<>();
        baseline.runs().forEach(r -> baseRuns.put(r.name(), r));
        if (problems.isEmpty()) {
            for (RunResult b : baseRuns.values()) {
                RunResult c = currentRuns.get(b.name());
                if (c != null && !b.protocol().equals(c.protocol())) {
                    problems.add("not comparable: run " + b.name() + " has protocol "
                            + Leaderboard.describe(b.protocol()) + " in the baseline and "
                            + Leaderboard.describe(c.protocol()) + " now");
                } else if (c != null && !b.seeds().equals(c.seeds())) {
                    problems.add("not comparable: run " + b.name() + " was trained with seeds " + b.seeds()
                            + " in the baseline and " + c.seeds() + " now");
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> md.append("- **").append(MarkdownReport.cell(p)).append("**\n"));
            md.append("\n**Result: not comparable.**\n");
            return new Verdict(NOT_COMPARABLE, md.toString(), problems, options.metric(), quality, speedRows);
        }

        // Refuse a metric the paired test cannot recompute (log-loss, ECE...) before judging anything.
        PairedTest.metric(options.metric(), baseline.dataset().labels());
        md.append("Quality: ").append(headline).append(", a regression is a drop of more than ")
                .append(Formats.fixed(options.maxDrop(), 3)).append(" that a paired test on the same examples finds ")
                .append("significant (p < ").append(Formats.fixed(options.alpha(), 2)).append(").\n\n");
        md.append("| run | baseline | current | change | paired test | p | verdict |\n");
        md.append("|---|---:|---:|---:|---|---:|---|\n");
        for (RunResult b : baseRuns.values()) {
            RunResult c = currentRuns.get(b.name());
            String name = MarkdownReport.cell(b.name());
            MetricValue bv = b.metrics().get(options.metric());
            if (c == null) {
                problems.add("run " + b.name() + " is missing from the current results");
                md.append("| ").append(name).append(" | ").append(bv == null ? "n/a" : Formats.metric(bv.value()))
                        .append(" | – | – | – | – | **missing: regression** |\n");
                quality.add(new QualityRow(b.name(), bv == null ? null : bv.value(), null, null, null, null,
                        "missing: regression"));
                continue;
            }
            MetricValue cv = c.metrics().get(options.metric());
            if (bv == null || cv == null) {
                md.append("| ").append(name).append(" | – | – | – | – | – | not compared: no ").append(headline)
                        .append(" |\n");
                quality.add(new QualityRow(b.name(), bv == null ? null : bv.value(), cv == null ? null : cv.value(),
                        null, null, null, "not compared: no " + headline));
                continue;
            }
            double change = cv.value() - bv.value();
            md.append("| ").append(name).append(" | ").append(Formats.metric(bv.value())).append(" | ")
                    .append(Formats.metric(cv.value())).append(" | ").append(Formats.signed(change, 3)).append(" | ");
            if (Math.abs(change) <= options.maxDrop()) {
                md.append("– | – | ok: within tolerance |\n");
                quality.add(new QualityRow(b.name(), bv.value(), cv.value(), change, null, null, "ok: within tolerance"));
                continue;
            }
            PairedTest.Result t = PairedTest.test(b, c, baseline.dataset().labels(), options.metric(),
                    options.shuffles(), options.seed());
            if (t == null) {
                problems.add("run " + b.name() + ": no prediction pairs up between the two files");
                md.append("– | – | **no paired predictions: regression** |\n");
                quality.add(new QualityRow(b.name(), bv.value(), cv.value(), change, null, null,
                        "no paired predictions: regression"));
                continue;
            }
            boolean significant = t.pValue() < options.alpha();
            md.append(t.test()).append(", n = ").append(t.paired()).append(" | ").append(Formats.pValue(t.pValue()))
                    .append(" | ");
            String verdict;
            if (change < 0 && significant) {
                problems.add("run " + b.name() + ": " + headline + " dropped by " + Formats.fixed(-change, 3)
                        + " (p = " + Formats.pValue(t.pValue()) + ")");
                verdict = "regression";
                md.append("**regression** |\n");
            } else {
                verdict = change < 0 ? "ok: drop not significant" : significant ? "improved" : "ok: gain not significant";
                md.append(verdict).append(" |\n");
            }
            quality.add(new QualityRow(b.name(), bv.value(), cv.value(), change, t.test() + ", n = " + t.paired(),
                    t.pValue(), verdict));
        }
        for (String name : currentRuns.keySet()) {
            if (!baseRuns.containsKey(name)) {
                MetricValue cv = currentRuns.get(name).metrics().get(options.metric());
                md.append("| ").append(MarkdownReport.cell(name)).append(" | – | ")
                        .append(cv == null ? "n/a" : Formats.metric(cv.value())).append(" | – | – | – | new run |\n");
                quality.add(new QualityRow(name, null, cv == null ? null : cv.value(), null, null, null, "new run"));
            }
        }
        md.append('\n');
        speed(baseline, current, options, md, problems, speedRows);
        md.append(problems.isEmpty() ? "**Result: no regression.**\n"
                : "**Result: " + problems.size() + (problems.size() == 1 ? " regression" : " regressions") + ".**\n");
        return new Verdict(problems.isEmpty() ? OK : REGRESSION, md.toString(), problems, options.metric(), quality,
                speedRows);
    }

    private static void speed(Results baseline, Results current, Options options, StringBuilder md,
                              List<String> problems, List<SpeedRow> rows) {
        if (!options.judgeSpeed()) {
            md.append("Speed not compared: quality only was asked for.\n\n");
            return;
        }
        BenchFigures b = BenchFigures.of(baseline.benchmarks());
        BenchFigures c = BenchFigures.of(current.benchmarks());
        if (b == null || c == null) {
            md.append("Speed not compared: no benchmark data in the ")
                    .append(b == null && c == null ? "baseline or the current run" : b == null ? "baseline" : "current run")
                    .append(".\n\n");
            return;
        }
        if (!b.hardwareFingerprint().equals(c.hardwareFingerprint())) {
            md.append("Speed not compared: different hardware (baseline ")
                    .append(MarkdownReport.cell(b.hardware())).append(", current ")
                    .append(MarkdownReport.cell(c.hardware())).append(").\n\n");
            return;
        }
        Map<String, BenchFigures.Row> currentRows = new LinkedHashMap<>();
        c.rows().forEach(r -> currentRows.put(r.key(), r));
        md.append("Speed (same hardware): a regression is more than ")
                .append(Formats.fixed(100 * options.maxSlowdown(), 0))
                .append("% slower with the two 99.9% error intervals apart.\n\n")
                .append("| measurement | baseline | current | change | verdict |\n|---|---:|---:|---:|---|\n");
        for (BenchFigures.Row br : b.rows()) {
            BenchFigures.Row cr = currentRows.get(br.key());
            if (cr == null || !cr.unit().equals(br.unit()) || br.score() <= 0) {
                continue;
            }
            // Slowdown is positive when the current run is slower, whatever the unit's direction.
            double slowdown = br.higherIsBetter() ? 1 - cr.score() / br.score() : cr.score() / br.score() - 1;
            boolean apart = br.higherIsBetter()
                    ? cr.score() + cr.error() < br.score() - br.error()
                    : cr.score() - cr.error() > br.score() + br.error();
            String verdict;
            if (slowdown > options.maxSlowdown() && apart) {
                verdict = "regression";
                problems.add(br.key() + ": " + Formats.fixed(100 * slowdown, 1) + "% slower");
            } else if (slowdown > options.maxSlowdown()) {
                verdict = "ok: within measured error";
            } else {
                verdict = "ok";
            }
            rows.add(new SpeedRow(br.key(), br.unit(), br.score(), br.error(), cr.score(), cr.error(),
                    cr.score() / br.score() - 1, verdict));
            md.append("| ").append(MarkdownReport.cell(br.key())).append(" | ")
                    .append(Formats.rate(br.score())).append(" ± ").append(Formats.rate(br.error())).append(' ')
                    .append(MarkdownReport.cell(br.unit())).append(" | ").append(Formats.rate(cr.score())).append(" ± ")
                    .append(Formats.rate(cr.error())).append(" | ")
                    .append(Formats.percent(cr.score() / br.score() - 1))
                    .append(" | ").append(verdict.equals("regression") ? "**regression**" : verdict).append(" |\n");
        }
        md.append('\n');
    }
}
