package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorpusImportTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"tweeteval, TWEETEVAL", "ISarcasmEval, ISARCASMEVAL", " vast , VAST", "csv, CSV", "jsonl, JSONL"})
    void parsesFormatNames(String name, CorpusFormat expected) {
        assertEquals(expected, CorpusFormat.parse(name));
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusFormat.parse("tsv"));
        assertEquals("unknown corpus format 'tsv'; expected one of tweeteval, isarcasmeval, vast, csv, jsonl",
                e.getMessage());
    }

    @Test
    void optionsOfAnotherFormatAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CorpusImport(
                CorpusFormat.VAST, dir, ImportOptions.defaults(), "abortion", null, TabularColumns.of("t", "l"), ';'));
        assertEquals("format vast does not take --target (tweeteval only), column options (csv and jsonl only), "
                + "--delimiter (csv only)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CorpusImport(CorpusFormat.JSONL, dir, ImportOptions.defaults(), null, null, null, null));
        assertEquals("format jsonl needs --text-column and --label-column", e.getMessage());
    }

    @Test
    void runsTheFormatsImporter() throws IOException {
        Path file = dir.resolve("x.tsv");
        Files.writeString(file, "t\tl\na, b\tp\n");
        ImportedCorpus corpus = new CorpusImport(CorpusFormat.CSV, file, ImportOptions.defaults().withName("x"),
                null, null, TabularColumns.of("t", "l"), '\t').run();
        assertEquals("a, b", corpus.examples().get(0).text());
        assertEquals("x/000000", corpus.examples().get(0).id());
    }
}
