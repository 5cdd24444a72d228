package org.stancebench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.stancebench.eval.results.TweetEvalResult;
import org.stancebench.eval.stats.ApproximateRandomization;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.Json;
import org.stancebench.metrics.ConfusionMatrix;
import org.stancebench.metrics.Metrics;

/**
 * Renders the TweetEval reproduction: {@code tweeteval.md} (ours beside the published rows, the mean
 * over seeds, every setting tried with val beside test) and {@code tweeteval.json} (the same numbers).
 */
public final class TweetEvalReport {

    private TweetEvalReport() {
    }

    /** The results as a Markdown table beside the published reference rows. */
    public static String markdown(List<TweetEvalResult> results) {
        StringBuilder md = new StringBuilder("| task | metric | classifier | seed | val | test (ours) | published | "
                + "reference row | difference | settings chosen on val |\n|---|---|---|---:|---:|---:|---:|---|---:|---|\n");
        for (TweetEvalResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s%s | %s | %s | %d | %.1f | %.1f | %.1f | %s | %+.1f | %s |\n",
                    r.task(), r.task().equals("stance") ? (r.perTarget() ? " (per target)" : " (pooled model)") : "",
                    r.metric(), r.classifier(), r.seed(), r.dev(), r.test(), r.published(), TweetEvalResult.referenceRow(r.classifier()),
                    r.test() - r.published(), describe(r.settings())));
        }
        return md.toString();
    }

    /**
     * Per classifier and task, the mean and sample standard deviation of the test score over seeds
     * (only for pairs run with more than one seed), as a Markdown table; empty when there are none.
     */
    public static String seedSummary(List<TweetEvalResult> results) {
        Map<String, List<TweetEvalResult>> byPair = new LinkedHashMap<>();
        for (TweetEvalResult r : results) {
            byPair.computeIfAbsent(r.classifier() + "\u0000" + r.task(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder();
        for (List<TweetEvalResult> rs : byPair.values()) {
            if (rs.size() < 2) {
                continue;
            }
            if (md.isEmpty()) {
                md.append("| task | classifier | seeds | test mean | test sd | min | max | published | difference "
                        + "of the mean |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            }
            double[] t = rs.stream().mapToDouble(TweetEvalResult::test).toArray();
            double mean = Arrays.stream(t).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(t).map(x -> (x - mean) * (x - mean)).sum() / (t.length - 1));
            TweetEvalResult first = rs.get(0);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %+.1f |\n",
                    first.task(), first.classifier(), t.length, mean, sd,
                    Arrays.stream(t).min().orElseThrow(), Arrays.stream(t).max().orElseThrow(),
                    first.published(), mean - first.published()));
        }
        return md.toString();
    }

    /**
     * Every candidate of every task, val beside test, the chosen one marked: how the settings were
     * chosen, as Markdown.
     */
    public static String candidates(List<TweetEvalResult> results) {
        StringBuilder md = new StringBuilder();
        for (TweetEvalResult r : results) {
            md.append(String.format(Locale.ROOT, "\n#### %s, %s, seed %d (%d setting(s), %.0f s)\n\n", r.task(),
                    r.classifier(), r.seed(), r.candidates().size(), r.seconds()));
            md.append("| | setting | val | test | chosen inside each fit |\n|---|---|---:|---:|---|\n");
            for (int i = 0; i < r.candidates().size(); i++) {
                TweetEvalResult.Candidate c = r.candidates().get(i);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s |\n", i == r.chosen() ? "**chosen**" : "",
                        describe(c.settings()), c.dev(), c.test(), innerChoices(c)));
            }
        }
        return md.toString();
    }

    private static String describe(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return "defaults";
        }
        StringBuilder b = new StringBuilder();
        settings.forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return "`" + b + "`";
    }

    /** The values tuned inside each fit; several models (stance targets) give their values joined by '/'. */
    static String innerChoices(TweetEvalResult.Candidate c) {
        StringBuilder b = new StringBuilder();
        for (String key : TweetEvalResult.INNER_CHOICES) {
            List<String> values = c.models().values().stream().map(m -> m.get(key)).filter(Objects::nonNull)
                    .map(v -> v.replaceAll("\\.0$", "")).toList();
            if (!values.isEmpty() && !c.settings().containsKey(key)) {
                b.append(b.isEmpty() ? "" : ", ").append(key).append('=').append(String.join("/", values));
            }
        }
        if (c.models().size() > 1 && !b.isEmpty()) {
            b.append(" (").append(String.join("/", c.models().keySet().stream()
                    .map(k -> k.substring(k.lastIndexOf('-') + 1)).toList())).append(')');
        }
        return b.isEmpty() ? "-" : b.toString();
    }

    /** The files {@link #write} writes. */
    public static final List<String> FILES = List.of("tweeteval.md", "tweeteval.json");

    /**
     * Writes {@code dir/tweeteval.md} (the table beside the published rows, how settings were chosen,
     * every candidate) and {@code dir/tweeteval.json} (the same numbers), each to a temporary file in
     * {@code dir} moved into place atomically.
     *
     * @param command the command line that produced the results, for the record
     * @return the two files written
     */
    public static List<Path> write(Path dir, List<TweetEvalResult> results, List<String> command, Path corpora,
                                   double wallSeconds) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("# TweetEval baselines reproduced\n\n");
        md.append("Command: `").append(String.join(" ", command)).append("`  \n");
        md.append(String.format(Locale.ROOT, "Corpora: `%s`; wall time %.1f min.\n\n", corpora, wallSeconds / 60));
        md.append("Official test sets, x100: stance is the mean of F1(against) and F1(favor) over the five targets' "
                + "test sets pooled, irony the F1 of the irony class, emotion macro-F1. Published rows: Barbieri et al. "
                + "(2020), TweetEval leaderboard; `tfidf-logreg` is compared with the SVM row, `fasttext` with FastText, "
                + "`textcnn` (and other networks) with BLSTM.\n\n");
        md.append(markdown(results));
        String seeds = seedSummary(results);
        if (!seeds.isEmpty()) {
            md.append("\nOver seeds (test):\n\n").append(seeds);
        }
        md.append("\n## How the settings were chosen\n\n")
                .append("Every model is trained on the published train split only. Each classifier has a grid of "
                        + "settings (`reproduce --help`, `TweetEvalReproduction.defaultGrid` in the experiments module, or `--grid`); the "
                        + "setting with the best official metric on val is reported (the first on ties), never one "
                        + "chosen on test. `tfidf-logreg` and `fasttext` also tune inside each fit (C and class "
                        + "weights; lr and epochs) on val by the task's official metric (`tune_metric`: stance "
                        + "`tweeteval-stance`, irony `f1-irony`, emotion `macro-f1`). Stance trains one model per "
                        + "target, each tuned on its own target's val, and the grid choice is by the pooled val "
                        + "metric. Test scores of the settings not chosen are shown for the record only.\n");
        md.append(candidates(results));
        List<Paired> paired = pairedTests(results);
        if (!paired.isEmpty()) {
            md.append("\n## Paired tests on test\n\nEvery two classifiers on the same task and seed: approximate "
                    + "randomization on the official metric, each test example swapped on its own, "
                    + SHUFFLES + " shuffles (two-sided p).\n\n").append(pairedMarkdown(paired));
        }

        ObjectMapper mapper = Json.MAPPER;
        ObjectNode root = Json.object();
        root.put("format", "stancebench-tweeteval/1");
        root.set("command", mapper.valueToTree(command));
        root.put("corpora", corpora.toString());
        root.put("wall_seconds", Math.round(wallSeconds * 10) / 10.0);
        root.set("published", mapper.valueToTree(TweetEvalResult.PUBLISHED));
        ArrayNode rows = root.putArray("results");
        for (TweetEvalResult r : results) {
            ObjectNode row = rows.addObject();
            row.put("task", r.task());
            row.put("classifier", r.classifier());
            row.put("metric", r.metric());
            row.put("per_target", r.perTarget());
            row.put("seed", r.seed());
            row.put("val", round(r.dev()));
            row.put("test", round(r.test()));
            row.put("reference_row", TweetEvalResult.referenceRow(r.classifier()));
            row.put("published", r.published());
            row.put("difference", round(r.test() - r.published()));
            row.set("settings", mapper.valueToTree(r.settings()));
            row.put("train_size", r.trainSize());
            row.put("test_size", r.testSize());
            row.put("seconds", Math.round(r.seconds() * 10) / 10.0);
            row.put("chosen", r.chosen());
            ArrayNode cands = row.putArray("candidates");
            for (TweetEvalResult.Candidate c : r.candidates()) {
                ObjectNode cn = cands.addObject();
                cn.set("settings", mapper.valueToTree(c.settings()));
                cn.put("val", round(c.dev()));
                cn.put("test", round(c.test()));
                cn.set("models", mapper.valueToTree(c.models()));
            }
        }
        ArrayNode tests = root.putArray("paired_tests");
        for (Paired p : paired) {
            ObjectNode t = tests.addObject();
            t.put("task", p.task());
            t.put("seed", p.seed());
            t.put("a", p.a());
            t.put("b", p.b());
            t.put("test_a", round(p.scoreA()));
            t.put("test_b", round(p.scoreB()));
            t.put("p", p.pValue());
            t.put("shuffles", SHUFFLES);
        }
        Path mdFile = dir.resolve(FILES.get(0));
        Path jsonFile = dir.resolve(FILES.get(1));
        AtomicFiles.writeString(mdFile, md.toString());
        AtomicFiles.writeString(jsonFile, Json.pretty(root));
        return List.of(mdFile, jsonFile);
    }

    /** One paired test between two classifiers' test predictions on the same task and seed. */
    public record Paired(String task, long seed, String a, String b, double scoreA, double scoreB, double pValue) {
    }

    /** Shuffles of every paired test. */
    static final int SHUFFLES = ApproximateRandomization.DEFAULT_SHUFFLES;

    /**
     * Every pair of classifiers run on the same task and seed with their test predictions kept:
     * approximate randomization on the task's official metric (each test example its own unit,
     * {@link #SHUFFLES} shuffles, seed 1), in result order.
     */
    public static List<Paired> pairedTests(List<TweetEvalResult> results) {
        List<Paired> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            TweetEvalResult x = results.get(i);
            for (int j = i + 1; j < results.size(); j++) {
                TweetEvalResult y = results.get(j);
                if (!x.task().equals(y.task()) || x.seed() != y.seed() || x.testPredictions() == null
                        || y.testPredictions() == null || x.classifier().equals(y.classifier())
                        || !Arrays.equals(x.testPredictions().gold(), y.testPredictions().gold())) {
                    continue;
                }
                TweetEvalResult.TestPredictions px = x.testPredictions();
                int[] gold = px.gold();
                int k = px.labels().size();
                ToDoubleFunction<ConfusionMatrix> metric = Metrics.resolve(x.metric(), px.labels());
                ToDoubleFunction<int[]> score = predicted -> metric.applyAsDouble(ConfusionMatrix.of(k, gold, predicted));
                ApproximateRandomization.Result r = ApproximateRandomization.test(px.predicted(),
                        y.testPredictions().predicted(), score, SHUFFLES, 1);
                out.add(new Paired(x.task(), x.seed(), x.classifier(), y.classifier(),
                        100 * score.applyAsDouble(px.predicted()), 100 * score.applyAsDouble(y.testPredictions().predicted()),
                        r.pValue()));
            }
        }
        return out;
    }

    /** The paired tests as a Markdown table; empty when there are none. */
    public static String pairedMarkdown(List<Paired> paired) {
        if (paired.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("| task | seed | a | b | a (test) | b (test) | a - b | p |\n"
                + "|---|---:|---|---|---:|---:|---:|---:|\n");
        for (Paired p : paired) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.1f | %.1f | %+.2f | %.4f |\n", p.task(),
                    p.seed(), p.a(), p.b(), p.scoreA(), p.scoreB(), p.scoreA() - p.scoreB(), p.pValue()));
        }
        return md.toString();
    }

    /** Four decimals of a score x100: the JSON keeps more than the table shows, without float noise. */
    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
