package org.stancebench.dataset.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.dataset.SyntheticPage;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.dataset.page.PageUnit;

class LabelFileTest {

    private static final String BUILT_IN = new String(LabelFile.builtInBytes(), StandardCharsets.UTF_8);
    private static final List<PageUnit> UNITS = PageUnit.units(PageParser.builtIn(), "seed");

    private static LabelFile parse(String text) throws IOException {
        return LabelFile.parse(text.getBytes(StandardCharsets.UTF_8), "labels.tsv", UNITS, SeedDataset.LABELS);
    }

    @Test
    void builtInLabelsCoverEveryUnitOnce() throws IOException {
        LabelFile labels = parse(BUILT_IN);
        assertEquals(41, labels.labels().size());
        Map<String, Integer> counts = new TreeMap<>();
        labels.labels().forEach(g -> counts.merge(g.label(), 1, Integer::sum));
        // Counted by hand in labels.tsv.
        assertEquals(Map.of("hopeful", 18, "skeptical", 11, "sarcastic", 1, "neutral", 11), counts);
        assertEquals("2", labels.metadata().get("release"));
        assertTrue(labels.labels().stream().allMatch(g -> g.annotator().equals("sb-a1+sb-a2") || g.annotator().equals("sb-adj")));
    }

    @Test
    void identicalTextsMustShareTheirLabel() throws IOException {
        // The synthetic page repeats its headline as its last body sentence (seed/h01 = seed/s35).
        String synthetic = SyntheticPage.LABELS;
        List<PageUnit> units = PageUnit.units(PageParser.parse(SyntheticPage.PAGE.getBytes(StandardCharsets.UTF_8),
                "synthetic-page.txt"), "seed");
        assertEquals(47, LabelFile.parse(synthetic.getBytes(StandardCharsets.UTF_8), "labels.tsv", units, SeedDataset.LABELS)
                .labels().size());
        IOException e = assertThrows(IOException.class, () -> LabelFile.parse(
                synthetic.replace("seed/s35\thopeful", "seed/s35\tsarcastic").getBytes(StandardCharsets.UTF_8),
                "labels.tsv", units, SeedDataset.LABELS));
        assertTrue(e.getMessage().contains("labels.tsv:44: seed/s35 has the same text as seed/h01"), e.getMessage());
    }

    @Test
    void toleratesCrlfAndTrailingSpaces() throws IOException {
        assertEquals(parse(BUILT_IN).labels(), parse(BUILT_IN.replace("\n", "  \r\n")).labels());
    }

    /** Line numbers are those of the shipped labels.tsv: header on line 8, seed/h01 on 9, seed/c10 on 49. */
    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("missing unit", (UnaryOperator<String>) s -> s.replaceFirst("seed/s05\t[^\n]*\n", ""),
                        "no label for 1 unit(s): seed/s05"),
                Arguments.of("unknown unit", (UnaryOperator<String>) s -> s + "seed/s99\tneutral\tsb-a1\tNo such sentence.\n",
                        ":50: unknown unit 'seed/s99' (the page has 41 units, seed/h01 .. seed/c10)"),
                Arguments.of("unknown label", (UnaryOperator<String>) s -> s.replace("seed/s01\tneutral", "seed/s01\tangry"),
                        ":11: unknown label 'angry' for seed/s01"),
                Arguments.of("labelled twice", (UnaryOperator<String>) s -> s + "seed/c04\tneutral\tsb-a2\tAgain.\n",
                        ":50: seed/c04 is labelled twice (first on line 43)"),
                Arguments.of("wrong first line", (UnaryOperator<String>) s -> s.replaceFirst("v1", "v2"),
                        ":1: expected the first line"),
                Arguments.of("no header", (UnaryOperator<String>) s -> s.replace("id\tlabel\tannotator\trationale\n", ""),
                        ":8: expected the column header"),
                Arguments.of("three columns", (UnaryOperator<String>) s -> s.replace("seed/c09\tsarcastic\tsb-a1+sb-a2\t", "seed/c09\tsarcastic\t"),
                        ":48: expected 4 TAB-separated columns"),
                Arguments.of("empty annotator", (UnaryOperator<String>) s -> s.replace("seed/c09\tsarcastic\tsb-a1+sb-a2\t", "seed/c09\tsarcastic\t \t"),
                        ":48: empty annotator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsNamingFileAndLine(String name, UnaryOperator<String> edit, String expected) {
        IOException e = assertThrows(IOException.class, () -> parse(edit.apply(BUILT_IN)));
        assertTrue(e.getMessage().startsWith("labels.tsv:"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
