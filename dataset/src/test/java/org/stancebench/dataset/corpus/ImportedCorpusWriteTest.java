package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.storage.DatasetVerifier;
import org.stancebench.dataset.storage.DatasetWriter;

/** An imported corpus goes through the same writer as the seed and loads back unchanged. */
class ImportedCorpusWriteTest {
    @TempDir
    Path dir;

    private ImportedCorpus corpus(long seed) throws IOException {
        Path file = dir.resolve("posts.csv");
        StringBuilder csv = new StringBuilder("text,label,topic\n");
        for (int i = 0; i < 60; i++) {
            csv.append("\"post ").append(i).append(",\nwith a second line\",").append(i % 3 == 0 ? "pro" : "con")
                    .append(",topic ").append(i % 4).append('\n');
        }
        Files.writeString(file, csv);
        return TabularImporter.importCsv(file, ',', new TabularColumns("text", "label", null, null, "topic", null),
                ImportOptions.defaults().withSeed(seed));
    }

    @Test
    void writesLoadsBackAndRewritesByteIdentically() throws IOException {
        ImportedCorpus corpus = corpus(5);
        Path out = dir.resolve("out");
        DatasetWriter.write(out, corpus.info(), corpus.examples(), corpus.seed(), 5, 2);
        Dataset loaded = Dataset.load(out);
        assertEquals(corpus.examples(), loaded.examples());
        assertEquals(corpus.labels(), loaded.labels());
        assertEquals(List.of(), DatasetVerifier.problems(out));
        String card = Files.readString(out.resolve(DatasetWriter.DATACARD));
        assertTrue(card.contains("were carved from the whole file with seed 5"), card);
        assertTrue(card.contains("`posts.csv` (records): SHA-256 `"), card);

        byte[] first = Files.readAllBytes(out.resolve(DatasetWriter.EXAMPLES));
        Path again = dir.resolve("again");
        ImportedCorpus same = corpus(5);
        DatasetWriter.write(again, same.info(), same.examples(), same.seed(), 5, 2);
        assertArrayEquals(first, Files.readAllBytes(again.resolve(DatasetWriter.EXAMPLES)));
        assertArrayEquals(Files.readAllBytes(out.resolve("MANIFEST.json")), Files.readAllBytes(again.resolve("MANIFEST.json")));
    }
}
