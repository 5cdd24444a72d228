package org.stancebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.RunResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TradeoffChartTest {

    static TradeoffChart.Point p(String name, double rate, double score) {
        return new TradeoffChart.Point(name, rate, score, score - 0.1, score + 0.1, "#000000", "tip");
    }

    @Test
    void theFrontIsThePointsNoOtherBeatsOnOneAxisWithoutLosingOnTheOther() {
        // Hand-worked: c is slower and worse than a; d as fast as b but worse; f as good as a but
        // slower; e is a's twin (neither beats the other); g is the fastest, however bad.
        List<TradeoffChart.Point> points = List.of(p("a", 100, 0.5), p("b", 1000, 0.4), p("c", 50, 0.45),
                p("d", 1000, 0.3), p("e", 100, 0.5), p("f", 10, 0.5), p("g", 5000, 0.1), p("h", 20, 0.6));
        assertEquals(List.of(true, true, false, false, true, false, true, true), TradeoffChart.front(points));
        assertEquals(List.of(true), TradeoffChart.front(List.of(p("alone", 1, 0))));
        assertEquals(List.of(), TradeoffChart.front(List.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "37|54000|10 100 1000 10000 100000",
        "100|1000|100 1000",
        "100|100|100 1000",
        "150|900|100 1000",
        "0.5|3|0.1 1 10",
    })
    void logAxisTicksArePowersOfTenAroundTheData(double min, double max, String expected) {
        List<String> ticks = TradeoffChart.decades(min, max).stream()
                .map(t -> t >= 1 ? String.valueOf(Math.round(t)) : String.valueOf(t)).toList();
        assertEquals(List.of(expected.split(" ")), ticks);
    }

    @Test
    void aLogAxisNeedsPositiveValues() {
        assertThrows(IllegalArgumentException.class, () -> TradeoffChart.decades(0, 10));
        assertThrows(IllegalArgumentException.class, () -> p("zero", 0, 0.5));
    }

    @Test
    void theChartHasOnePointPerClassifierAndLabelsTheFront() throws Exception {
        String svg = TradeoffChart.render("tradeoff", "t", "macro-F1", List.of(p("fast<&>", 40_000, 0.3),
                p("good", 200, 0.6), p("neither", 100, 0.2)));
        Element root = Xml.parse(svg).getDocumentElement();
        List<Element> points = Xml.byClass(root, "g", "point");
        assertEquals(3, points.size());
        assertEquals(List.of("true", "true", "false"), points.stream().map(e -> e.getAttribute("data-front")).toList());
        List<String> labels = new ArrayList<>();
        Xml.byClass(root, "text", "front-label").forEach(e -> labels.add(e.getTextContent()));
        assertEquals(List.of("fast<&>", "good"), labels);
        assertEquals(3, Xml.byClass(root, "line", "error").size());
        assertEquals(1, Xml.byClass(root, "polyline", "front").size());
        List<String> ticks = new ArrayList<>();
        Xml.byClass(root, "text", "x-tick").forEach(e -> ticks.add(e.getTextContent()));
        assertEquals(List.of("100", "1,000", "10k", "100k"), ticks);
        // Log scale: 100 texts/s is on the left edge (x = 70), 100k on the right (70 + 520).
        Element neither = points.get(2);
        assertEquals("70", ((Element) neither.getElementsByTagName("circle").item(0)).getAttribute("cx"));
    }

    @Test
    void labelsOfNeighbouringFrontPointsDoNotSitOnEachOther() throws Exception {
        // b is a little faster and a little worse than a: both on the front, their labels would collide.
        String svg = TradeoffChart.render("tradeoff", "t", "macro-F1", List.of(p("alpha", 1000, 0.40),
                p("beta", 1100, 0.39), p("gamma", 100_000, 0.1)));
        List<Element> labels = Xml.byClass(Xml.parse(svg).getDocumentElement(), "text", "front-label");
        assertEquals(3, labels.size());
        double alpha = Double.parseDouble(labels.get(0).getAttribute("y"));
        double beta = Double.parseDouble(labels.get(1).getAttribute("y"));
        assertTrue(Math.abs(alpha - beta) >= 14, "alpha at " + alpha + ", beta at " + beta);
        // gamma is far away: above its point, as usual (score 0.1 of a 300-pixel plot whose top is 40).
        assertEquals(40 + 300 * 0.9 - 8, Double.parseDouble(labels.get(2).getAttribute("y")), 0.05);
    }

    @Test
    void theReportJoinsResultsAndBenchByClassifierAndNotesWhatIsLeftOut() throws Exception {
        Results r = ReportTest.sample(true);
        Document doc = Xml.parse(HtmlReport.render(r));
        Element section = ReportTest.byId(doc, "tradeoff");
        assertNotNull(section);
        for (String group : List.of("cv-5x1", "split-test")) {
            Element chart = Xml.chart(doc, "tradeoff-" + group);
            assertNotNull(chart, group);
            List<Element> points = Xml.byClass(chart, "g", "point");
            // naive-bayes (400,000 texts/s at batch 32) is faster, tfidf-logreg (200,000) better: both on the front.
            assertEquals(List.of("naive-bayes", "tfidf-logreg"),
                    points.stream().map(e -> e.getAttribute("data-name")).sorted().toList());
            assertTrue(points.stream().allMatch(e -> e.getAttribute("data-front").equals("true")));
        }
        String text = section.getTextContent();
        assertTrue(text.contains("Left out, no throughput at batch 32 on one thread in the benchmark data (or no "
                + "macro-F1): " + ReportTest.EVIL + "."), text);
        assertTrue(text.contains("throughput row at batch 32, 1 thread (InferenceBench.batch1T)"), text);
        assertTrue(ReportTest.byId(Xml.parse(HtmlReport.render(ReportTest.sample(false))), "tradeoff").getTextContent()
                .contains("No benchmark data in this run"));
    }

    @Test
    void aFasterButWorseVariantIsAPointLikeAnyOther() throws Exception {
        List<String> gold = Fixtures.gold(40);
        List<RunResult> runs = List.of(
                Fixtures.cvRun("minilm-probe", gold, Fixtures.predictions(gold, 4)),
                Fixtures.cvRun("minilm-probe-int8", gold, Fixtures.predictions(gold, 6)),
                Fixtures.cvRun("majority", gold, Fixtures.predictions(gold, 20)));
        Results r = Fixtures.results("f".repeat(64), runs, List.of(), Fixtures.bench("h".repeat(64), Map.of(
                "minilm-probe", new double[] {200, 10, 240, 10},
                "minilm-probe-int8", new double[] {400, 10, 480, 10},
                "majority", new double[] {1e6, 1e3, 2e7, 1e5})));
        Element chart = Xml.chart(Xml.parse(HtmlReport.render(r)), "tradeoff-cv-5x1");
        List<Element> points = Xml.byClass(chart, "g", "point");
        assertEquals(3, points.size());
        for (Element e : points) {
            // Each is either the fastest or better than every faster one.
            assertEquals("true", e.getAttribute("data-front"), e.getAttribute("data-name"));
        }
        // When the float32 model is both faster and better, the int8 point drops off the front.
        Results twoOnly = Fixtures.results("f".repeat(64), runs.subList(0, 2), List.of(), Fixtures.bench("h".repeat(64),
                Map.of("minilm-probe", new double[] {200, 10, 500, 10}, "minilm-probe-int8", new double[] {400, 10, 480, 10})));
        List<Element> two = Xml.byClass(Xml.chart(Xml.parse(HtmlReport.render(twoOnly)), "tradeoff-cv-5x1"), "g", "point");
        assertEquals("minilm-probe", two.stream().filter(e -> e.getAttribute("data-front").equals("true"))
                .map(e -> e.getAttribute("data-name")).reduce((a, b) -> a + "," + b).orElse(""));
    }

    @Test
    void manyRunsReportDrawsTheChartFromEachFilesOwnBenchmarks() throws Exception {
        Results withBench = ReportTest.sample(true);
        Results without = ReportTest.sample(false);
        String html = ManyRunsReport.html(List.of(new ManyRunsReport.Source("a.json", withBench),
                new ManyRunsReport.Source("b.json", without)), "macro-f1");
        Document doc = Xml.parse(html);
        List<Element> charts = Xml.charts(doc, "many-tradeoff-");
        assertEquals(2, charts.size(), "one per group (cross-validation, test split)");
        List<String> names = Xml.byClass(charts.get(0), "g", "point").stream().map(e -> e.getAttribute("data-name"))
                .sorted().toList();
        assertEquals(List.of("naive-bayes@cv (a.json)", "tfidf-logreg@cv (a.json)"), names);
        assertTrue(doc.getDocumentElement().getTextContent().contains("naive-bayes@cv (b.json)"),
                "b.json's runs have no benchmarks: named as left out");
        assertNull(Xml.chart(Xml.parse(ManyRunsReport.html(List.of(new ManyRunsReport.Source("b.json", without)),
                "macro-f1")), "many-tradeoff-0"), "no benchmark data in any file: no chart");
    }
}
