package org.stancebench.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.stancebench.eval.results.ClassMetrics;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;

/**
 * Renders a results file as Markdown ({@code report.md}) that fits a pull-request comment or a CI job
 * summary: leaderboards with 95% intervals, per-class F1, the significance summary, speed when the
 * file has benchmark data, and the data fingerprint and provenance.
 *
 * <p>Deterministic: the same results give the same text. Every string from the file is escaped for
 * Markdown table cells, so a name containing {@code |} or a backtick cannot break a table.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /** The whole report. */
    public static String render(Results results) {
        return render(results, Leaderboard.DEFAULT_METRIC);
    }

    /** The whole report, with leaderboards sorted by {@code metric}. */
    public static String render(Results results, String metric) {
        Leaderboard board = Leaderboard.of(results, metric);
        StringBuilder md = new StringBuilder();
        md.append("# StanceBench report: ").append(cell(results.dataset().name())).append("\n\n");
        md.append("Dataset `").append(code(results.dataset().name())).append("` (fingerprint `")
                .append(code(shortHash(results.dataset().fingerprint()))).append("`, ")
                .append(results.dataset().labels().size()).append(" labels), ")
                .append(results.runs().size()).append(" runs, ").append(cell(results.createdBy()));
        if (results.environment().commit() != null) {
            md.append(", commit `").append(code(shortHash(results.environment().commit()))).append('`');
        }
        md.append(".\n\n");
        md.append(leaderboards(board));
        md.append(perClass(results, board));
        md.append(significance(results));
        md.append(speed(results));
        md.append(provenance(results));
        return md.toString();
    }

    /** Only the leaderboard tables, for printing at the end of {@code reproduce}. */
    public static String leaderboards(Results results) {
        return leaderboards(Leaderboard.of(results, Leaderboard.DEFAULT_METRIC));
    }

    private static String leaderboards(Leaderboard board) {
        StringBuilder md = new StringBuilder();
        String headline = Leaderboard.metricName(board.metric());
        for (Leaderboard.Group group : board.groups()) {
            boolean spread = hasSpread(group, board.metric());
            md.append("## Leaderboard: ").append(group.title()).append("\n\n");
            md.append("Sorted by ").append(headline).append(" on ")
                    .append(group.protocol().isCv() ? "the pooled out-of-fold predictions" : "the split")
                    .append("; [95% bootstrap interval]")
                    .append(spread ? "; mean ± sd over seeds × repeats" : "").append(".\n\n");
            md.append("| # | classifier | ").append(headline).append(" [95% CI] |");
            if (spread) {
                md.append(" mean ± sd |");
            }
            md.append(" accuracy [95% CI] | kappa | log-loss | ECE |\n");
            md.append("|---:|---|---|");
            if (spread) {
                md.append("---|");
            }
            md.append("---|---:|---:|---:|\n");
            int rank = 1;
            for (RunResult run : group.runs()) {
                MetricValue h = run.metrics().get(board.metric());
                md.append("| ").append(rank++).append(" | ").append(cell(run.classifier())).append(" | ")
                        .append(withInterval(h)).append(" |");
                if (spread) {
                    md.append(' ').append(spread(h)).append(" |");
                }
                md.append(' ').append(withInterval(run.metrics().get("accuracy"))).append(" | ")
                        .append(plain(run, "kappa")).append(" | ").append(plain(run, "log-loss")).append(" | ")
                        .append(plain(run, "ece")).append(" |\n");
            }
            md.append('\n');
        }
        if (board.groups().isEmpty()) {
            md.append("No runs in this results file.\n\n");
        }
        return md.toString();
    }

    /** Whether any run of the group has a mean and sd over seeds and repeats (more than one of them). */
    static boolean hasSpread(Leaderboard.Group group, String metric) {
        return group.runs().stream().anyMatch(r -> r.metrics().get(metric) != null
                && r.metrics().get(metric).mean() != null);
    }

    private static String perClass(Results results, Leaderboard board) {
        StringBuilder md = new StringBuilder();
        List<String> labels = results.dataset().labels();
        for (Leaderboard.Group group : board.groups()) {
            md.append("## Per-class F1: ").append(group.title()).append("\n\n| classifier |");
            for (String label : labels) {
                md.append(' ').append(cell(label)).append(" |");
            }
            md.append("\n|---|");
            md.append("---:|".repeat(labels.size()));
            md.append('\n');
            for (RunResult run : group.runs()) {
                md.append("| ").append(cell(run.classifier())).append(" |");
                for (String label : labels) {
                    ClassMetrics c = run.perClass().get(label);
                    md.append(' ').append(c == null ? "n/a" : Formats.metric(c.f1().value())).append(" |");
                }
                md.append('\n');
            }
            md.append("| *support* |");
            RunResult first = group.runs().get(0);
            for (String label : labels) {
                ClassMetrics c = first.perClass().get(label);
                md.append(' ').append(c == null ? "n/a" : Long.toString(c.support())).append(" |");
            }
            md.append("\n\n");
        }
        return md.toString();
    }

    private static String significance(Results results) {
        StringBuilder md = new StringBuilder("## Significance\n\n");
        if (results.comparisons().isEmpty()) {
            return md.append("No pairwise comparisons in this results file.\n\n").toString();
        }
        Map<String, List<Comparison>> families = families(results.comparisons());
        for (Map.Entry<String, List<Comparison>> family : families.entrySet()) {
            List<Comparison> cs = family.getValue();
            long significant = cs.stream().filter(Comparison::significant).count();
            md.append("- **").append(cell(family.getKey())).append("**: ").append(significant).append(" of ")
                    .append(cs.size()).append(" pairs differ significantly (Holm-adjusted p < ")
                    .append(Formats.fixed(cs.get(0).alpha(), 2)).append(")");
            List<String> pairs = new ArrayList<>();
            for (Comparison c : cs) {
                if (c.significant()) {
                    boolean aBetter = c.difference() >= 0;
                    pairs.add(cell(aBetter ? c.a() : c.b()) + " > " + cell(aBetter ? c.b() : c.a()) + " (p = "
                            + Formats.pValue(c.pHolm()) + ")");
                }
            }
            md.append(pairs.isEmpty() ? "." : ": " + String.join(", ", pairs) + ".").append('\n');
        }
        // The full list is long (every pair, every metric and test): folded, so a PR comment stays short.
        md.append("\n<details><summary>All ").append(results.comparisons().size())
                .append(" tests</summary>\n\n| a | b | metric | test | a − b | p | p (Holm) | significant |\n");
        md.append("|---|---|---|---|---:|---:|---:|---|\n");
        for (List<Comparison> cs : families.values()) {
            for (Comparison c : cs) {
                md.append("| ").append(cell(c.a())).append(" | ").append(cell(c.b())).append(" | ")
                        .append(cell(c.metric())).append(" | ").append(cell(c.test())).append(" | ")
                        .append(Formats.signed(c.difference(), 3)).append(" | ").append(Formats.pValue(c.pValue()))
                        .append(" | ").append(Formats.pValue(c.pHolm())).append(" | ")
                        .append(c.significant() ? "**yes**" : "no").append(" |\n");
            }
        }
        return md.append("\n</details>\n\n").toString();
    }

    /** Comparisons grouped into Holm families (metric and test), in a stable order. */
    static Map<String, List<Comparison>> families(List<Comparison> comparisons) {
        Map<String, List<Comparison>> out = new LinkedHashMap<>();
        for (String key : new TreeSet<>(comparisons.stream().map(c -> c.metric() + ", " + c.test()).toList())) {
            List<Comparison> members = new ArrayList<>();
            for (Comparison c : comparisons) {
                if ((c.metric() + ", " + c.test()).equals(key)) {
                    members.add(c);
                }
            }
            members.sort(java.util.Comparator.comparingDouble(Comparison::pHolm)
                    .thenComparing(Comparison::a).thenComparing(Comparison::b));
            out.put(key, members);
        }
        return out;
    }

    private static String speed(Results results) {
        StringBuilder md = new StringBuilder("## Speed\n\n");
        BenchFigures bench = BenchFigures.of(results.benchmarks());
        if (bench == null || bench.rows().isEmpty()) {
            return md.append("No benchmark data in this run.\n\n").toString();
        }
        TreeSet<Integer> batches = new TreeSet<>();
        for (BenchFigures.Row r : bench.rows()) {
            if (r.benchmark().equals("throughput") && r.threads() == 1 && r.textLength() == null) {
                batches.add(r.batchSize());
            }
        }
        md.append("End-to-end throughput in texts/s (± 99.9% error, one thread), latency per text at batch 1 ")
                .append("in µs. Mode `").append(code(bench.mode())).append("`, hardware: ")
                .append(cell(bench.hardware())).append(" (fingerprint `")
                .append(code(shortHash(bench.hardwareFingerprint()))).append("`).\n\n| classifier |");
        for (int b : batches) {
            md.append(" batch ").append(b).append(" |");
        }
        md.append(" p50 | p99 |\n|---|").append("---:|".repeat(batches.size())).append("---:|---:|\n");
        for (String classifier : bench.classifiers()) {
            List<BenchFigures.Row> rows = bench.throughput(classifier, 1);
            if (rows.isEmpty() && bench.latency(classifier) == null) {
                // Only stage benchmarks (for example the shared MiniLM encoder): not an end-to-end row.
                continue;
            }
            md.append("| ").append(cell(classifier)).append(" |");
            for (int b : batches) {
                BenchFigures.Row row = rows.stream().filter(r -> r.batchSize() == b).findFirst().orElse(null);
                md.append(' ').append(row == null ? "–" : Formats.rate(row.score()) + " ± " + Formats.rate(row.error()))
                        .append(" |");
            }
            BenchFigures.Row lat = bench.latency(classifier);
            md.append(' ').append(lat == null || lat.p50() == null ? "–" : Formats.fixed(lat.p50(), 1)).append(" | ")
                    .append(lat == null || lat.p99() == null ? "–" : Formats.fixed(lat.p99(), 1)).append(" |\n");
        }
        for (String note : bench.notes()) {
            md.append("\n> ").append(cell(note));
        }
        return md.append("\n\n").toString();
    }

    private static String provenance(Results results) {
        StringBuilder md = new StringBuilder("## Data and provenance\n\n");
        var ds = results.dataset();
        md.append("| | |\n|---|---|\n");
        md.append("| dataset | `").append(code(ds.name())).append("` |\n");
        md.append("| fingerprint | `").append(code(ds.fingerprint())).append("` |\n");
        md.append("| labels | ").append(cell(String.join(", ", ds.labels()))).append(" |\n");
        for (Map.Entry<String, Map<String, Integer>> split : new java.util.TreeMap<>(ds.counts()).entrySet()) {
            int total = split.getValue().values().stream().mapToInt(Integer::intValue).sum();
            List<String> parts = new ArrayList<>();
            for (String label : ds.labels()) {
                parts.add(label + " " + split.getValue().getOrDefault(label, 0));
            }
            md.append("| ").append(cell(split.getKey())).append(" examples | ").append(total).append(" (")
                    .append(cell(String.join(", ", parts))).append(") |\n");
        }
        md.append("| seeds | ").append(cell(seeds(results))).append(" |\n");
        Map<String, String> engines = engines(results);
        if (!engines.isEmpty()) {
            List<String> parts = new ArrayList<>();
            engines.forEach((classifier, engine) -> parts.add(classifier + ": " + engine));
            md.append("| inference engines | ").append(cell(String.join("; ", parts))).append(" |\n");
        }
        if (!results.runs().isEmpty()) {
            var b = results.runs().get(0).bootstrap();
            md.append("| intervals | percentile bootstrap, ").append(b.resamples()).append(" resamples, seed ")
                    .append(b.seed()).append(b.stratified() ? ", stratified" : "").append(" |\n");
        }
        var env = results.environment();
        md.append("| created by | ").append(cell(results.createdBy())).append(" |\n");
        md.append("| commit | ").append(env.commit() == null ? "unknown" : "`" + code(env.commit()) + "`").append(" |\n");
        md.append("| environment | Java ").append(cell(env.java())).append(", ").append(cell(env.os())).append(", ")
                .append(cell(env.arch())).append(", ").append(env.cpus()).append(" CPUs |\n");
        BenchFigures bench = BenchFigures.of(results.benchmarks());
        if (bench != null) {
            md.append("| benchmark hardware | ").append(cell(bench.hardware())).append(" |\n");
        }
        return md.append('\n').toString();
    }

    /**
     * The DJL engine of each classifier whose trained model recorded one in its provenance, for
     * example {@code OnnxRuntime 1.29.0 (DJL 0.36.0)}, sorted by classifier; pure-Java ones are absent.
     */
    static Map<String, String> engines(Results results) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (RunResult r : results.runs()) {
            var p = r.provenance();
            if (p != null && p.hasNonNull("djlEngine")) {
                out.put(r.classifier(), p.get("djlEngine").asText() + " " + p.path("djlEngineVersion").asText("")
                        + (p.hasNonNull("djlVersion") ? " (DJL " + p.get("djlVersion").asText() + ")" : ""));
            }
        }
        return out;
    }

    /** The distinct training seeds of all runs, for example {@code 13, 14, 15}. */
    static String seeds(Results results) {
        TreeSet<Long> seeds = new TreeSet<>();
        results.runs().forEach(r -> seeds.addAll(r.seeds()));
        if (seeds.isEmpty()) {
            return "none recorded";
        }
        return String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    private static String withInterval(MetricValue v) {
        return v == null ? "n/a" : Formats.metric(v.value()) + " " + Formats.interval(v.low(), v.high());
    }

    private static String spread(MetricValue v) {
        return v == null || v.mean() == null ? "–"
                : Formats.metric(v.mean()) + " ± " + Formats.metric(v.std() == null ? 0 : v.std());
    }

    private static String plain(RunResult run, String key) {
        MetricValue v = run.metrics().get(key);
        return v == null ? "–" : Formats.metric(v.value());
    }

    static String shortHash(String hash) {
        return hash == null ? "unknown" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** Escapes text for a Markdown table cell: pipes, backslashes, HTML-significant characters, newlines. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '|', '\\', '`', '*', '_', '[', ']' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Text inside an inline code span: backticks and pipes cannot be escaped there, so they are replaced. */
    static String code(String text) {
        return text == null ? "" : text.replace('`', '\'').replace("|", "¦").replace('\n', ' ');
    }
}
