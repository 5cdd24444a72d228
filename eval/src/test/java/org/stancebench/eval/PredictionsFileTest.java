package org.stancebench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.eval.results.PredictionRecord;

class PredictionsFileTest {
    @TempDir
    Path dir;

    static Dataset dataset() {
        List<Example> examples = new ArrayList<>();
        String[] labels = {"hopeful", "skeptical", "neutral"};
        for (int i = 0; i < 12; i++) {
            examples.add(new Example("d/e" + i, "text " + i, labels[i % 3], "sentence", "t", i < 8 ? "test" : "train",
                    null, "0".repeat(64)));
        }
        return new Dataset("d", List.of(labels), examples, List.of(), "fp");
    }

    private Path write(String... lines) throws IOException {
        Path f = dir.resolve("preds.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private static String[] full() {
        String[] lines = new String[8];
        for (int i = 0; i < 8; i++) {
            lines[i] = "{\"id\":\"d/e" + i + "\",\"label\":\"hopeful\"}";
        }
        return lines;
    }

    @Test
    void readsLabelsAndProbabilities() throws IOException {
        String[] lines = full();
        lines[1] = "{\"id\":\"d/e1\",\"probs\":{\"hopeful\":0.2,\"skeptical\":0.7,\"neutral\":0.1}}";
        lines[2] = "{\"id\":\"d/e2\",\"probs\":{\"neutral\":0.9995}}";
        PredictionsFile.Loaded loaded = PredictionsFile.read(write(lines), dataset(), "test", false);
        assertEquals(List.of(), loaded.mismatches());
        List<PredictionRecord> p = loaded.predictions();
        assertEquals(8, p.size());
        assertEquals("skeptical", p.get(1).predicted());
        assertEquals("skeptical", p.get(1).gold());
        assertEquals(List.of(0.2, 0.7, 0.1), p.get(1).probs());
        assertEquals("neutral", p.get(2).predicted());
        assertEquals(null, p.get(0).probs());
    }

    @Test
    void mismatchesAreCountedListedAndRefused() throws IOException {
        String[] lines = full();
        lines[0] = "{\"id\":\"d/e9\",\"label\":\"hopeful\"}"; // train id: extra, and e0 missing
        lines[1] = "{\"id\":\"d/e1\",\"label\":\"happy\"}"; // unknown label
        lines[2] = "{\"id\":\"d/e2\",\"probs\":{\"hopeful\":0.5,\"neutral\":0.3}}"; // sums to 0.8
        lines[3] = "{\"id\":\"d/e4\",\"label\":\"hopeful\"}"; // e4 twice, e3 missing
        Path f = write(lines);
        IOException e = assertThrows(IOException.class, () -> PredictionsFile.read(f, dataset(), "test", false));
        assertEquals(f + ": does not match split test of dataset d: 2 ids of split test missing from the file"
                + " (d/e0, d/e3); 1 id not in split test (d/e9); 1 id given twice (d/e4); 1 unknown label"
                + " (d/e1 ('happy')); 1 probability row not summing to 1 (tolerance 0.001) (d/e2 (sum 0.8))"
                + " (use --allow-mismatch to evaluate anyway)", e.getMessage());
    }

    @Test
    void allowedMismatchesKeepTheUsableLinesAndRenormalize() throws IOException {
        String[] lines = full();
        lines[0] = "{\"id\":\"d/e9\",\"label\":\"hopeful\"}";
        lines[2] = "{\"id\":\"d/e2\",\"probs\":{\"hopeful\":0.5,\"neutral\":0.3}}";
        PredictionsFile.Loaded loaded = PredictionsFile.read(write(lines), dataset(), "test", true);
        assertEquals(3, loaded.mismatches().size());
        assertEquals(7, loaded.predictions().size());
        PredictionRecord e2 = loaded.predictions().get(1);
        assertEquals("d/e2", e2.id());
        assertEquals(0.625, e2.probs().get(0), 1e-12);
        assertEquals(0.375, e2.probs().get(2), 1e-12);
    }

    @Test
    void manyMissingIdsListOnlyTheFirstFive() throws IOException {
        Path f = write("{\"id\":\"d/e0\",\"label\":\"hopeful\"}");
        IOException e = assertThrows(IOException.class, () -> PredictionsFile.read(f, dataset(), "test", false));
        assertTrue(e.getMessage().contains("7 ids of split test missing from the file (first: d/e1, d/e2, d/e3, d/e4, d/e5)"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json|:1: not valid JSON: Unrecognized token 'not'",
        "[1, 2]|:1: not a JSON object",
        "{\"label\":\"hopeful\"}|:1: field 'id' is missing or not a non-empty string",
        "{\"id\":\"d/e0\"}|:1: needs a 'label' or a 'probs' field",
        "{\"id\":\"d/e0\",\"probs\":[0.5, 0.5]}|:1: field 'probs' must be an object of label to probability",
        "{\"id\":\"d/e0\",\"probs\":{\"hopeful\":\"high\"}}|:1: probability of 'hopeful' is not a number",
    })
    void malformedLinesNameFileAndLine(String line, String message) throws IOException {
        Path f = write(line);
        IOException e = assertThrows(IOException.class, () -> PredictionsFile.read(f, dataset(), "test", true));
        assertTrue(e.getMessage().startsWith(f + message), e.getMessage());
    }

    @Test
    void negativeProbabilitiesAreReported() throws IOException {
        String[] lines = full();
        lines[5] = "{\"id\":\"d/e5\",\"probs\":{\"hopeful\":1.5,\"neutral\":-0.5}}";
        Path f = write(lines);
        IOException e = assertThrows(IOException.class, () -> PredictionsFile.read(f, dataset(), "test", false));
        assertTrue(e.getMessage().contains("1 negative or non-finite probability (d/e5)"), e.getMessage());
    }
}
