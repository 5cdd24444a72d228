package org.stancebench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.dataset.labels.AnnotationAgreement;
import org.stancebench.dataset.labels.LabelFile;
import org.stancebench.dataset.page.Page;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.dataset.page.PageUnit;
import org.stancebench.dataset.splitting.Splits;
import org.stancebench.dataset.storage.DatasetDescription;
import org.stancebench.dataset.storage.DatasetWriter;
import org.stancebench.dataset.storage.Manifest;
import org.stancebench.io.ContentHash;

/**
 * Builds the seed stance dataset from a page and its gold labels: every unit of the page (headline,
 * subtitle, body sentences, comments) becomes an example with its gold label and a seeded, stratified
 * train/dev/test split (60/20/20 per label, identical texts kept together), then
 * {@link DatasetWriter} writes the directory with (by default) 5 x 3 cross-validation folds.
 *
 * <p>By default the page and labels are the built-in resources. Same page bytes, label bytes and seed
 * give byte-identical output, whatever the files are called or where they live.
 */
public final class SeedDataset {

    /** The seed task's labels, in canonical order. */
    public static final List<String> LABELS = List.of("hopeful", "skeptical", "sarcastic", "neutral");
    /** The dataset name and id prefix. */
    public static final String NAME = "seed";
    /** Share of each label's distinct texts that go to dev. */
    public static final double DEV_FRACTION = 0.2;
    /** Share of each label's distinct texts that go to test. */
    public static final double TEST_FRACTION = 0.2;

    private SeedDataset() {
    }

    /** The examples of a parsed page with its labels, each assigned a split with {@code seed}. */
    public static List<Example> examples(Page page, LabelFile labels, long seed) {
        List<PageUnit> units = PageUnit.units(page, NAME);
        String source = slug(page.title());
        List<Splits.Item> items = new ArrayList<>();
        for (PageUnit u : units) {
            items.add(new Splits.Item(u.id(), labels.get(u.id()).label(), u.sha256()));
        }
        Map<String, String> split = Splits.trainDevTest(items, seed, DEV_FRACTION, TEST_FRACTION);
        List<Example> out = new ArrayList<>();
        for (PageUnit u : units) {
            out.add(new Example(u.id(), u.text(), labels.get(u.id()).label(), u.unit(), source, split.get(u.id()),
                    null, u.sha256()));
        }
        return out;
    }

    /** Builds the seed dataset from the built-in page, labels and annotation passes into {@code outDir}. */
    public static Manifest build(Path outDir, long seed) throws IOException {
        return build(outDir, PageParser.builtInBytes(), PageParser.builtInName(), LabelFile.builtInBytes(),
                LabelFile.builtInName(), LabelFile.builtInPasses(), seed, DatasetWriter.DEFAULT_FOLDS,
                DatasetWriter.DEFAULT_REPEATS);
    }

    /**
     * Builds the seed dataset from page and label bytes, without annotation passes; the names are used
     * in error messages only.
     *
     * @throws IOException when the page or labels are invalid (message {@code FILE:LINE: ...}) or the
     *     directory cannot be written
     */
    public static Manifest build(Path outDir, byte[] pageBytes, String pageName, byte[] labelBytes,
                                 String labelsName, long seed, int folds, int repeats) throws IOException {
        return build(outDir, pageBytes, pageName, labelBytes, labelsName, List.of(), seed, folds, repeats);
    }

    /**
     * Builds the seed dataset from page and label bytes and either no annotation passes or exactly two
     * independent passes (label files in the same format, one per annotator), whose agreement the data
     * card reports.
     *
     * @throws IOException when the page, labels or passes are invalid (message {@code FILE:LINE: ...})
     *     or the directory cannot be written
     */
    public static Manifest build(Path outDir, byte[] pageBytes, String pageName, byte[] labelBytes, String labelsName,
                                 List<LabelFile.Source> passes, long seed, int folds, int repeats) throws IOException {
        return build(outDir, pageBytes, pageName, labelBytes, labelsName, passes, seed, folds, repeats, true);
    }

    /**
     * As {@link #build(Path, byte[], String, byte[], String, List, long, int, int)}; a directory holding a
     * different dataset is replaced only with {@code overwrite} (see {@link DatasetWriter}).
     */
    public static Manifest build(Path outDir, byte[] pageBytes, String pageName, byte[] labelBytes, String labelsName,
                                 List<LabelFile.Source> passes, long seed, int folds, int repeats, boolean overwrite)
            throws IOException {
        if (!passes.isEmpty() && passes.size() != 2) {
            throw new IllegalArgumentException("agreement needs exactly two annotation passes, got " + passes.size());
        }
        Page page = PageParser.parse(pageBytes, pageName);
        List<PageUnit> units = PageUnit.units(page, NAME);
        LabelFile labels = LabelFile.parse(labelBytes, labelsName, units, LABELS);
        List<LabelFile> passFiles = new ArrayList<>();
        for (LabelFile.Source pass : passes) {
            passFiles.add(LabelFile.parse(pass.bytes(), pass.name(), units, LABELS));
        }
        List<Example> examples = examples(page, labels, seed);
        return DatasetWriter.write(outDir, info(page, labels, passFiles, units, ContentHash.sha256(pageBytes),
                ContentHash.sha256(labelBytes)), examples, seed, folds, repeats, overwrite);
    }

    /** The data-card text of a seed dataset built from {@code page}, its final labels and its passes. */
    static DatasetDescription info(Page page, LabelFile labels, List<LabelFile> passes, List<PageUnit> units,
            String pageSha,
                            String labelsSha) {
        long sentences = units.stream().filter(u -> u.unit().equals("sentence")).count();
        String description = """
                A small, fully reproducible stance-classification task: does a text about peace negotiations \
                sound hopeful, skeptical, sarcastic or neutral? It exists so that classifiers can be trained, \
                compared and regression-tested on data that anyone can rebuild byte for byte from a fresh clone, \
                and so that the harness (splits, folds, manifests, data cards) is exercised end to end before \
                public corpora are imported. With a few dozen examples it is a smoke test and a teaching set, \
                not a benchmark of real-world performance.""";
        String source = String.format(Locale.ROOT, """
                One opinion page, "%s"%s, by %s (%s), on the second round of the Istanbul peace \
                negotiations, with its %d numbered reader comments, shipped unchanged as the dataset module's \
                built-in page. Units: the headline%s, %d body sentences (rule-based sentence splitter) and every \
                comment as a whole; ids follow the position on the page (`seed/h01`, `seed/s01`, `seed/c01`, ...).

                Page SHA-256: `%s`. Labels SHA-256: `%s`.""",
                page.title(), page.subtitle() == null ? "" : " (\"" + page.subtitle() + "\")", page.author().name(),
                page.author().role(), page.comments().size(), page.subtitle() == null ? "" : " and subtitle",
                sentences, pageSha, labelsSha);
        String release = labels.metadata().getOrDefault("release", "unversioned");
        String labelling = passes.isEmpty() ? singlePass(labels, release) : twoPasses(labels, passes, units, release);
        List<String> limits = new ArrayList<>(List.of(
                "Single source: one page in English on one event, so scores say little about other topics or "
                        + "other kinds of text.",
                "Context: annotators saw the whole page, classifiers see one unit; some sentences "
                        + "(\"But this is an unwritten agreement.\") are only interpretable in context.",
                "Sarcasm is rare (one comment on this page): a classifier cannot learn it from these data, "
                        + "and per-class scores for it rest on a single example."));
        if (!passes.isEmpty()) {
            limits.add(1, "Both annotation passes were made by sessions of the same AI model: their agreement shows "
                    + "that the guidelines can be applied consistently, not how far independent human readers "
                    + "would agree.");
        } else {
            limits.add(1, "Single annotator without adjudication: label noise is unknown.");
        }
        return new DatasetDescription(NAME, "StanceBench seed: " + page.title(), description, source,
                "page text as published by its author and commenters, included unchanged for research use (no open "
                        + "licence stated); StanceBench's labels, annotation passes and splits: CC BY 4.0 "
                        + "(https://creativecommons.org/licenses/by/4.0/)",
                null, LABELS, labelling, limits);
    }

    private static String singlePass(LabelFile labels, String release) {
        Map<String, Integer> byAnnotator = new TreeMap<>();
        labels.labels().forEach(g -> byAnnotator.merge(g.annotator(), 1, Integer::sum));
        List<String> annotators = new ArrayList<>();
        byAnnotator.forEach((a, n) -> annotators.add("`" + a + "` (" + n + " units)"));
        return String.format(Locale.ROOT, """
                The labels come from one label file (%s), labelled by %s following \
                `docs/annotation-guidelines.md`. No independent annotation passes were given, so no agreement \
                figure exists. Each label carries a one-line rationale in the label file \
                (`# stancebench-labels v1`, release %s).""", labels.file(), String.join(", ", annotators), release);
    }

    private static String twoPasses(LabelFile labels, List<LabelFile> passes, List<PageUnit> units, String release) {
        LabelFile a = passes.get(0);
        LabelFile b = passes.get(1);
        String nameA = annotatorOf(a);
        String nameB = annotatorOf(b);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                Two annotators, `%s` and `%s`, labelled all %d units independently, each with only \
                `docs/annotation-guidelines.md` (label definitions, decision rules for mixed cases, this page's \
                hard cases) and the page in view, never the other's labels, and wrote a one-line rationale per \
                unit. Both are AI annotators: separate sessions of the same large language model (`%s` read the \
                units from first to last, `%s` from last to first). The units where the passes differed were then \
                adjudicated with a one-line rationale; where they agreed, their label is final. Both raw passes \
                are kept beside the final labels (`%s`, `%s`; final: `%s`, release %s).

                """, nameA, nameB, units.size(), nameA, nameB, baseName(a.file()), baseName(b.file()),
                baseName(labels.file()), release));
        md.append("| labels | ").append(String.join(" | ", LABELS)).append(" |\n|---|");
        md.append("---:|".repeat(LABELS.size())).append('\n');
        for (LabelFile f : List.of(a, b, labels)) {
            Map<String, Integer> counts = new TreeMap<>();
            f.labels().forEach(g -> counts.merge(g.label(), 1, Integer::sum));
            md.append("| ").append(f == labels ? "final" : "`" + annotatorOf(f) + "`");
            LABELS.forEach(l -> md.append(" | ").append(counts.getOrDefault(l, 0)));
            md.append(" |\n");
        }
        md.append(String.format(Locale.ROOT, """

                Agreement between the two passes: Cohen's kappa with a 95%% percentile-bootstrap interval (%,d \
                resamples of units, seed %d).

                | units | n | agreed | kappa [95%% CI] |
                |---|---:|---:|---|
                """, AnnotationAgreement.RESAMPLES, AGREEMENT_SEED));
        for (AnnotationAgreement.Group g : AnnotationAgreement.of(units, a, b, LABELS, AGREEMENT_SEED)) {
            md.append("| ").append(g.group()).append(" | ").append(g.units()).append(" | ").append(g.agreed())
                    .append(" | ");
            if (Double.isNaN(g.kappa())) {
                md.append("undefined (both passes use one label only)");
            } else {
                md.append(String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", g.kappa(), g.low(), g.high()));
            }
            md.append(" |\n");
        }
        List<String> adjudicated = new ArrayList<>();
        for (PageUnit u : units) {
            String la = a.get(u.id()).label();
            String lb = b.get(u.id()).label();
            LabelFile.GoldLabel fin = labels.get(u.id());
            if (!la.equals(lb) || !la.equals(fin.label())) {
                adjudicated.add(String.format(Locale.ROOT, "- `%s` \"%s\": `%s` %s, `%s` %s; final **%s**. %s",
                        u.id(), abbreviate(u.text()), nameA, la, nameB, lb, fin.label(),
                                withoutVerdicts(fin.rationale())));
            }
        }
        md.append('\n').append(adjudicated.isEmpty() ? "The passes agreed on every unit; nothing was adjudicated."
                : "Adjudicated (" + adjudicated.size() + " unit" + (adjudicated.size() == 1 ? "" : "s") + "):\n\n"
                        + String.join("\n", adjudicated));
        return md.toString();
    }

    /** The seed of the agreement intervals in the data card. */
    static final long AGREEMENT_SEED = 13;

    private static String annotatorOf(LabelFile pass) {
        String declared = pass.metadata().get("pass");
        if (declared != null) {
            return declared;
        }
        return pass.labels().stream().map(LabelFile.GoldLabel::annotator).distinct()
                .reduce((x, y) -> x + "+" + y).orElse(baseName(pass.file()));
    }

    private static String baseName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }

    /** The rationale without a leading "Adjudicated (a x, b y): ", which the card already shows. */
    private static String withoutVerdicts(String rationale) {
        int end = rationale.indexOf("): ");
        String r = rationale.startsWith("Adjudicated (") && end > 0 ? rationale.substring(end + 3) : rationale;
        return r.isEmpty() ? r : Character.toUpperCase(r.charAt(0)) + r.substring(1) + (r.endsWith(".") ? "" : ".");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "page" : s;
    }
}
