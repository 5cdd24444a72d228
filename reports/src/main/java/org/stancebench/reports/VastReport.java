package org.stancebench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancebench.eval.results.VastResult;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.Json;
import org.stancebench.io.Schemas;

/**
 * Renders the VAST reproduction: {@code vast.md} (ours with intervals beside the published rows,
 * every setting tried with dev beside test) and {@code vast.json} (the same numbers, schema
 * {@value Schemas#VAST}).
 */
public final class VastReport {
    /** The files {@link #write} writes. */
    public static final List<String> FILES = List.of("vast.md", "vast.json");

    private VastReport() {
    }

    /** Our test scores (x100, 95% bootstrap intervals) and the published rows, as one Markdown table. */
    public static String markdown(List<VastResult> results) {
        StringBuilder md = new StringBuilder("| model | seed | dev | test all | test zero-shot | test few-shot | "
                + "settings chosen on dev |\n|---|---:|---:|---|---|---|---|\n");
        for (VastResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %s | %s | %s |\n", r.classifier(), r.seed(),
                    r.best().dev(), cell(r.test().get("all")), cell(r.test().get("zero-shot")),
                    cell(r.test().get("few-shot")), describe(r.best().settings())));
        }
        for (VastResult.Published p : VastResult.PUBLISHED) {
            md.append(String.format(Locale.ROOT, "| %s (published) | | | %.1f | %.1f | %.1f | |\n", p.model(), p.all(),
                    p.zeroShot(), p.fewShot()));
        }
        return md.toString();
    }

    /** Per published row, the best of ours on each subset and the difference (ours minus published). */
    public static String comparison(List<VastResult> results) {
        StringBuilder md = new StringBuilder("| published row | subset | published | best of ours | ours (95% CI) | "
                + "difference | |\n|---|---|---:|---|---|---:|---|\n");
        for (VastResult.Published p : VastResult.PUBLISHED) {
            double[] published = {p.all(), p.zeroShot(), p.fewShot()};
            for (int s = 0; s < VastResult.SUBSETS.size(); s++) {
                String subset = VastResult.SUBSETS.get(s);
                VastResult best = null;
                for (VastResult r : results) {
                    if (best == null || r.test().get(subset).value() > best.test().get(subset).value()) {
                        best = r;
                    }
                }
                VastResult.Score score = best.test().get(subset);
                String verdict = score.low() > published[s] ? "beaten (interval above)"
                        : score.high() < published[s] ? "not reached (interval below)" : "reproduced (within interval)";
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s | %+.1f | %s |\n", p.model(), subset,
                        published[s], best.classifier(), cell(score), score.value() - published[s], verdict));
            }
        }
        return md.toString();
    }

    /** Every setting of every classifier, dev (all and zero-shot rows) beside test, the chosen one marked. */
    public static String candidates(List<VastResult> results) {
        StringBuilder md = new StringBuilder();
        for (VastResult r : results) {
            md.append(String.format(Locale.ROOT, "\n#### %s, seed %d (%d setting(s), %.0f s)\n\n", r.classifier(),
                    r.seed(), r.candidates().size(), r.seconds()));
            md.append("| | setting | dev | dev zero-shot | test | chosen inside the fit |\n|---|---|---:|---:|---:|---|\n");
            for (int i = 0; i < r.candidates().size(); i++) {
                VastResult.Candidate c = r.candidates().get(i);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %s |\n",
                        i == r.chosen() ? "**chosen**" : "", describe(c.settings()), c.dev(), c.devZeroShot(), c.test(),
                        inner(c)));
            }
        }
        return md.toString();
    }

    private static String inner(VastResult.Candidate c) {
        StringBuilder b = new StringBuilder();
        for (String key : List.of("C", "class_weight", "weightDecay", "bestEpoch")) {
            String v = c.model().get(key);
            if (v != null && !c.settings().containsKey(key)) {
                b.append(b.isEmpty() ? "" : ", ").append(key).append('=').append(v);
            }
        }
        return b.isEmpty() ? "-" : b.toString();
    }

    private static String cell(VastResult.Score s) {
        return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", s.value(), s.low(), s.high());
    }

    private static String describe(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return "defaults";
        }
        StringBuilder b = new StringBuilder();
        settings.forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append("='").append(v).append('\''));
        return "`" + b + "`";
    }

    /**
     * Writes {@code dir/vast.md} and {@code dir/vast.json}, each to a temporary file in {@code dir}
     * moved into place atomically.
     *
     * @param command the command line that produced the results, for the record
     * @return the two files written
     */
    public static List<Path> write(Path dir, List<VastResult> results, List<String> command, Path corpora,
                                   double wallSeconds) throws IOException {
        Files.createDirectories(dir);
        VastResult first = results.get(0);
        StringBuilder md = new StringBuilder("# VAST reproduced\n\n");
        md.append("Command: `").append(String.join(" ", command)).append("`  \n");
        md.append(String.format(Locale.ROOT, "Corpora: `%s`; wall time %.1f min.\n\n", corpora, wallSeconds / 60));
        md.append(String.format(Locale.ROOT, "VAST (Allaway and McKeown, EMNLP 2020), official test set: macro-F1 over "
                + "con, pro and neutral, x100, overall (%d rows), on the zero-shot topics (`seen?` = 0, %d rows) and "
                + "on the few-shot topics (`seen?` = 1, %d rows), with 95%% percentile-bootstrap intervals (1,000 "
                + "resamples of the test rows). Trained on %d rows of the train file; %d rows (every row of a post "
                + "on one side, stratified by label) were carved as dev, %d of them with topics that have no "
                + "training row.\n\n", first.test().get("all").n(), first.test().get("zero-shot").n(),
                first.test().get("few-shot").n(), first.trainSize(), first.devSize(), first.devZeroShotSize()));
        md.append(markdown(results));
        md.append("\nPublished rows: ").append(VastResult.MPRF_TABLE_2).append(". Not found in a source that "
                + "could be named, so not printed: ").append(String.join(", ", VastResult.NOT_FOUND)).append(".\n");
        md.append("\n## Beside the published rows\n\n").append(comparison(results));
        md.append("\n## How the settings were chosen\n\n"
                + "Each classifier has a grid of settings (`reproduce --help`, `VastReproduction.defaultGrid` in the "
                + "experiments module, or `--grid`); the setting with the best macro-F1 on dev is reported (the "
                + "first on ties), never one chosen on test. Test scores of the settings not chosen are shown for "
                + "the record only.\n");
        md.append(candidates(results));

        ObjectMapper mapper = Json.MAPPER;
        ObjectNode root = Json.object();
        root.put("format", 1);
        root.set("command", mapper.valueToTree(command));
        root.put("corpora", corpora.toString());
        root.put("wall_seconds", Math.round(wallSeconds * 10) / 10.0);
        root.put("metric", "macro-f1-all");
        ArrayNode published = root.putArray("published");
        for (VastResult.Published p : VastResult.PUBLISHED) {
            ObjectNode row = published.addObject();
            row.put("model", p.model());
            row.put("all", p.all());
            row.put("zero_shot", p.zeroShot());
            row.put("few_shot", p.fewShot());
            row.put("source", p.source());
        }
        root.set("not_found", mapper.valueToTree(VastResult.NOT_FOUND));
        ArrayNode rows = root.putArray("results");
        for (VastResult r : results) {
            ObjectNode row = rows.addObject();
            row.put("classifier", r.classifier());
            row.put("seed", r.seed());
            row.put("dev", round(r.best().dev()));
            ObjectNode test = row.putObject("test");
            for (String subset : VastResult.SUBSETS) {
                VastResult.Score s = r.test().get(subset);
                ObjectNode sn = test.putObject(subset);
                sn.put("value", round(s.value()));
                sn.put("low", round(s.low()));
                sn.put("high", round(s.high()));
                sn.put("n", s.n());
            }
            row.set("settings", mapper.valueToTree(r.best().settings()));
            row.put("train_size", r.trainSize());
            row.put("dev_size", r.devSize());
            row.put("dev_zero_shot_size", r.devZeroShotSize());
            row.put("seconds", Math.round(r.seconds() * 10) / 10.0);
            row.put("chosen", r.chosen());
            ArrayNode cands = row.putArray("candidates");
            for (VastResult.Candidate c : r.candidates()) {
                ObjectNode cn = cands.addObject();
                cn.set("settings", mapper.valueToTree(c.settings()));
                cn.put("dev", round(c.dev()));
                cn.put("dev_zero_shot", round(c.devZeroShot()));
                cn.put("test", round(c.test()));
                cn.set("model", mapper.valueToTree(new java.util.TreeMap<>(c.model())));
            }
        }
        Path mdFile = dir.resolve(FILES.get(0));
        Path jsonFile = dir.resolve(FILES.get(1));
        AtomicFiles.writeString(mdFile, md.toString());
        AtomicFiles.writeString(jsonFile, Schemas.withSchema(Json.pretty(root), Schemas.VAST));
        return List.of(mdFile, jsonFile);
    }

    /** Four decimals of a score x100: the JSON keeps more than the table shows, without float noise. */
    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
