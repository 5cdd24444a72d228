package org.stancebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportTest {
    static final String EVIL = "evil<b>|`x` & \"q\" 'a'";

    /** Three classifiers (one with a hostile name), each with a cv and a test run, plus comparisons. */
    static Results sample(boolean withBench) {
        List<String> gold = Fixtures.gold(40);
        List<RunResult> runs = new ArrayList<>();
        String[] names = {"naive-bayes", "tfidf-logreg", EVIL};
        int[] wrong = {12, 6, 20};
        for (int i = 0; i < names.length; i++) {
            runs.add(Fixtures.cvRun(names[i], gold, Fixtures.predictions(gold, wrong[i])));
            runs.add(Fixtures.splitRun(names[i], gold.subList(0, 12), Fixtures.predictions(gold.subList(0, 12), wrong[i] / 4)));
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                comparisons.add(new Comparison(names[i] + "@cv", names[j] + "@cv", "macro-f1",
                        Comparison.CORRECTED_T, 0.1, 2.0, 0.004 * (i + j), 0.012 * (i + j), i + j < 3, 0.05));
                comparisons.add(new Comparison(names[i] + "@test", names[j] + "@test", "accuracy",
                        Comparison.MCNEMAR, 0.05, 3.0, 0.5, 1.0, false, 0.05));
            }
        }
        return Fixtures.results("f".repeat(64), runs, comparisons, withBench
                ? Fixtures.bench("h".repeat(64), Map.of("naive-bayes", new double[] {50_000, 500, 400_000, 4000},
                        "tfidf-logreg", new double[] {20_000, 300, 200_000, 3000}))
                : null);
    }

    @Test
    void htmlHasEveryChartWithTheRightNumberOfMarks() throws Exception {
        String html = HtmlReport.render(sample(true));
        Document doc = Xml.parse(html);
        for (String section : List.of("leaderboard", "per-class", "confusion", "calibration", "significance", "speed",
                "data")) {
            assertNotNull(byId(doc, section), "section " + section);
        }
        for (String group : List.of("cv-5x1", "split-test")) {
            Element board = Xml.chart(doc, "leaderboard-" + group);
            assertNotNull(board, group);
            assertEquals(3, Xml.byClass(board, "rect", "bar").size());
            assertEquals(3, Xml.byClass(board, "g", "ci").size());
            assertEquals(12, Xml.byClass(Xml.chart(doc, "per-class-" + group), "rect", "bar").size());
            List<Element> reliability = Xml.charts(doc, "reliability-" + group + "-");
            assertEquals(3, reliability.size(), "one small diagram per run");
            for (Element diagram : reliability) {
                assertEquals(1, Xml.byClass(diagram, "circle", "point").size(), "one non-empty bin per run");
                assertEquals(1, Xml.byClass(diagram, "line", "reference").size());
            }
        }
        List<Element> confusions = Xml.charts(doc, "confusion-");
        assertEquals(6, confusions.size());
        for (Element c : confusions) {
            assertEquals(16, Xml.byClass(c, "rect", "cell").size());
        }
        List<Element> significance = Xml.charts(doc, "significance-");
        assertEquals(2, significance.size(), "one matrix per protocol and test family");
        for (Element s : significance) {
            assertEquals(9, Xml.byClass(s, "rect", "cell").size());
        }
        Element throughput = Xml.chart(doc, "throughput");
        assertEquals(4, Xml.byClass(throughput, "circle", "point").size(), "2 classifiers × 2 batch sizes");
        assertFalse(html.contains("No benchmark data"));
    }

    @Test
    void aClassifierHasTheSameColourInEveryChart() throws Exception {
        Document doc = Xml.parse(HtmlReport.render(sample(true)));
        java.util.Set<String> fills = new java.util.TreeSet<>();
        for (String chart : List.of("leaderboard-cv-5x1", "leaderboard-split-test", "per-class-cv-5x1", "per-class-split-test")) {
            for (Element bar : Xml.byClass(Xml.chart(doc, chart), "rect", "bar")) {
                if (bar.getTextContent().startsWith("naive-bayes")) {
                    fills.add(bar.getAttribute("fill"));
                }
            }
        }
        for (Element point : Xml.byClass(Xml.chart(doc, "throughput"), "circle", "point")) {
            if (point.getTextContent().startsWith("naive-bayes")) {
                fills.add(point.getAttribute("fill"));
            }
        }
        // Classifiers sorted by name take the palette in order: EVIL ('e'), naive-bayes, tfidf-logreg.
        assertEquals(java.util.Set.of(Svg.colour(1)), fills);
    }

    @Test
    void confusionCellsShowTheCounts() throws Exception {
        Results r = sample(false);
        Document doc = Xml.parse(HtmlReport.render(r));
        Element chart = Xml.chart(doc, "confusion-cv-5x1-naive-bayes@cv");
        assertNotNull(chart);
        List<String> texts = new ArrayList<>();
        NodeList t = chart.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        // 12 of 40 predicted wrong, cycling labels: gold hopeful has 3 predicted skeptical, 7 right.
        long[] row0 = {7, 3, 0, 0};
        assertEquals(row0[0], r.run("naive-bayes@cv").confusion().matrix().get(0).get(0));
        assertTrue(texts.containsAll(List.of("7", "3", "0")));
    }

    @Test
    void htmlIsSelfContained() {
        String html = HtmlReport.render(sample(true));
        for (String forbidden : List.of("<script", "<link", "<img", "src=", "href=", "url(", "@import", "@font-face")) {
            assertFalse(html.contains(forbidden), forbidden);
        }
        String withoutSvgNs = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutSvgNs.contains("http://") || withoutSvgNs.contains("https://"));
    }

    @Test
    void htmlWithoutBenchmarksSaysSo() throws Exception {
        String html = HtmlReport.render(sample(false));
        Document doc = Xml.parse(html);
        assertTrue(byId(doc, "speed").getTextContent().contains("No benchmark data in this run"));
        assertEquals(null, Xml.chart(doc, "throughput"));
    }

    @Test
    void hostileNamesAreEscapedEverywhere() throws Exception {
        Results r = sample(true);
        String html = HtmlReport.render(r);
        assertFalse(html.contains("evil<b>"));
        Document doc = Xml.parse(html);
        assertTrue(doc.getDocumentElement().getTextContent().contains(EVIL), "the name survives as text");
        String md = MarkdownReport.render(r);
        assertFalse(md.contains("evil<b>"));
        assertTrue(md.contains("evil&lt;b&gt;\\|\\`x\\`"));
        assertTrue(md.contains("a note with &lt;markup&gt;"));
    }

    @Test
    void leaderboardIsSortedByHeadlineMetric() {
        Leaderboard board = Leaderboard.of(sample(false), "macro-f1");
        assertEquals(List.of("cross-validation (5 folds × 1 repeat)", "test split"),
                board.groups().stream().map(Leaderboard.Group::title).toList());
        // Fewer wrong predictions give a higher macro-F1: 6 < 12 < 20 wrong.
        assertEquals(List.of("tfidf-logreg", "naive-bayes", EVIL),
                board.groups().get(0).runs().stream().map(RunResult::classifier).toList());
    }

    @Test
    void markdownHasTheSections() {
        String md = MarkdownReport.render(sample(true));
        for (String heading : List.of("## Leaderboard: cross-validation (5 folds × 1 repeat)", "## Leaderboard: test split",
                "## Per-class F1: test split", "## Significance", "## Speed", "## Data and provenance")) {
            assertTrue(md.contains(heading), heading);
        }
        assertTrue(md.contains("| 1 | tfidf-logreg | 0.850 [0.750, 0.950] | 0.850 ± 0.030 |"), md);
        assertTrue(md.contains("| naive-bayes | 50,000 ± 500 | 400,000 ± 4,000 |"), md);
        // Every speed figure names the CPU and the SIMD extensions it exposes.
        assertTrue(md.contains("hardware: Test CPU, 2 cores, 8192 MiB, Linux, 17; CPU flags: avx2 avx512f"), md);
        assertFalse(md.contains("| shared-encoder |"), "a classifier with stage rows only is no speed-table row");
        // Fixture: the pairs (0,1) and (0,2) are significant with Holm p 0.012 and 0.024, a better by 0.1.
        assertTrue(md.contains("**macro-f1, corrected-resampled-t**: 2 of 3 pairs differ significantly (Holm-adjusted "
                + "p < 0.05): naive-bayes@cv > tfidf-logreg@cv (p = 0.012), naive-bayes@cv > " + MarkdownReport.cell(EVIL)
                + "@cv (p = 0.024)."), md);
        assertTrue(md.contains("<details><summary>All 6 tests</summary>"), md);
        assertTrue(MarkdownReport.render(sample(false)).contains("No benchmark data in this run."));
        assertTrue(md.contains("| inference engines | tfidf-logreg: OnnxRuntime 1.29.0 (DJL 0.36.0) |"), md);
    }

    @Test
    void sameResultsGiveSameBytesAfterARoundTripThroughJson(@TempDir Path dir) throws Exception {
        Results r = sample(true);
        List<Path> files = ReportWriter.write(r, dir);
        assertEquals(List.of("results.json", "report.md", "report.html"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        Results back = ResultsIo.read(files.get(0));
        assertEquals(Files.readString(files.get(1)), MarkdownReport.render(back));
        assertEquals(Files.readString(files.get(2)), HtmlReport.render(back));
        assertEquals(HtmlReport.render(r), HtmlReport.render(r));
        try (var listing = Files.list(dir)) {
            assertEquals(3, listing.count(), "no temporary files left behind");
        }
    }

    @Test
    void writesASampleReportForTheScreenshotScript() throws Exception {
        // reports/scripts/screenshot.sh can render this page when no reproduce output is at hand.
        Path dir = Path.of("target", "sample-report");
        List<Path> files = ReportWriter.write(sample(true), dir);
        assertTrue(Files.size(files.get(2)) > 10_000);
    }

    static Element byId(Document doc, String id) {
        NodeList sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element e = (Element) sections.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        return null;
    }
}
