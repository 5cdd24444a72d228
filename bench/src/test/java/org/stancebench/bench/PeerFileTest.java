package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerFileTest {

    @Test
    void readsWhatThePeerScriptWrites(@TempDir Path dir) throws IOException {
        // The shape peers.py writes (json.dump of its rows), with a field this reader does not know.
        Path file = dir.resolve("peers.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "peers": [
                  {"classifier": "sklearn:tfidf-logreg", "benchmark": "throughput", "batchSize": 1, "threads": 1,
                   "score": 859.5, "error": 12.25, "unit": "texts/s", "median": 860}],
                 "notes": ["fastText command line missing (Debian package fasttext): its peer skipped"]}
                """);
        PeerFile peers = PeerFile.read(file);
        assertEquals(List.of(BenchResult.of("sklearn:tfidf-logreg", "throughput", 1, 1, 859.5, 12.25, "texts/s")),
                peers.peers());
        assertEquals(1, peers.notes().size());
    }

    @Test
    void aBadRowIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("peers.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "peers": [{"classifier": "x", "benchmark": "throughput", "batchSize": 1,
                 "threads": 1, "score": -3, "error": 0, "unit": "texts/s"}]}
                """);
        IOException e = assertThrows(IOException.class, () -> PeerFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("score"), e.getMessage());
    }

    @Test
    void theScriptRefusesAWorkDirectoryWithoutTexts(@TempDir Path dir) throws Exception {
        Path script = Path.of("scripts", "peers.sh").toAbsolutePath();
        Process p = new ProcessBuilder("bash", script.toString(), dir.toString(), dir.resolve("o.json").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), output);
        assertTrue(output.contains(dir.resolve("texts.txt") + ": no such file"), output);
    }
}
