package org.stancebench.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;

/**
 * A leaderboard of many results files side by side ({@code stancebench report --from R1 R2 ...}): the
 * runs grouped by dataset (name and fingerprint: only runs on the same data are ranked together) and
 * protocol, sorted by the headline metric, each with its 95% interval, accuracy, the official metric
 * and the file it came from; Markdown and a self-contained HTML page with one interval chart per group.
 * Deterministic: the same files in the same order give the same bytes.
 */
public final class ManyRunsReport {

    /** One results file and the name it goes by in the report (its path as given). */
    public record Source(String name, Results results) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(results, "results");
        }
    }

    /** One row: a run and where it came from. */
    record Row(String source, RunResult run) {
    }

    /** A group of comparable rows: one dataset, one protocol. */
    record Group(String dataset, String fingerprint, String protocol, List<Row> rows) {
        String title() {
            return dataset + " (" + MarkdownReport.shortHash(fingerprint) + "), " + protocol;
        }
    }

    private ManyRunsReport() {
    }

    static List<Group> groups(List<Source> sources, String metric) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Source s : sources) {
            for (RunResult run : s.results().runs()) {
                String protocol = Leaderboard.describe(run.protocol());
                String key = s.results().dataset().fingerprint() + "\n" + protocol;
                groups.computeIfAbsent(key, k -> new Group(s.results().dataset().name(),
                        s.results().dataset().fingerprint(), protocol, new ArrayList<>())).rows().add(new Row(s.name(), run));
            }
        }
        List<Group> out = new ArrayList<>();
        for (Group g : groups.values()) {
            List<Row> rows = new ArrayList<>(g.rows());
            rows.sort(Comparator.comparingDouble((Row r) -> -Leaderboard.headline(r.run(), metric)));
            out.add(new Group(g.dataset(), g.fingerprint(), g.protocol(), rows));
        }
        return out;
    }

    /** The Markdown leaderboard. */
    public static String markdown(List<Source> sources, String metric) {
        String headline = Leaderboard.metricName(metric);
        StringBuilder md = new StringBuilder("# StanceBench: ").append(sources.size()).append(" results files\n\n");
        md.append("Runs on the same data (dataset fingerprint) and protocol are ranked together by ").append(headline)
                .append(", with 95% bootstrap intervals.\n\n");
        for (Group g : groups(sources, metric)) {
            md.append("## ").append(MarkdownReport.cell(g.title())).append("\n\n");
            md.append("| # | run | ").append(headline).append(" | accuracy | official | file |\n");
            md.append("|---:|---|---:|---:|---|---|\n");
            int rank = 1;
            for (Row r : g.rows()) {
                md.append("| ").append(rank++).append(" | ").append(MarkdownReport.cell(r.run().name())).append(" | ")
                        .append(value(r.run().metrics().get(metric))).append(" | ")
                        .append(value(r.run().metrics().get("accuracy"))).append(" | ")
                        .append(r.run().official() == null ? "–" : MarkdownReport.cell(r.run().official().name()) + " "
                                + value(r.run().metrics().get(r.run().official().name())))
                        .append(" | ").append(MarkdownReport.cell(r.source())).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * The HTML page: the same tables, an interval chart per group and, when the files carry benchmark
     * summaries, throughput against macro-F1 per group ({@link TradeoffChart}).
     */
    public static String html(List<Source> sources, String metric) {
        String headline = Leaderboard.metricName(metric);
        Markup m = new Markup();
        m.raw("<!DOCTYPE html>\n");
        m.open("html", "lang", "en");
        m.open("head");
        m.empty("meta", "charset", "utf-8");
        m.element("title", "StanceBench: " + sources.size() + " results files");
        m.element("style", HtmlReport.CSS);
        m.close("head").newline();
        m.open("body");
        m.element("h1", "StanceBench: " + sources.size() + " results files");
        m.element("p", "Runs on the same data and protocol are ranked together by " + headline
                + ", with 95% bootstrap intervals.", "class", "sub");
        Map<String, String> palette = new LinkedHashMap<>();
        for (Source s : sources) {
            s.results().runs().forEach(r -> palette.putIfAbsent(r.classifier(), Svg.colour(palette.size())));
        }
        int chart = 0;
        for (Group g : groups(sources, metric)) {
            m.element("h2", g.title());
            List<IntervalBarChart.Row> bars = new ArrayList<>();
            m.open("table");
            m.open("tr");
            for (String h : List.of("#", "run", headline, "accuracy", "file")) {
                m.element("th", h);
            }
            m.close("tr");
            int rank = 1;
            for (Row r : g.rows()) {
                MetricValue v = r.run().metrics().get(metric);
                bars.add(v == null ? new IntervalBarChart.Row(r.run().name(), Double.NaN, Double.NaN, Double.NaN,
                        palette.get(r.run().classifier()))
                        : new IntervalBarChart.Row(r.run().name(), v.value(), v.low(), v.high(), palette.get(r.run().classifier())));
                m.open("tr");
                m.element("td", String.valueOf(rank++));
                m.element("td", r.run().name());
                m.element("td", value(v));
                m.element("td", value(r.run().metrics().get("accuracy")));
                m.element("td", r.source());
                m.close("tr");
            }
            m.close("table");
            m.raw(IntervalBarChart.render("many-" + chart, g.title(), headline, bars));
            tradeoff(m, "many-tradeoff-" + chart++, g, sources, palette);
        }
        m.close("body");
        m.close("html").newline();
        return m.toString();
    }

    /**
     * The group's runs as points of throughput against macro-F1, each with the benchmark summary of
     * its own results file; a run name that occurs in more than one file is labelled with the file.
     */
    private static void tradeoff(Markup m, String chart, Group g, List<Source> sources, Map<String, String> palette) {
        Map<String, BenchFigures> bench = new LinkedHashMap<>();
        sources.forEach(s -> bench.put(s.name(), BenchFigures.of(s.results().benchmarks())));
        if (g.rows().stream().allMatch(r -> bench.get(r.source()) == null)) {
            return;
        }
        Map<String, Long> names = new LinkedHashMap<>();
        g.rows().forEach(r -> names.merge(r.run().name(), 1L, Long::sum));
        List<TradeoffChart.Candidate> candidates = new ArrayList<>();
        for (Row r : g.rows()) {
            String label = names.get(r.run().name()) > 1 ? r.run().name() + " (" + r.source() + ")" : r.run().name();
            candidates.add(new TradeoffChart.Candidate(label, r.run(), bench.get(r.source()),
                    palette.get(r.run().classifier())));
        }
        TradeoffChart.figure(m, chart, g.title(), candidates);
    }

    private static String value(MetricValue v) {
        return v == null ? "–" : Formats.metric(v.value()) + " " + Formats.interval(v.low(), v.high());
    }
}
