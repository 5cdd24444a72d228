package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.dataset.Example;

/**
 * End-to-end imports of the real public corpora in {@code ../shared/corpora} (from the project root;
 * the environment variable {@code STANCEBENCH_CORPORA} overrides it, e.g. in a git worktree). Skipped
 * when the directory is absent. Expected counts are those of /work/shared/corpora/README.md.
 */
class RealCorporaImportTest {

    static Path corpora() {
        String override = System.getenv("STANCEBENCH_CORPORA");
        Path dir = override != null && !override.isBlank() ? Path.of(override)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpora").normalize();
        assumeTrue(Files.isDirectory(dir), "public corpora not found at " + dir + ": skipping");
        return dir;
    }

    @ParameterizedTest(name = "tweeteval/{0}")
    // counts: corpora README table (train / val / test); dropped: train tweets whose text is also in val
    // (found with Python: stance/abortion train line 71 = val line 4, stance/hillary train line 135 = val line 67)
    @CsvSource({"irony, 2862, 955, 784, 0", "stance, 2620, 294, 1249, 2", "emotion, 3257, 374, 1421, 0"})
    void tweetEvalTasksKeepPublishedSplitSizes(String task, int train, int dev, int test, int dropped)
            throws IOException {
        ImportedCorpus corpus = TweetEvalImporter.importTask(corpora().resolve("tweeteval").resolve(task), null,
                ImportOptions.defaults());
        Map<String, Long> perSplit = corpus.examples().stream()
                .collect(Collectors.groupingBy(Example::split, Collectors.counting()));
        assertEquals(Map.of("train", (long) train - dropped, "dev", (long) dev, "test", (long) test), perSplit);
        assertEquals("tweeteval-" + task, corpus.name());
        assertEquals(dropped > 0, corpus.source().contains(dropped + " example(s) were dropped"), corpus.source());
    }

    @Test
    void stanceIsGroupedByItsFiveTargets() throws IOException {
        ImportedCorpus corpus = TweetEvalImporter.importTask(corpora().resolve("tweeteval/stance"), null,
                ImportOptions.defaults());
        assertEquals(java.util.List.of("none", "against", "favor"), corpus.labels());
        // line counts (wc -l) of the five targets' files, all splits, minus one train/val duplicate in
        // abortion and one in hillary
        assertEquals(Map.of("abortion", 932, "atheism", 733, "climate", 564, "feminist", 949, "hillary", 983),
                corpus.groupCounts());
        assertTrue(corpus.source().contains("`tweeteval-stance/abortion/train/000070` (train)"), corpus.source());
        ImportedCorpus abortion = TweetEvalImporter.importTask(corpora().resolve("tweeteval/stance"), "abortion",
                ImportOptions.defaults());
        assertEquals(932, abortion.examples().size());
        assertEquals("tweeteval-stance-abortion", abortion.name());
    }

    @Test
    void iSarcasmEvalReadsMultiLineRecords() throws IOException {
        ImportedCorpus corpus = ISarcasmEvalImporter.importFile(corpora().resolve("isarcasmeval"),
                ImportOptions.defaults());
        // README: 3,468 records, 867 sarcastic; one record has an empty tweet (found with Python's csv module)
        assertEquals(3467, corpus.examples().size());
        assertEquals(867, corpus.examples().stream().filter(e -> e.label().equals("sarcastic")).count());
        assertTrue(corpus.source().contains("1 record(s) with a blank tweet"));
    }

    @Test
    void vastKeepsTestAndCarvesDevByPost() throws IOException {
        ImportedCorpus corpus = VastImporter.importFolder(corpora().resolve("vast"), VastImporter.DEFAULT_SEPARATOR,
                ImportOptions.defaults());
        Map<String, Long> perSplit = corpus.examples().stream()
                .collect(Collectors.groupingBy(Example::split, Collectors.counting()));
        // README: 13,477 train rows and 3,006 test rows
        assertEquals(13477, perSplit.get("train") + perSplit.get("dev"));
        assertEquals(3006, perSplit.get("test"));
        assertTrue(perSplit.get("dev") > 1500 && perSplit.get("dev") < 2600, "dev size " + perSplit.get("dev"));
    }

    @Test
    void ironyWritesAVerifiedDatasetDirectory(@org.junit.jupiter.api.io.TempDir Path out) throws IOException {
        ImportedCorpus corpus = TweetEvalImporter.importTask(corpora().resolve("tweeteval/irony"), null,
                ImportOptions.defaults());
        Path dir = out.resolve("irony");
        org.stancebench.dataset.storage.DatasetWriter.write(dir, corpus.info(), corpus.examples(), corpus.seed(), 5, 1);
        assertEquals(java.util.List.of(), org.stancebench.dataset.storage.DatasetVerifier.problems(dir));
        org.stancebench.dataset.Dataset loaded = org.stancebench.dataset.Dataset.load(dir);
        // README: 2,862 / 955 / 784
        assertEquals(2862, loaded.split("train").size());
        assertEquals(955, loaded.split("dev").size());
        assertEquals(784, loaded.split("test").size());
    }
}
