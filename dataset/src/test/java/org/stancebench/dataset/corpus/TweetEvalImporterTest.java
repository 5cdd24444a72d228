package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.dataset.Example;

class TweetEvalImporterTest {
    @TempDir
    Path root;
    Path irony;
    Path stance;

    @BeforeEach
    void writeExcerpts() throws IOException {
        irony = root.resolve("irony");
        Files.createDirectories(irony);
        write(irony.resolve("mapping.txt"), "0\tnon_irony\n1\tirony"); // as published: no final newline
        write(irony.resolve("train_text.txt"), "seeing ppl walking w/ crutches  \nlove mondays @user #not \nplain tweet \n");
        write(irony.resolve("train_labels.txt"), "0\n1\n0\n");
        write(irony.resolve("val_text.txt"), "val one \n");
        write(irony.resolve("val_labels.txt"), "1\n");
        write(irony.resolve("test_text.txt"), "test one 💕 \ntest two \n");
        write(irony.resolve("test_labels.txt"), "0\n1\n");

        stance = root.resolve("stance");
        write(stance.resolve("mapping.txt"), "0\tnone\n1\tagainst\n2\tfavor");
        for (String target : List.of("abortion", "atheism")) {
            Path t = stance.resolve(target);
            write(t.resolve("train_text.txt"), target + " a\n" + target + " b\n");
            write(t.resolve("train_labels.txt"), "1\n2\n");
            write(t.resolve("val_text.txt"), target + " c\n");
            write(t.resolve("val_labels.txt"), "0\n");
            write(t.resolve("test_text.txt"), target + " d\n");
            write(t.resolve("test_labels.txt"), "2\n");
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void importsATaskFolderWithPublishedSplits() throws IOException {
        ImportedCorpus corpus = TweetEvalImporter.importTask(irony, null, ImportOptions.defaults());
        assertEquals("tweeteval-irony", corpus.name());
        assertEquals(List.of("non_irony", "irony"), corpus.labels());
        assertEquals(6, corpus.examples().size());
        Example first = corpus.examples().get(0);
        assertEquals("tweeteval-irony/train/000000", first.id());
        assertEquals("seeing ppl walking w/ crutches", first.text());
        assertEquals("non_irony", first.label());
        assertEquals("post", first.unit());
        assertEquals("train", first.split());
        assertNull(first.group());
        // sha256sum of the bytes "seeing ppl walking w/ crutches" (coreutils)
        assertEquals("2017a7c1e4e718a8341c0b2ad553379741b9067d6015413c6b5d75a89049199f", first.sha256());
        Example val = corpus.examples().get(3);
        assertEquals("tweeteval-irony/val/000000", val.id());
        assertEquals("dev", val.split());
        assertEquals("irony", val.label());
        assertEquals("test one 💕", corpus.examples().get(4).text());
        assertTrue(corpus.source().contains("`val` -> dev"));
        assertTrue(corpus.source().contains("train_text.txt"));
    }

    @Test
    void poolsStanceTargetsWithTheTargetAsGroup() throws IOException {
        ImportedCorpus corpus = TweetEvalImporter.importTask(stance, null, ImportOptions.defaults());
        assertEquals("tweeteval-stance", corpus.name());
        assertEquals(List.of("none", "against", "favor"), corpus.labels());
        assertEquals(8, corpus.examples().size());
        Example e = corpus.examples().get(5);
        assertEquals("tweeteval-stance/atheism/train/000001", e.id());
        assertEquals("atheism", e.group());
        assertEquals("favor", e.label());
        assertEquals(java.util.Map.of("abortion", 4, "atheism", 4), corpus.groupCounts());
    }

    @Test
    void importsOneTargetByOptionOrByFolder() throws IOException {
        ImportedCorpus byOption = TweetEvalImporter.importTask(stance, "atheism", ImportOptions.defaults());
        ImportedCorpus byFolder = TweetEvalImporter.importTask(stance.resolve("atheism"), null, ImportOptions.defaults());
        assertEquals("tweeteval-stance-atheism", byOption.name());
        assertEquals(byOption, byFolder);
        assertTrue(byOption.examples().stream().allMatch(e -> e.group().equals("atheism")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TweetEvalImporter.importTask(stance, "hillary", ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("no target 'hillary'"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "labels shorter than texts | train_labels.txt | '0\n1\n' | train_labels.txt:3: missing label: the label file ends after 2 line(s) but train_text.txt has 3",
        "labels longer than texts  | train_labels.txt | '0\n1\n0\n1\n' | train_labels.txt:4: extra label: train_text.txt has only 3 line(s)",
        "unknown label id          | val_labels.txt   | '7\n' | val_labels.txt:1: unknown label id '7' (mapping.txt defines 0, 1)",
        "malformed mapping         | mapping.txt      | '0 non_irony\n1\tirony' | mapping.txt:1: expected 'ID<TAB>NAME', got '0 non_irony'",
        "duplicate mapping id      | mapping.txt      | '0\tnon_irony\n0\tirony' | mapping.txt:2: label id '0' defined twice",
    })
    void malformedFilesFailNamingFileAndLine(String name, String file, String content, String message) throws IOException {
        write(irony.resolve(file), content);
        IOException e = assertThrows(IOException.class,
                () -> TweetEvalImporter.importTask(irony, null, ImportOptions.defaults()));
        assertEquals(irony.resolve(message.substring(0, message.indexOf(':'))) + message.substring(message.indexOf(':')),
                e.getMessage());
    }

    @Test
    void invalidUtf8InATextFileNamesTheLine() throws IOException {
        Files.write(irony.resolve("test_text.txt"), new byte[] {'o', 'k', '\n', 'b', (byte) 0xFF, '\n'});
        IOException e = assertThrows(IOException.class,
                () -> TweetEvalImporter.importTask(irony, null, ImportOptions.defaults()));
        assertEquals(irony.resolve("test_text.txt") + ":2: not valid UTF-8 (byte 0xFF at byte 2 of the line)",
                e.getMessage());
    }

    @Test
    void missingSplitFileIsReported() throws IOException {
        Files.delete(irony.resolve("val_text.txt"));
        IOException e = assertThrows(IOException.class,
                () -> TweetEvalImporter.importTask(irony, null, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("val_text.txt"), e.getMessage());
    }

    @Test
    void aFolderWithoutTheLayoutIsRejected() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        IOException e = assertThrows(IOException.class,
                () -> TweetEvalImporter.importTask(empty, null, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("not a TweetEval task folder"), e.getMessage());
    }

    @Test
    void blankTextLinesAreSkippedAndCounted() throws IOException {
        write(irony.resolve("train_text.txt"), "one\n   \nthree\n");
        ImportedCorpus corpus = TweetEvalImporter.importTask(irony, null, ImportOptions.defaults());
        assertEquals(5, corpus.examples().size());
        assertEquals("tweeteval-irony/train/000002", corpus.examples().get(1).id());
        assertTrue(corpus.source().contains("1 blank text line(s) were skipped"));
    }

    @Test
    void aTextInTwoSplitsKeepsOnlyItsLaterCopy() throws IOException {
        write(irony.resolve("val_text.txt"), "plain tweet\n"); // also train line 3, after trimming
        ImportedCorpus corpus = TweetEvalImporter.importTask(irony, null, ImportOptions.defaults());
        assertEquals(5, corpus.examples().size());
        assertTrue(corpus.examples().stream().noneMatch(e -> e.id().equals("tweeteval-irony/train/000002")));
        assertTrue(corpus.source().contains("1 example(s) were dropped because the same text"));
        assertTrue(corpus.source().contains("`tweeteval-irony/train/000002` (train)"));
    }
}
