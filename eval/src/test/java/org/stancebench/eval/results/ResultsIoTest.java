package org.stancebench.eval.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsIoTest {

    static Results sample() {
        List<String> labels = List.of("hopeful", "skeptical");
        MetricValue acc = MetricValue.of(0.75, 0.5, 1.0).withSpread(0.7, 0.1);
        ObjectNode provenance = JsonNodeFactory.instance.objectNode().put("seed", 13).put("classifier", "nb");
        RunResult split = new RunResult("nb@test", "nb", Protocol.split("test"), List.of(13L),
                Map.of("alpha", "1.0"), new BootstrapInfo(1000, 7, false, 0.95), provenance,
                Map.of("accuracy", acc, "macro-f1", MetricValue.of(0.7333333333333333, 0.4, 1.0)),
                Map.of("hopeful", new ClassMetrics(acc, acc, acc, 2)),
                Confusion.of(labels, new long[][] {{2, 0}, {1, 1}}),
                new Calibration(List.of(new CalibrationBin(0, 0.5, 0, 0, 0),
                        new CalibrationBin(0.5, 1, 4, 0.8, 0.75)), 0.05),
                new OfficialMetric("macro-f1", 0.7333333333333333, 0.4, 1.0), null,
                List.of(new PredictionRecord("seed/c01", "hopeful", "hopeful", List.of(0.9, 0.1), null, 13L)));
        RunResult cv = new RunResult("nb@cv", "nb", Protocol.cv(5, 3), List.of(13L, 14L), Map.of(),
                new BootstrapInfo(1000, 7, false, 0.95), null, Map.of("accuracy", acc), Map.of(),
                Confusion.of(labels, new long[][] {{2, 0}, {1, 1}}), null, null,
                List.of(new FoldScore(0, 0, 13, 8, 2, Map.of("accuracy", 0.5))),
                List.of(new PredictionRecord("seed/c01", "hopeful", "skeptical", null, 0, 13L)));
        Map<String, Map<String, Integer>> counts = Map.of("test", Map.of("hopeful", 2, "skeptical", 2));
        return Results.of("stancebench test", new DatasetInfo("seed", "abc123", labels, counts),
                new EnvironmentInfo("17", "Linux", "amd64", 2, null), List.of(split, cv),
                List.of(new Comparison("nb@test", "nb@cv", "accuracy", Comparison.MCNEMAR, 0.1, 3.0, 0.25,
                        0.5, false, 0.05)), null);
    }

    @Test
    void writeReadWriteGivesIdenticalBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/results.json");
        ResultsIo.write(sample(), file);
        Results back = ResultsIo.read(file);
        // 15 significant digits: values come back within 1e-15 relative, then print identically.
        assertEquals(0.7333333333333333, back.run("nb@test").metric("macro-f1").value(), 1e-15);
        assertEquals(sample().runs().get(1), back.runs().get(1));
        assertEquals(sample().comparisons(), back.comparisons());
        Path again = dir.resolve("again.json");
        ResultsIo.write(back, again);
        assertEquals(Files.readString(file), Files.readString(again));
        try (var s = Files.list(dir.resolve("out"))) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void topLevelKeysComeInDocumentedOrderAndBenchmarksIsExplicitNull() {
        String json = ResultsIo.toJson(sample());
        List<String> keys = new ArrayList<>();
        for (String k : List.of("\"schema\"", "\"schemaVersion\"", "\"createdBy\"", "\"dataset\"",
                "\"environment\"", "\"runs\"", "\"comparisons\"", "\"benchmarks\"")) {
            keys.add(k);
            assertTrue(json.contains(k), k);
        }
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(json.indexOf(keys.get(i - 1)) < json.indexOf(keys.get(i)), keys.get(i));
        }
        assertTrue(json.contains("\"benchmarks\": null"));
        assertTrue(json.contains("\"schemaVersion\": 1,"));
    }

    @Test
    void rejectsUnknownSchemaVersionWithClearMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, ResultsIo.toJson(sample()).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        IOException e = assertThrows(IOException.class, () -> ResultsIo.read(file));
        assertTrue(e.getMessage().startsWith(file + ": schemaVersion 2 is not supported"), e.getMessage());
    }

    @Test
    void rejectsOtherJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, "{\"hello\": 1}");
        IOException e = assertThrows(IOException.class, () -> ResultsIo.read(file));
        assertTrue(e.getMessage().contains("not a StanceBench results file"), e.getMessage());
        Files.writeString(file, "{\"schema\":");
        e = assertThrows(IOException.class, () -> ResultsIo.read(file));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void inconsistentContentNamesTheProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, ResultsIo.toJson(sample()).replace("\"kind\": \"cv\"", "\"kind\": \"xx\""));
        IOException e = assertThrows(IOException.class, () -> ResultsIo.read(file));
        assertTrue(e.getMessage().contains("protocol kind must be 'split' or 'cv'"), e.getMessage());
    }

    @Test
    void missingFieldIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, ResultsIo.toJson(sample()).replace("\"createdBy\":", "\"writtenBy\":"));
        IOException e = assertThrows(IOException.class, () -> ResultsIo.read(file));
        assertTrue(e.getMessage().startsWith(file + ": invalid results file: missing field createdBy"), e.getMessage());
    }
}
