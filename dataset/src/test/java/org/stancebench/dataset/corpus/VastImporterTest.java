package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.Example;

class VastImporterTest {
    private static final String TRAIN_HEADER =
            "author,post,ori_topic,new_topic,topic_str,label,type_idx,arc_id,seen?,contains_topic?\n";
    private static final String TEST_HEADER = TRAIN_HEADER.strip() + ",Qte,Sarc,Imp,mlS,mlT\n";

    @TempDir
    Path dir;

    /** 12 posts, each with three topics and labels 0, 1, 2; a test file of two rows. */
    private void excerpt() throws IOException {
        StringBuilder train = new StringBuilder(TRAIN_HEADER);
        for (int p = 0; p < 12; p++) {
            for (int t = 0; t < 3; t++) {
                train.append("Author ").append(p).append(",\"Post ").append(p).append(", which says\nmany things.\",")
                        .append("topic").append(t).append(",topic").append(t).append(",topic ").append(t).append(',')
                        .append(t).append(",1,").append(100 + p).append(",1,0\n");
            }
        }
        Files.writeString(dir.resolve("vast_train.csv"), train);
        Files.writeString(dir.resolve("vast_test.csv"), TEST_HEADER
                + "Ann,\"Nuclear power is fine\",nuclear,nuclear,nuclear power,1,1,7,0,1,0,1,0,0,0\n"
                + "Bo,Another comment,tax,tax,tax,2,1,8,0,0,0,0,0,0,0\n");
    }

    @Test
    void topicIsPartOfTheTextAndTheGroup() throws IOException {
        excerpt();
        ImportedCorpus corpus = VastImporter.importFolder(dir, VastImporter.DEFAULT_SEPARATOR, ImportOptions.defaults());
        assertEquals("vast", corpus.name());
        assertEquals(List.of("con", "pro", "neutral"), corpus.labels());
        assertEquals(38, corpus.examples().size());
        Example first = corpus.examples().get(0);
        assertEquals("vast/train/000000", first.id());
        assertEquals("topic 0 [SEP] Post 0, which says\nmany things.", first.text());
        assertEquals("topic 0", first.group());
        assertEquals("con", first.label());
        Example test = corpus.examples().get(36);
        assertEquals("vast/test/000000", test.id());
        assertEquals("test", test.split());
        assertEquals("nuclear power [SEP] Nuclear power is fine", test.text());
        assertEquals("pro", test.label());
        assertTrue(corpus.source().contains("`topic_str` + ` [SEP] ` + `post`"), corpus.source());
    }

    @Test
    void devIsCarvedFromTrainByWholePosts() throws IOException {
        excerpt();
        ImportedCorpus corpus = VastImporter.importFolder(dir, " | ", ImportOptions.defaults());
        Map<String, String> splitOfPost = new HashMap<>();
        int dev = 0;
        for (Example e : corpus.examples()) {
            if (e.split().equals("test")) {
                continue;
            }
            String post = e.text().substring(e.text().indexOf(" | ") + 3);
            String previous = splitOfPost.putIfAbsent(post, e.split());
            assertTrue(previous == null || previous.equals(e.split()), "post split across train and dev: " + post);
            dev += e.split().equals("dev") ? 1 : 0;
        }
        // every post is a tie of three labels, so all 12 fall in the stratum "con" (first label sorted);
        // round(0.15 * 36 items) = 5 items -> two posts of three rows (hand computation)
        assertEquals(6, dev);
    }

    @Test
    void badLabelNamesFileAndLine() throws IOException {
        excerpt();
        Files.writeString(dir.resolve("vast_test.csv"), TEST_HEADER
                + "Ann,\"multi\nline\",nuclear,nuclear,nuclear power,1,1,7,0,1,0,1,0,0,0\n"
                + "Bo,Another comment,tax,tax,tax,3,1,8,0,0,0,0,0,0,0\n");
        IOException e = assertThrows(IOException.class,
                () -> VastImporter.importFolder(dir, VastImporter.DEFAULT_SEPARATOR, ImportOptions.defaults()));
        assertEquals(dir.resolve("vast_test.csv") + ":4: column 'label' must be 0, 1 or 2, got '3'", e.getMessage());
    }

    @Test
    void missingColumnIsReported() throws IOException {
        excerpt();
        Files.writeString(dir.resolve("vast_test.csv"), "author,post,label\nA,b,1\n");
        IOException e = assertThrows(IOException.class,
                () -> VastImporter.importFolder(dir, VastImporter.DEFAULT_SEPARATOR, ImportOptions.defaults()));
        assertEquals(dir.resolve("vast_test.csv") + ":1: missing column 'topic_str' (the header has 'author', 'post', 'label')",
                e.getMessage());
    }
}
