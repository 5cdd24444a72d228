package org.stancebench.dataset;

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

class LabelFileTest {

    private static final String BUILT_IN = new String(LabelFile.builtInBytes(), StandardCharsets.UTF_8);
    private static final List<PageUnit> UNITS = PageUnit.units(PageParser.builtIn(), "seed");

    private static LabelFile parse(String text) throws IOException {
        return LabelFile.parse(text.getBytes(StandardCharsets.UTF_8), "labels.tsv", UNITS, SeedDataset.LABELS);
    }

    @Test
    void builtInLabelsCoverEveryUnitOnce() throws IOException {
        LabelFile labels = parse(BUILT_IN);
        assertEquals(47, labels.labels().size());
        Map<String, Integer> counts = new TreeMap<>();
        labels.labels().forEach(g -> counts.merge(g.label(), 1, Integer::sum));
        // Counted by hand in labels.tsv.
        assertEquals(Map.of("hopeful", 18, "skeptical", 12, "sarcastic", 5, "neutral", 12), counts);
        assertEquals("1", labels.metadata().get("release"));
        assertTrue(labels.labels().stream().allMatch(g -> g.annotator().equals("sb-a1")));
    }

    @Test
    void toleratesCrlfAndTrailingSpaces() throws IOException {
        assertEquals(parse(BUILT_IN).labels(), parse(BUILT_IN.replace("\n", "  \r\n")).labels());
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("missing unit", (UnaryOperator<String>) s -> s.replaceFirst("seed/s05\t[^\n]*\n", ""),
                        "no label for 1 unit(s): seed/s05"),
                Arguments.of("unknown unit", (UnaryOperator<String>) s -> s + "seed/s99\tneutral\tsb-a1\tNo such sentence.\n",
                        ":55: unknown unit 'seed/s99'"),
                Arguments.of("unknown label", (UnaryOperator<String>) s -> s.replace("seed/s01\tneutral", "seed/s01\tangry"),
                        ":10: unknown label 'angry' for seed/s01"),
                Arguments.of("labelled twice", (UnaryOperator<String>) s -> s + "seed/c04\tneutral\tsb-a2\tAgain.\n",
                        ":55: seed/c04 is labelled twice (first on line 48)"),
                Arguments.of("identical texts, different labels",
                        (UnaryOperator<String>) s -> s.replace("seed/s35\thopeful", "seed/s35\tsarcastic"),
                        "seed/s35 has the same text as seed/h01"),
                Arguments.of("wrong first line", (UnaryOperator<String>) s -> s.replaceFirst("v1", "v2"),
                        ":1: expected the first line"),
                Arguments.of("no header", (UnaryOperator<String>) s -> s.replace("id\tlabel\tannotator\trationale\n", ""),
                        ":7: expected the column header"),
                Arguments.of("three columns", (UnaryOperator<String>) s -> s.replace("seed/c09\tneutral\tsb-a1\t", "seed/c09\tneutral\t"),
                        ":53: expected 4 TAB-separated columns"),
                Arguments.of("empty annotator", (UnaryOperator<String>) s -> s.replace("seed/c09\tneutral\tsb-a1\t", "seed/c09\tneutral\t \t"),
                        ":53: empty annotator"));
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
