package org.stancebench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.eval.results.CalibrationBin;
import org.stancebench.eval.results.ClassMetrics;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;

/**
 * Renders a results file as one self-contained HTML page ({@code report.html}): inline CSS, charts
 * as inline SVG, no scripts, fonts, images or links to anything outside the file.
 *
 * <p>Sections, each a {@code <section>} with a fixed id: {@code leaderboard} (interval bar chart and
 * table per protocol), {@code per-class} (grouped F1 bars), {@code confusion} (one heatmap per run),
 * {@code calibration} (reliability diagram per protocol), {@code significance} (Holm-adjusted
 * p-value matrix per protocol and test), {@code speed} (throughput against batch size, or a note that
 * the run has no benchmark data), {@code tradeoff} (throughput against macro-F1 per protocol with the
 * Pareto front, {@link TradeoffChart}) and {@code data} (data card and provenance).
 *
 * <p>Deterministic (same results, same bytes) and well-formed XML as well as HTML: every string from
 * the file is escaped, so the tests parse the page with an XML parser.
 */
public final class HtmlReport {
    static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1200px;"
                    + "padding:16px 24px;color:#1b1b1b;background:#fff}",
            "h1{font-size:1.6em;margin-bottom:4px}h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}",
            "h3{margin:18px 0 6px}p.sub{color:#555;margin-top:0}",
            "table{border-collapse:collapse;margin:8px 0 16px;font-size:0.9em}",
            "th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}",
            "th{background:#f4f4f4}.note{background:#fff8e1;border-left:4px solid #f0b400;padding:8px 12px}",
            ".grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.grid figure{margin:0}",
            "figcaption{font-size:0.85em;color:#444;text-align:center}code{font-size:0.9em}",
            "svg.chart{max-width:100%;height:auto}.sig{font-weight:bold;color:#1a7f37}");
    private static final String SIGNIFICANT_STRONG = "#1a7f37";
    private static final String SIGNIFICANT = "#8fd19e";
    private static final String NOT_SIGNIFICANT = "#eeeeee";
    private static final String NOT_COMPARED = "#ffffff";

    private HtmlReport() {
    }

    /** The page, with leaderboards sorted by macro-F1. */
    public static String render(Results results) {
        return render(results, Leaderboard.DEFAULT_METRIC);
    }

    /** The page, with leaderboards sorted by {@code metric}. */
    public static String render(Results results, String metric) {
        Leaderboard board = Leaderboard.of(results, metric);
        Markup m = new Markup();
        m.raw("<!DOCTYPE html>\n");
        m.open("html", "lang", "en");
        m.open("head");
        m.empty("meta", "charset", "utf-8");
        m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        m.element("title", "StanceBench report: " + results.dataset().name());
        m.element("style", CSS);
        m.close("head").newline();
        m.open("body");
        m.element("h1", "StanceBench report: " + results.dataset().name());
        m.element("p", "Dataset fingerprint " + MarkdownReport.shortHash(results.dataset().fingerprint()) + " · "
                + results.runs().size() + " runs · " + results.createdBy()
                + (results.environment().commit() == null ? ""
                        : " · commit " + MarkdownReport.shortHash(results.environment().commit())), "class", "sub");
        Map<String, String> palette = palette(results);
        leaderboard(m, board, palette);
        perClass(m, results, board, palette);
        confusion(m, results, board);
        calibration(m, board, palette);
        significance(m, results, board);
        speed(m, results, palette);
        tradeoff(m, results, board, palette);
        data(m, results);
        m.close("body");
        m.close("html").newline();
        return m.toString();
    }

    /**
     * One colour per classifier, the same in every chart: classifiers (of runs and of benchmark rows)
     * sorted by name take the palette in order.
     */
    static Map<String, String> palette(Results results) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        results.runs().forEach(r -> names.add(r.classifier()));
        BenchFigures bench = BenchFigures.of(results.benchmarks());
        if (bench != null) {
            names.addAll(bench.classifiers());
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        int i = 0;
        for (String name : names) {
            out.put(name, Svg.colour(i++));
        }
        return out;
    }

    private static void leaderboard(Markup m, Leaderboard board, Map<String, String> palette) {
        m.open("section", "id", "leaderboard").newline();
        m.element("h2", "Leaderboard");
        String headline = Leaderboard.metricName(board.metric());
        if (board.groups().isEmpty()) {
            m.element("p", "No runs in this results file.", "class", "note");
        }
        for (Leaderboard.Group g : board.groups()) {
            m.element("h3", g.title());
            m.element("p", "Sorted by " + headline + "; bars show the value on "
                    + (g.protocol().isCv() ? "the pooled out-of-fold predictions" : "the split")
                    + ", error bars the 95% bootstrap interval.", "class", "sub");
            List<IntervalBarChart.Row> rows = new ArrayList<>();
            for (RunResult r : g.runs()) {
                MetricValue v = r.metrics().get(board.metric());
                String colour = palette.get(r.classifier());
                rows.add(v == null ? new IntervalBarChart.Row(r.classifier(), Double.NaN, Double.NaN, Double.NaN, colour)
                        : new IntervalBarChart.Row(r.classifier(), v.value(), v.low(), v.high(), colour));
            }
            m.raw(IntervalBarChart.render("leaderboard-" + g.key(), headline + ", " + g.title(), headline, rows))
                    .newline();
            boolean spread = MarkdownReport.hasSpread(g, board.metric());
            m.open("table");
            m.open("tr");
            for (String h : List.of("#", "classifier", headline, "95% CI", "mean ± sd", "accuracy", "95% CI", "kappa",
                    "log-loss", "ECE")) {
                if (spread || !h.equals("mean ± sd")) {
                    m.element("th", h);
                }
            }
            m.close("tr");
            int rank = 1;
            for (RunResult r : g.runs()) {
                MetricValue h = r.metrics().get(board.metric());
                MetricValue acc = r.metrics().get("accuracy");
                m.open("tr");
                m.element("td", Integer.toString(rank++), "class", "n");
                m.element("td", r.classifier());
                m.element("td", h == null ? "n/a" : Formats.metric(h.value()), "class", "n");
                m.element("td", h == null ? "n/a" : Formats.interval(h.low(), h.high()), "class", "n");
                if (spread) {
                    m.element("td", h == null || h.mean() == null ? "–"
                            : Formats.metric(h.mean()) + " ± " + Formats.metric(h.std() == null ? 0 : h.std()), "class", "n");
                }
                m.element("td", acc == null ? "n/a" : Formats.metric(acc.value()), "class", "n");
                m.element("td", acc == null ? "n/a" : Formats.interval(acc.low(), acc.high()), "class", "n");
                for (String key : List.of("kappa", "log-loss", "ece")) {
                    MetricValue v = r.metrics().get(key);
                    m.element("td", v == null ? "–" : Formats.metric(v.value()), "class", "n");
                }
                m.close("tr");
            }
            m.close("table").newline();
        }
        m.close("section").newline();
    }

    private static void perClass(Markup m, Results results, Leaderboard board, Map<String, String> palette) {
        m.open("section", "id", "per-class").newline();
        m.element("h2", "Per-class F1");
        List<String> labels = results.dataset().labels();
        m.open("div", "class", "grid");
        for (Leaderboard.Group g : board.groups()) {
            m.open("figure");
            List<String> names = g.runs().stream().map(RunResult::classifier).toList();
            double[][] values = new double[names.size()][labels.size()];
            for (int s = 0; s < names.size(); s++) {
                for (int l = 0; l < labels.size(); l++) {
                    ClassMetrics c = g.runs().get(s).perClass().get(labels.get(l));
                    values[s][l] = c == null ? Double.NaN : c.f1().value();
                }
            }
            m.raw(GroupedBarChart.render("per-class-" + g.key(), "Per-class F1, " + g.title(), "F1", labels, names,
                    names.stream().map(palette::get).toList(), values));
            m.element("figcaption", g.title());
            m.close("figure").newline();
        }
        m.close("div");
        m.close("section").newline();
    }

    private static void confusion(Markup m, Results results, Leaderboard board) {
        m.open("section", "id", "confusion").newline();
        m.element("h2", "Confusion matrices");
        m.element("p", "Rows are gold labels, columns predicted labels; each cell holds the count, shaded by its "
                + "share of the row. With cross-validation the counts include every repeat and seed.", "class", "sub");
        List<String> labels = results.dataset().labels();
        for (Leaderboard.Group g : board.groups()) {
            m.element("h3", g.title());
            m.open("div", "class", "grid");
            for (RunResult r : g.runs()) {
                int n = labels.size();
                String[][] text = new String[n][n];
                String[][] fill = new String[n][n];
                String[][] tips = new String[n][n];
                for (int i = 0; i < n; i++) {
                    List<Long> row = r.confusion().matrix().get(i);
                    long total = row.stream().mapToLong(Long::longValue).sum();
                    for (int j = 0; j < n; j++) {
                        long count = row.get(j);
                        double share = total == 0 ? 0 : (double) count / total;
                        text[i][j] = Long.toString(count);
                        fill[i][j] = Heatmap.blend("#f7fbff", i == j ? "#08519c" : "#a50f15", share);
                        tips[i][j] = "gold " + labels.get(i) + ", predicted " + labels.get(j) + ": " + count
                                + " (" + Formats.fixed(100 * share, 1) + "% of the row)";
                    }
                }
                m.open("figure");
                m.raw(Heatmap.render("confusion-" + g.key() + "-" + r.name(), "Confusion matrix of " + r.name(),
                        "gold", "predicted", labels, labels, text, fill, tips));
                m.element("figcaption", r.classifier());
                m.close("figure").newline();
            }
            m.close("div");
        }
        m.close("section").newline();
    }

    private static void calibration(Markup m, Leaderboard board, Map<String, String> palette) {
        m.open("section", "id", "calibration").newline();
        m.element("h2", "Reliability");
        m.element("p", "One small diagram per run: accuracy against mean confidence in 15 equal-width confidence "
                + "bins (empty bins left out; hover a point for its count); the dashed diagonal is perfect "
                + "calibration.", "class", "sub");
        LineChart.Axes axes = new LineChart.Axes("mean confidence", 0, 1, false, "accuracy", 0, 1, false, true);
        for (Leaderboard.Group g : board.groups()) {
            m.element("h3", g.title());
            List<RunResult> withProbabilities = g.runs().stream().filter(r -> r.calibration() != null).toList();
            if (withProbabilities.isEmpty()) {
                m.element("p", "No run of this protocol has probabilities, so there is no reliability diagram.",
                        "class", "note");
                continue;
            }
            m.open("div", "class", "grid");
            for (RunResult r : withProbabilities) {
                List<LineChart.Point> pts = new ArrayList<>();
                for (CalibrationBin b : r.calibration().bins()) {
                    if (b.count() > 0) {
                        pts.add(new LineChart.Point(b.meanConfidence(), b.accuracy(), 0,
                                "confidence " + Formats.fixed(b.meanConfidence(), 2) + ", accuracy "
                                        + Formats.fixed(b.accuracy(), 2) + ", " + b.count() + " predictions"));
                    }
                }
                m.open("figure");
                m.raw(LineChart.render("reliability-" + g.key() + "-" + r.name(), "Reliability diagram of " + r.name(),
                        axes, List.of(r.classifier()), List.of(palette.get(r.classifier())), List.of(pts), 170, 150));
                m.element("figcaption", r.classifier() + " · ECE " + Formats.metric(r.calibration().ece()));
                m.close("figure").newline();
            }
            m.close("div");
        }
        m.close("section").newline();
    }

    private static void significance(Markup m, Results results, Leaderboard board) {
        m.open("section", "id", "significance").newline();
        m.element("h2", "Pairwise significance");
        m.element("p", "Each cell is the Holm-adjusted p-value of the paired test between the row's and the "
                + "column's classifier (one Holm family per metric and test); dark green p < 0.01, light green "
                + "p < alpha, grey not significant, white not compared.", "class", "sub");
        if (results.comparisons().isEmpty()) {
            m.element("p", "No pairwise comparisons in this results file.", "class", "note");
        }
        Map<String, List<Comparison>> families = MarkdownReport.families(results.comparisons());
        m.open("div", "class", "grid");
        for (Leaderboard.Group g : board.groups()) {
            List<String> runNames = g.runs().stream().map(RunResult::name).toList();
            for (Map.Entry<String, List<Comparison>> family : families.entrySet()) {
                List<Comparison> inGroup = family.getValue().stream()
                        .filter(c -> runNames.contains(c.a()) && runNames.contains(c.b())).toList();
                if (inGroup.isEmpty()) {
                    continue;
                }
                int n = runNames.size();
                String[][] text = new String[n][n];
                String[][] fill = new String[n][n];
                String[][] tips = new String[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        text[i][j] = i == j ? "—" : "";
                        fill[i][j] = NOT_COMPARED;
                        tips[i][j] = i == j ? runNames.get(i) : runNames.get(i) + " vs " + runNames.get(j)
                                + ": not compared";
                    }
                }
                for (Comparison c : inGroup) {
                    int i = runNames.indexOf(c.a());
                    int j = runNames.indexOf(c.b());
                    String colour = c.significant() ? (c.pHolm() < 0.01 ? SIGNIFICANT_STRONG : SIGNIFICANT)
                            : NOT_SIGNIFICANT;
                    for (int[] cell : new int[][] {{i, j}, {j, i}}) {
                        double diff = cell[0] == i ? c.difference() : -c.difference();
                        text[cell[0]][cell[1]] = Formats.pValue(c.pHolm());
                        fill[cell[0]][cell[1]] = colour;
                        tips[cell[0]][cell[1]] = runNames.get(cell[0]) + " − " + runNames.get(cell[1]) + " = "
                                + Formats.signed(diff, 3) + "; p = " + Formats.pValue(c.pValue()) + ", Holm p = "
                                + Formats.pValue(c.pHolm()) + (c.significant() ? ", significant" : ", not significant");
                    }
                }
                List<String> shown = g.runs().stream().map(RunResult::classifier).toList();
                String chart = "significance-" + g.key() + "-" + family.getKey().replaceAll("[^A-Za-z0-9]+", "-");
                m.open("figure");
                m.raw(Heatmap.render(chart, "Holm-adjusted p-values, " + family.getKey(), "", "", shown, shown, text,
                        fill, tips));
                m.element("figcaption", g.title() + ": " + family.getKey());
                m.close("figure").newline();
            }
        }
        m.close("div");
        m.close("section").newline();
    }

    private static void speed(Markup m, Results results, Map<String, String> palette) {
        m.open("section", "id", "speed").newline();
        m.element("h2", "Throughput against batch size");
        BenchFigures bench = BenchFigures.of(results.benchmarks());
        List<String> names = new ArrayList<>();
        List<List<LineChart.Point>> points = new ArrayList<>();
        double maxBatch = 1;
        double maxRate = 0;
        double minRate = Double.POSITIVE_INFINITY;
        if (bench != null) {
            for (String classifier : bench.classifiers()) {
                List<BenchFigures.Row> rows = bench.throughput(classifier, 1);
                if (rows.isEmpty()) {
                    continue;
                }
                List<LineChart.Point> pts = new ArrayList<>();
                for (BenchFigures.Row r : rows) {
                    pts.add(new LineChart.Point(r.batchSize(), r.score(), r.error(), "batch " + r.batchSize() + ": "
                            + Formats.rate(r.score()) + " ± " + Formats.rate(r.error()) + " texts/s"));
                    maxBatch = Math.max(maxBatch, r.batchSize());
                    maxRate = Math.max(maxRate, r.score());
                    minRate = Math.min(minRate, r.score());
                }
                names.add(classifier);
                points.add(pts);
            }
        }
        if (names.isEmpty()) {
            m.element("p", "No benchmark data in this run: run reproduce without --no-bench, or stancebench bench, "
                    + "to measure throughput.", "class", "note");
        } else {
            m.element("p", "End-to-end texts per second on one thread, logarithmic scale (error bars: JMH's 99.9% "
                    + "interval, clipped to the plot). Mode " + bench.mode() + "; hardware: " + bench.hardware() + ".",
                    "class", "sub");
            double xMax = Math.max(2, Math.pow(2, Math.ceil(Math.log(maxBatch) / Math.log(2))));
            // Throughputs span orders of magnitude (a majority baseline against a transformer): log scale.
            double yMin = Math.pow(10, Math.floor(Math.log10(Math.max(minRate, 1e-3))));
            double yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(maxRate, yMin * 10))));
            LineChart.Axes axes = new LineChart.Axes("batch size (texts per call)", 1, xMax, true,
                    "texts/s (log scale)", yMin, yMax, true, false);
            m.raw(LineChart.render("throughput", "Throughput against batch size", axes, names,
                    names.stream().map(palette::get).toList(), points)).newline();
            for (String note : bench.notes()) {
                m.element("p", note, "class", "sub");
            }
        }
        m.close("section").newline();
    }

    private static void tradeoff(Markup m, Results results, Leaderboard board, Map<String, String> palette) {
        m.open("section", "id", "tradeoff").newline();
        m.element("h2", "Speed against quality");
        BenchFigures bench = BenchFigures.of(results.benchmarks());
        if (bench == null) {
            m.element("p", "No benchmark data in this run, so speed cannot be set against quality.", "class", "note");
        } else {
            m.element("p", "One point per classifier with a result and a throughput; mode " + bench.mode()
                    + "; hardware: " + bench.hardware() + ".", "class", "sub");
            for (Leaderboard.Group g : board.groups()) {
                List<TradeoffChart.Candidate> candidates = g.runs().stream()
                        .map(r -> new TradeoffChart.Candidate(r.classifier(), r, bench, palette.get(r.classifier())))
                        .toList();
                TradeoffChart.figure(m, "tradeoff-" + g.key(), g.title(), candidates);
            }
        }
        m.close("section").newline();
    }

    private static void data(Markup m, Results results) {
        m.open("section", "id", "data").newline();
        m.element("h2", "Data card and provenance");
        var ds = results.dataset();
        List<String> labels = ds.labels();
        m.open("table", "class", "counts");
        m.open("tr");
        m.element("th", "split");
        for (String l : labels) {
            m.element("th", l);
        }
        m.element("th", "total");
        m.close("tr");
        Map<String, Map<String, Integer>> counts = new TreeMap<>(ds.counts());
        int[] totals = new int[labels.size() + 1];
        for (Map.Entry<String, Map<String, Integer>> split : counts.entrySet()) {
            m.open("tr");
            m.element("td", split.getKey());
            int sum = 0;
            for (int i = 0; i < labels.size(); i++) {
                int c = split.getValue().getOrDefault(labels.get(i), 0);
                sum += c;
                totals[i] += c;
                m.element("td", Integer.toString(c), "class", "n");
            }
            totals[labels.size()] += sum;
            m.element("td", Integer.toString(sum), "class", "n");
            m.close("tr");
        }
        m.open("tr");
        m.element("th", "all");
        for (int t : totals) {
            m.element("td", Integer.toString(t), "class", "n");
        }
        m.close("tr");
        m.close("table");
        m.open("table", "class", "provenance");
        row(m, "dataset", ds.name());
        row(m, "data fingerprint", ds.fingerprint());
        row(m, "training seeds", MarkdownReport.seeds(results));
        if (!results.runs().isEmpty()) {
            var b = results.runs().get(0).bootstrap();
            row(m, "intervals", "percentile bootstrap, " + b.resamples() + " resamples, seed " + b.seed()
                    + ", confidence " + Formats.fixed(b.confidence(), 2) + (b.stratified() ? ", stratified" : ""));
        }
        var env = results.environment();
        row(m, "created by", results.createdBy());
        row(m, "commit", env.commit() == null ? "unknown" : env.commit());
        row(m, "Java", env.java());
        row(m, "operating system", env.os() + " (" + env.arch() + ")");
        row(m, "processors", Integer.toString(env.cpus()));
        BenchFigures bench = BenchFigures.of(results.benchmarks());
        if (bench != null) {
            row(m, "benchmark hardware", bench.hardware());
            row(m, "hardware fingerprint", bench.hardwareFingerprint());
        }
        m.close("table");
        m.element("h3", "Runs");
        m.open("table", "class", "runs");
        m.open("tr");
        Map<String, String> engines = MarkdownReport.engines(results);
        for (String h : List.of("run", "classifier", "protocol", "seeds", "engine", "settings")) {
            m.element("th", h);
        }
        m.close("tr");
        for (RunResult r : results.runs().stream().sorted(java.util.Comparator.comparing(RunResult::name)).toList()) {
            m.open("tr");
            m.element("td", r.name());
            m.element("td", r.classifier());
            m.element("td", Leaderboard.describe(r.protocol()));
            m.element("td", String.join(", ", r.seeds().stream().map(String::valueOf).toList()));
            m.element("td", engines.getOrDefault(r.classifier(), "Java"));
            List<String> settings = new ArrayList<>();
            r.settings().forEach((k, v) -> settings.add(k + "=" + v));
            m.element("td", settings.isEmpty() ? "defaults" : String.join(", ", settings));
            m.close("tr");
        }
        m.close("table");
        m.close("section").newline();
    }

    private static void row(Markup m, String key, String value) {
        m.open("tr");
        m.element("th", key);
        m.element("td", value);
        m.close("tr");
    }
}
