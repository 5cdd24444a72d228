package org.stancebench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

    /** Builds the seed dataset from the built-in page and labels into {@code outDir}. */
    public static Manifest build(Path outDir, long seed) throws IOException {
        return build(outDir, PageParser.builtInBytes(), PageParser.builtInName(), LabelFile.builtInBytes(),
                LabelFile.builtInName(), seed, DatasetWriter.DEFAULT_FOLDS, DatasetWriter.DEFAULT_REPEATS);
    }

    /**
     * Builds the seed dataset from page and label bytes; the names are used in error messages only.
     *
     * @throws IOException when the page or labels are invalid (message {@code FILE:LINE: ...}) or the
     *     directory cannot be written
     */
    public static Manifest build(Path outDir, byte[] pageBytes, String pageName, byte[] labelBytes,
                                 String labelsName, long seed, int folds, int repeats) throws IOException {
        Page page = PageParser.parse(pageBytes, pageName);
        List<PageUnit> units = PageUnit.units(page, NAME);
        LabelFile labels = LabelFile.parse(labelBytes, labelsName, units, LABELS);
        List<Example> examples = examples(page, labels, seed);
        return DatasetWriter.write(outDir, info(page, labels, units, ContentHash.sha256(pageBytes),
                ContentHash.sha256(labelBytes)), examples, seed, folds, repeats);
    }

    /** The data-card text of a seed dataset built from {@code page} and {@code labels}. */
    static DatasetInfo info(Page page, LabelFile labels, List<PageUnit> units, String pageSha, String labelsSha) {
        Map<String, Integer> byAnnotator = new TreeMap<>();
        labels.labels().forEach(g -> byAnnotator.merge(g.annotator(), 1, Integer::sum));
        List<String> annotators = new ArrayList<>();
        byAnnotator.forEach((a, n) -> annotators.add("`" + a + "` (" + n + " units)"));
        long sentences = units.stream().filter(u -> u.unit().equals("sentence")).count();
        String release = labels.metadata().getOrDefault("release", "unversioned");
        String description = """
                A small, fully reproducible stance-classification task: does a text about peace negotiations \
                sound hopeful, skeptical, sarcastic or neutral? It exists so that classifiers can be trained, \
                compared and regression-tested on data that anyone can rebuild byte for byte from a fresh clone, \
                and so that the harness (splits, folds, manifests, data cards) is exercised end to end before \
                public corpora are imported. It is a smoke test and a teaching set, not a benchmark of real-world \
                performance.""";
        String source = String.format(Locale.ROOT, """
                One opinion page, "%s", with its byline (%s, %s) and %d reader comments. The page was written \
                for StanceBench as original text: the talks, people and quotes are invented. Units: the headline%s, \
                %d body sentences (rule-based sentence splitter) and every comment as a whole; ids follow the \
                position on the page (`seed/h01`, `seed/s01`, `seed/c01`, ...).

                Page SHA-256: `%s`. Labels SHA-256: `%s`.""",
                page.title(), page.author().name(), page.author().role(), page.comments().size(),
                page.subtitle() == null ? "" : " and subtitle", sentences, pageSha, labelsSha);
        String labelling = String.format(Locale.ROOT, """
                Every unit was labelled by a single annotator: %s, following `docs/annotation-guidelines.md` \
                (definitions of the four labels, decision rules for mixed cases, examples), reading each unit \
                with the whole page in view. There was no second annotator and no adjudication, so no \
                agreement figure exists. Each label carries a one-line rationale in the label file \
                (`# stancebench-labels v1`, release %s).""", String.join(", ", annotators), release);
        List<String> limits = List.of(
                "Single source: one invented page in English, so scores say little about real news comments.",
                "Single annotator without adjudication: label noise is unknown; borderline units (reported "
                        + "scepticism, concessions, good-news facts) could reasonably get another label.",
                "Context: annotators saw the whole page, classifiers see one unit; some sentences "
                        + "(\"Perhaps they are right.\") are only interpretable in context.",
                "Sarcasm is rare and mostly in comments; models may learn the unit type instead of the stance.");
        return new DatasetInfo(NAME, "StanceBench seed: " + page.title(), description, source,
                "https://creativecommons.org/licenses/by/4.0/", null, LABELS, labelling, limits);
    }

    private static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "page" : s;
    }
}
