package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.Example;

class ISarcasmEvalImporterTest {
    private static final String HEADER =
            ",tweet,sarcastic,rephrase,sarcasm,irony,satire,understatement,overstatement,rhetorical_question\n";

    @TempDir
    Path dir;

    private Path write(String body) throws IOException {
        Path file = dir.resolve("train/train.En.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + body);
        return file;
    }

    /** 20 records: even ones sarcastic, odd ones not; record 3 spans three lines. */
    private Path excerpt() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String tweet = i == 3 ? "\"first line,\nsecond \"\"quoted\"\"\nthird\"" : "tweet number " + i;
            body.append(i).append(',').append(tweet).append(',').append(i % 2 == 0 ? 1 : 0)
                    .append(",\"a rephrase, with comma\",0,1,0,0,0,0\n");
        }
        return write(body.toString());
    }

    @Test
    void readsMultiLineRecordsAndCarvesStratifiedSplits() throws IOException {
        excerpt();
        ImportedCorpus corpus = ISarcasmEvalImporter.importFile(dir, ImportOptions.defaults());
        assertEquals("isarcasmeval", corpus.name());
        assertEquals(List.of("not_sarcastic", "sarcastic"), corpus.labels());
        assertEquals(20, corpus.examples().size());
        Example multi = corpus.examples().get(3);
        assertEquals("isarcasmeval/train/000003", multi.id());
        assertEquals("first line,\nsecond \"quoted\"\nthird", multi.text());
        assertEquals("not_sarcastic", multi.label());
        // per label 10 records: test round(0.15*10)=2 (1.5 rounds up), dev 2, train 6 (hand computation)
        Map<String, Long> perSplit = corpus.examples().stream()
                .collect(Collectors.groupingBy(e -> e.split() + "/" + e.label(), Collectors.counting()));
        assertEquals(Map.of("train/sarcastic", 6L, "train/not_sarcastic", 6L, "dev/sarcastic", 2L,
                "dev/not_sarcastic", 2L, "test/sarcastic", 2L, "test/not_sarcastic", 2L), perSplit);
        assertTrue(corpus.source().contains("seed 13"), corpus.source());
    }

    @Test
    void sameSeedSameCorpusOtherSeedOtherSplits() throws IOException {
        Path file = excerpt();
        ImportedCorpus a = ISarcasmEvalImporter.importFile(file, ImportOptions.defaults());
        assertEquals(a, ISarcasmEvalImporter.importFile(file, ImportOptions.defaults()));
        ImportedCorpus b = ISarcasmEvalImporter.importFile(file, ImportOptions.defaults().withSeed(7));
        assertTrue(!a.examples().equals(b.examples()));
        assertEquals(a.examples().stream().map(Example::id).toList(), b.examples().stream().map(Example::id).toList());
    }

    @Test
    void blankTweetIsSkipped() throws IOException {
        write("0,a tweet,1,,0,0,0,0,0,0\n1,,0,,,,,,,\n2,another,0,,0,0,0,0,0,0\n");
        ImportedCorpus corpus = ISarcasmEvalImporter.importFile(dir, ImportOptions.defaults());
        assertEquals(List.of("isarcasmeval/train/000000", "isarcasmeval/train/000002"),
                corpus.examples().stream().map(Example::id).toList());
        assertTrue(corpus.source().contains("1 record(s) with a blank tweet were skipped"));
    }

    @Test
    void brokenQuoteNamesTheLineWhereTheRecordStarted() throws IOException {
        Path file = write("0,fine,1,,0,0,0,0,0,0\n1,\"runs away,0,,0,0,0,0,0,0\n2,next,0,,0,0,0,0,0,0\n");
        IOException e = assertThrows(IOException.class, () -> ISarcasmEvalImporter.importFile(file, ImportOptions.defaults()));
        assertEquals(file + ":3: unterminated quoted field: the quote opening field 2 (line 3) is never closed",
                e.getMessage());
    }

    @Test
    void badLabelNamesTheLine() throws IOException {
        Path file = write("0,\"two\nlines\",1,,0,0,0,0,0,0\n1,x,yes,,0,0,0,0,0,0\n");
        IOException e = assertThrows(IOException.class, () -> ISarcasmEvalImporter.importFile(file, ImportOptions.defaults()));
        assertEquals(file + ":4: column 'sarcastic' must be 0 or 1, got 'yes'", e.getMessage());
    }

    @Test
    void missingColumnNamesTheHeader() throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, ",text,sarcastic\n0,hi,1\n");
        IOException e = assertThrows(IOException.class, () -> ISarcasmEvalImporter.importFile(file, ImportOptions.defaults()));
        assertEquals(file + ":1: missing column 'tweet' (the header has '', 'text', 'sarcastic')", e.getMessage());
    }

    @Test
    void shortRecordNamesItsLine() throws IOException {
        Path file = write("0,ok,1,,0,0,0,0,0,0\n1,short,0\n");
        IOException e = assertThrows(IOException.class, () -> ISarcasmEvalImporter.importFile(file, ImportOptions.defaults()));
        assertEquals(file + ":3: record has 3 field(s), the header has 10", e.getMessage());
    }
}
