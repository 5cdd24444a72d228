package org.stancebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "plain|plain",
        "a<b & c>d|a&lt;b &amp; c&gt;d",
        "\"quoted\" 'single'|&quot;quoted&quot; &#39;single&#39;",
        "bell\u0007char|bell\uFFFDchar",
        "emoji \uD83D\uDE00 ok|emoji \uD83D\uDE00 ok",
        "lone \uD800 surrogate|lone \uFFFD surrogate",
    })
    void escapesTextForXml(String in, String expected) {
        assertEquals(expected, Markup.escape(in));
    }

    @Test
    void markupRefusesMismatchedClose() {
        Markup m = new Markup().open("g");
        assertThrows(IllegalStateException.class, () -> m.close("svg"));
        assertThrows(IllegalStateException.class, () -> new Markup().open("g").toString());
    }

    @ParameterizedTest
    @CsvSource({"0.0,0", "-0.04,0", "1.25,1.3", "3.0,3", "-2.5,-2.5", "1234.56,1234.6"})
    void formatsCoordinatesLocaleFree(double in, String expected) {
        assertEquals(expected, Markup.num(in));
    }

    @Test
    void leaderboardChartHasOneBarAndIntervalPerRowAndEscapesNames() throws Exception {
        String svg = IntervalBarChart.render("leaderboard", "Macro-F1", "macro-F1", List.of(
                new IntervalBarChart.Row("a<script>", 0.6, 0.5, 0.7, "#000000"),
                new IntervalBarChart.Row("b & c", 0.4, 0.2, 0.55, "#000000"),
                new IntervalBarChart.Row("d", 0.1, 0.0, 0.3, "#000000")));
        Document doc = Xml.parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals(3, Xml.byClass(root, "rect", "bar").size());
        assertEquals(3, Xml.byClass(root, "g", "ci").size());
        assertTrue(svg.contains("a&lt;script&gt;"));
        // Bar width is proportional to the value: 0.6 of a 420-pixel plot.
        assertEquals("252", Xml.byClass(root, "rect", "bar").get(0).getAttribute("width"));
    }

    @Test
    void groupedBarsAreGroupsTimesSeries() throws Exception {
        double[][] values = {{0.1, 0.2, 0.3, 0.4}, {0.5, Double.NaN, 0.7, 0.8}};
        String svg = GroupedBarChart.render("per-class-f1", "F1", "F1", List.of("w", "x", "y", "z"),
                List.of("one", "two"), List.of("#111111", "#222222"), values);
        Element root = Xml.parse(svg).getDocumentElement();
        assertEquals(8, Xml.byClass(root, "rect", "bar").size());
        assertTrue(svg.contains("two, x: n/a"));
    }

    @Test
    void heatmapHasRowsTimesColumnsCells() throws Exception {
        String[][] text = {{"1", "2", "3"}, {"4", "5", "6"}};
        String[][] fill = {{"#ffffff", "#000000", "#808080"}, {"#ffffff", "#000000", "#808080"}};
        String svg = Heatmap.render("confusion", "t", "gold", "predicted", List.of("r1", "r2"),
                List.of("c1", "c2", "c3"), text, fill, text);
        Element root = Xml.parse(svg).getDocumentElement();
        assertEquals(6, Xml.byClass(root, "rect", "cell").size());
    }

    @ParameterizedTest
    @CsvSource({"#ffffff,#000000,0,#ffffff", "#ffffff,#000000,1,#000000", "#ffffff,#000000,0.5,#808080",
        "#000000,#ff0000,2,#ff0000"})
    void blendsColours(String from, String to, double t, String expected) {
        assertEquals(expected, Heatmap.blend(from, to, t));
    }

    @Test
    void lineChartHasOnePointPerValueAndAReferenceLineWhenAsked() throws Exception {
        LineChart.Axes axes = new LineChart.Axes("batch", 1, 32, true, "texts/s", 10, 1000, true, false);
        String svg = LineChart.render("throughput", "t", axes, List.of("a", "b"), List.of("#111111", "#222222"), List.of(
                List.of(new LineChart.Point(1, 100, 5, "1"), new LineChart.Point(32, 900, 20, "32")),
                List.of(new LineChart.Point(1, 50, 0, "1"))));
        Element root = Xml.parse(svg).getDocumentElement();
        assertEquals(3, Xml.byClass(root, "circle", "point").size());
        // Log scales, hand computation: x = 1 is the left edge (70); y = 100 is halfway between 10 and 1000,
        // so 40 (legend, one line) + 280 / 2 = 180; x = 32 is the right edge (70 + 440 = 510).
        Element first = Xml.byClass(root, "circle", "point").get(0);
        assertEquals("70", first.getAttribute("cx"));
        assertEquals("180", first.getAttribute("cy"));
        assertEquals("510", Xml.byClass(root, "circle", "point").get(1).getAttribute("cx"));
        assertEquals(0, Xml.byClass(root, "line", "reference").size());
        LineChart.Axes unit = new LineChart.Axes("c", 0, 1, false, "a", 0, 1, false, true);
        String rel = LineChart.render("reliability", "t", unit, List.of("a"), List.of("#111111"),
                List.of(List.of(new LineChart.Point(0.5, 0.4, 0, "x"))));
        assertEquals(1, Xml.byClass(Xml.parse(rel).getDocumentElement(), "line", "reference").size());
    }

    @ParameterizedTest
    @CsvSource({"0.7,1", "1.0,1", "3,5", "1234,2000", "0,1", "9.1,10"})
    void niceAxisMaximum(double max, double expected) {
        assertEquals(expected, Svg.niceMax(max), 1e-9);
    }
}
