package org.stancebench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.labels.LabelFile;
import org.stancebench.dataset.page.Page;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.dataset.page.PageUnit;
import org.stancebench.dataset.storage.Manifest;
import org.stancebench.io.ContentHash;

class SeedDatasetTest {

    @TempDir
    Path tmp;

    @Test
    void unitIdsFollowPositions() {
        List<PageUnit> units = PageUnit.units(PageParser.builtIn(), "seed");
        // 1 headline + 1 subtitle + 29 sentences + 10 comments, counted by hand in page.txt.
        assertEquals(41, units.size());
        assertEquals("seed/h01", units.get(0).id());
        assertEquals("Long live negotiations!", units.get(0).text());
        assertEquals("subtitle", units.get(1).unit());
        assertEquals("Istanbul Peace Talks: Hope Amid Tension", units.get(1).text());
        assertEquals("seed/s01", units.get(2).id());
        assertEquals("seed/s29", units.get(30).id());
        assertEquals("Let’s wait for the third round.", units.get(30).text());
        assertEquals("seed/c01", units.get(31).id());
        assertEquals("seed/c10", units.get(40).id());
        units.forEach(u -> assertEquals(ContentHash.sha256(u.text()), u.sha256()));
    }

    @Test
    void dataCardReportsBothPassesKappaAndWhatWasAdjudicated() throws IOException {
        SeedDataset.build(tmp.resolve("card"), 13);
        String card = Files.readString(tmp.resolve("card/DATACARD.md"));
        assertTrue(card.contains("Two annotators, `sb-a1` and `sb-a2`, labelled all 41 units independently"), card);
        assertTrue(card.contains("| `sb-a1` | 19 | 11 | 1 | 10 |"), card);
        assertTrue(card.contains("| `sb-a2` | 18 | 11 | 1 | 11 |"), card);
        assertTrue(card.contains("| final | 18 | 11 | 1 | 11 |"), card);
        // 26/27 by hand (AnnotationAgreementTest).
        assertTrue(card.contains("| all | 41 | 40 | 0.963 ["), card);
        assertTrue(card.contains("| headline/subtitle | 2 | 2 | undefined"), card);
        assertTrue(card.contains("| comment | 10 | 10 | 1.000 ["), card);
        assertTrue(card.contains("Adjudicated (1 unit):"), card);
        assertTrue(card.contains("- `seed/s29` \"Let’s wait for the third round.\": `sb-a1` hopeful, `sb-a2` neutral; final **neutral**. A wait-and-see close"), card);
        assertTrue(card.contains("Label `sarcastic` has 1 distinct text, fewer than the folds"), card);
        assertTrue(card.contains("by Valery Shiryayev (Military expert and journalist)"), card);
    }

    @Test
    void builtInPassesAreKeptRawAndTheFinalLabelsFollowThemWhereTheyAgree() throws IOException {
        List<PageUnit> units = PageUnit.units(PageParser.builtIn(), "seed");
        List<LabelFile> passes = new java.util.ArrayList<>();
        for (LabelFile.Source s : LabelFile.builtInPasses()) {
            passes.add(LabelFile.parse(s.bytes(), s.name(), units, SeedDataset.LABELS));
        }
        LabelFile fin = LabelFile.parse(LabelFile.builtInBytes(), "labels.tsv", units, SeedDataset.LABELS);
        assertEquals("sb-a1", passes.get(0).metadata().get("pass"));
        assertEquals("sb-a2", passes.get(1).metadata().get("pass"));
        int adjudicated = 0;
        for (PageUnit u : units) {
            String a = passes.get(0).get(u.id()).label();
            String b = passes.get(1).get(u.id()).label();
            LabelFile.GoldLabel g = fin.get(u.id());
            if (a.equals(b)) {
                assertEquals(a, g.label(), u.id());
                assertEquals("sb-a1+sb-a2", g.annotator(), u.id());
            } else {
                assertEquals("sb-adj", g.annotator(), u.id());
                assertTrue(g.rationale().startsWith("Adjudicated (sb-a1 " + a + ", sb-a2 " + b + ")"), g.rationale());
                adjudicated++;
            }
        }
        assertEquals(1, adjudicated);
    }

    @Test
    void idsWidenPastNinetyNine() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            body.append("Sentence number ").append(i).append(" is here. ");
        }
        Page page = PageParser.parse(("Title\n\n" + body + "\n\nAuthor of the article\nA\nB\n\nAdd a comment\n")
                .getBytes(StandardCharsets.UTF_8), "long.txt");
        List<PageUnit> units = PageUnit.units(page, "p");
        assertEquals("p/s001", units.get(1).id());
        assertEquals("p/s120", units.get(120).id());
    }

    @Test
    void quirkyCopyOfThePageGivesTheSameData() throws IOException {
        String page = new String(PageParser.builtInBytes(), StandardCharsets.UTF_8);
        String quirky = "\uFEFF" + page.lines().map(l -> l.isEmpty() ? " \t" : "\u00A0\t" + l + "  ")
                .reduce("", (a, b) -> a + b + "\r\n");
        Manifest plain = SeedDataset.build(tmp.resolve("plain"), 13);
        Manifest copied = SeedDataset.build(tmp.resolve("quirky"), quirky.getBytes(StandardCharsets.UTF_8), "quirky.txt",
                LabelFile.builtInBytes(), "labels.tsv", LabelFile.builtInPasses(), 13, 5, 3);
        assertEquals(plain.fingerprint(), copied.fingerprint());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("plain/examples.jsonl")),
                Files.readAllBytes(tmp.resolve("quirky/examples.jsonl")));
        // Only the data card differs: it records the page's own SHA-256.
        assertTrue(!plain.files().get("DATACARD.md").equals(copied.files().get("DATACARD.md")));
    }

    @Test
    void readingADirectoryAsAPageNamesIt() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> PageParser.parse(tmp));
        assertEquals(tmp + ": is a directory, expected a file", e.getMessage());
    }
}
