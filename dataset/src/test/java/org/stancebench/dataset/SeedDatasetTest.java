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

class SeedDatasetTest {

    @TempDir
    Path tmp;

    @Test
    void unitIdsFollowPositions() {
        List<PageUnit> units = PageUnit.units(PageParser.builtIn(), "seed");
        // 1 headline + 1 subtitle + 35 sentences + 10 comments, counted by hand in page.txt.
        assertEquals(47, units.size());
        assertEquals("seed/h01", units.get(0).id());
        assertEquals("subtitle", units.get(1).unit());
        assertEquals("seed/s01", units.get(2).id());
        assertEquals("seed/s35", units.get(36).id());
        assertEquals("seed/c01", units.get(37).id());
        assertEquals("seed/c10", units.get(46).id());
        assertEquals(units.get(0).sha256(), units.get(36).sha256(), "headline and last sentence share their text");
        units.forEach(u -> assertEquals(ContentHash.sha256(u.text()), u.sha256()));
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
                LabelFile.builtInBytes(), "labels.tsv", 13, 5, 3);
        assertEquals(plain.fingerprint(), copied.fingerprint());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("plain/examples.jsonl")),
                Files.readAllBytes(tmp.resolve("quirky/examples.jsonl")));
        // Only the data card differs: it records the page's own SHA-256.
        assertTrue(!plain.files().get("DATACARD.md").equals(copied.files().get("DATACARD.md")));
    }

    @Test
    void readingADirectoryAsAPageNamesIt() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> PageParser.parse(tmp));
        assertEquals(tmp + ": is a directory, not a file", e.getMessage());
    }
}
