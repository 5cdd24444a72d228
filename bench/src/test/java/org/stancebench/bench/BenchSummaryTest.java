package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.io.Schemas;

class BenchSummaryTest {

    static final Hardware HW = new Hardware("AMD EPYC 9R14", 2, 24L << 30, "Linux 6.1 amd64", "Debian 17.0.15", List.of("avx2", "fma"));

    static BenchSummary sample() {
        BenchSettings settings = new BenchSettings(1, 1, 1000, 3, 1000, List.of(1, 32), List.of(1, 2),
                List.of(), List.of("majority", "tfidf-logreg"), List.of("no text-length scaling"),
                List.of(new JmhGroup("InferenceBench", List.of("batch1T", "single1T"), "thrpt", 1, 1, 500L, 3, 500L, false),
                        new JmhGroup("FileBench", List.of("loadAndPredictFile"), "ss", 1, 1, null, 3, null, false)));
        List<BenchResult> results = List.of(
                new BenchResult("tfidf-logreg", "throughput", 32, 2, null, 12345.5, 321.25, "texts/s",
                        null, null, 2048.0, 1_000_000L),
                new BenchResult("tfidf-logreg", "latency", 1, 1, null, 80.5, 3.5, "us", 75.0, 210.0, null, null),
                new BenchResult("majority", "scaling", 1, 1, 512, 1e6, 0.0, "texts/s", null, null, null, null));
        return new BenchSummary(1, HW, HW.fingerprint(), "quick", "2026-11-25T19:00:00Z", 123.4, settings,
                new TextSample("tweeteval/irony/test", 784, 14.7), results,
                List.of(new ModelFootprint("tfidf-logreg", 1.5, 2_000_000, 1_000_000, 3_000_000L)),
                List.of(BenchResult.of("sklearn:tfidf-logreg", "throughput", 1, 1, 859, 12, "texts/s")),
                List.of("fastText command line missing: skipped"), "stancebench 0.1.0-SNAPSHOT+c328eaf6ce55");
    }

    @Test
    void writeThenReadGivesAnEqualSummary(@TempDir Path dir) throws IOException {
        BenchSummary summary = sample();
        Path file = dir.resolve("bench-summary.json");
        summary.write(file);
        assertEquals(summary, BenchSummary.read(file));
        assertEquals(List.of(file), Files.list(dir).toList(), "no temporary file is left behind");
    }

    @Test
    void theSummaryValidatesAgainstItsSchema() throws IOException {
        String json = sample().toJson();
        assertTrue(json.startsWith("{\n  \"$schema\": \"" + Schemas.BENCH_SUMMARY + "\",\n"), json);
        com.networknt.schema.Schema schema;
        try (java.io.InputStream in = Schemas.class.getResourceAsStream(Schemas.resource(Schemas.BENCH_SUMMARY))) {
            schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                    com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    com.networknt.schema.InputFormat.JSON);
        }
        assertEquals(List.of(), schema.validate(json, com.networknt.schema.InputFormat.JSON));
        assertFalse(schema.validate(json.replace("\"mode\": \"quick\"", "\"mode\": \"slow\""),
                com.networknt.schema.InputFormat.JSON).isEmpty(), "the schema can fail");
    }

    @Test
    void theActionExportPutsThroughputInBiggerIsBetterAndTimesInSmaller(@TempDir Path dir) throws IOException {
        ActionBenchmarkExport.write(sample(), dir);
        var bigger = org.stancebench.io.Json.MAPPER.readTree(Files.readString(dir.resolve(ActionBenchmarkExport.BIGGER)));
        var smaller = org.stancebench.io.Json.MAPPER.readTree(Files.readString(dir.resolve(ActionBenchmarkExport.SMALLER)));
        long rows = sample().results().size() + sample().peers().size();
        assertEquals(rows, bigger.size() + smaller.size());
        for (var e : bigger) {
            assertTrue(e.get("unit").asText().endsWith("/s"), e.toString());
            assertTrue(e.get("value").isNumber() && e.get("range").asText().startsWith("± "), e.toString());
            assertTrue(e.get("extra").asText().contains("CPU flags: "), e.toString());
        }
        for (var e : smaller) {
            assertFalse(e.get("unit").asText().endsWith("/s"), e.toString());
        }
        assertTrue(smaller.toString().contains("tfidf-logreg latency batch 1 threads 1"), smaller.toString());
    }

    @Test
    void absentOptionalFieldsAreLeftOut() {
        String json = sample().toJson();
        assertTrue(json.contains("\"textLength\": 512"));
        assertFalse(json.contains("\"textLength\": null"));
        assertFalse(json.contains("null"), json);
    }

    @Test
    void editedHardwareIsRefusedWithTheFileName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bench-summary.json");
        sample().write(file);
        Files.writeString(file, Files.readString(file).replace("AMD EPYC 9R14", "Intel Xeon"));
        IOException e = assertThrows(IOException.class, () -> BenchSummary.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("hardwareFingerprint"), e.getMessage());
    }

    @Test
    void otherSchemaVersionsAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bench-summary.json");
        sample().write(file);
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        IOException e = assertThrows(IOException.class, () -> BenchSummary.read(file));
        assertTrue(e.getMessage().contains("schemaVersion is 2"), e.getMessage());
    }

    @Test
    void negativeOrNonFiniteScoresAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> BenchResult.of("x", "throughput", 1, 1, Double.NaN, 0, "texts/s"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchResult.of("x", "throughput", 1, 1, 1, -1, "texts/s"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchResult.of("x", "throughput", 0, 1, 1, 0, "texts/s"));
    }
}
