package org.stancebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The parts of a benchmark summary ({@code docs/bench-summary.md}, embedded in a results file's
 * {@code benchmarks} field) that the reports and the regression gate use: the hardware fingerprint
 * and description, the run mode and the measured rows of our classifiers.
 *
 * <p>Read from JSON rather than from the bench module's classes so that reports do not depend on
 * the benchmark machinery (JMH, DJL). Rows missing a required field are refused with a message
 * naming the row.
 */
record BenchFigures(String hardwareFingerprint, String hardware, String mode, List<Row> rows, List<String> notes) {

    /** One measured figure; {@code textLength} null for real texts, percentiles null unless latency. */
    record Row(String classifier, String benchmark, int batchSize, int threads, Integer textLength, double score,
               double error, String unit, Double p50, Double p99) {
        Row {
            Objects.requireNonNull(classifier, "classifier");
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(unit, "unit");
        }

        /** Whether a larger score is better (throughputs) rather than worse (times). */
        boolean higherIsBetter() {
            return unit.endsWith("/s");
        }

        /** What identifies the same measurement in another run. */
        String key() {
            return classifier + " " + benchmark + " batch " + batchSize + " threads " + threads
                    + (textLength == null ? "" : " length " + textLength);
        }
    }

    BenchFigures {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** Parses the benchmark summary, or returns null when {@code node} is null. */
    static BenchFigures of(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        JsonNode results = node.path("results");
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            for (String field : List.of("classifier", "benchmark", "batchSize", "threads", "score", "error", "unit")) {
                if (!r.hasNonNull(field)) {
                    throw new IllegalArgumentException("benchmarks.results[" + i + "]: field '" + field
                            + "' is missing");
                }
            }
            rows.add(new Row(r.get("classifier").asText(), r.get("benchmark").asText(), r.get("batchSize").asInt(),
                    r.get("threads").asInt(), r.hasNonNull("textLength") ? r.get("textLength").asInt() : null,
                    r.get("score").asDouble(), r.get("error").asDouble(), r.get("unit").asText(),
                    r.hasNonNull("p50") ? r.get("p50").asDouble() : null,
                    r.hasNonNull("p99") ? r.get("p99").asDouble() : null));
        }
        JsonNode hw = node.path("hardware");
        String hardware = hw.isObject()
                ? hw.path("cpuModel").asText("?") + ", " + hw.path("cores").asInt() + " cores, "
                        + (hw.path("memory").asLong() / (1L << 20)) + " MiB, " + hw.path("os").asText("?") + ", "
                        + hw.path("java").asText("?") + flags(hw.path("cpuFlags"))
                : "unknown";
        List<String> notes = new ArrayList<>();
        node.path("notes").forEach(n -> notes.add(n.asText()));
        return new BenchFigures(node.path("hardwareFingerprint").asText(""), hardware, node.path("mode").asText("?"),
                rows, notes);
    }

    /** "; CPU flags: avx2 avx512f ..." when the summary records them (every speed figure names them). */
    private static String flags(JsonNode cpuFlags) {
        List<String> flags = new ArrayList<>();
        cpuFlags.forEach(f -> flags.add(f.asText()));
        return flags.isEmpty() ? "" : "; CPU flags: " + String.join(" ", flags);
    }

    /** End-to-end throughput rows on real texts at {@code threads} threads for one classifier, by batch size. */
    List<Row> throughput(String classifier, int threads) {
        return rows.stream()
                .filter(r -> r.classifier().equals(classifier) && r.benchmark().equals("throughput")
                        && r.threads() == threads && r.textLength() == null)
                .sorted(Comparator.comparingInt(Row::batchSize))
                .toList();
    }

    /** The end-to-end throughput row on real texts at {@code batch} texts per call and one thread, or null. */
    Row throughputAt(String classifier, int batch) {
        return throughput(classifier, 1).stream().filter(r -> r.batchSize() == batch && r.unit().equals("texts/s"))
                .findFirst().orElse(null);
    }

    /** The batch-1 latency row of one classifier, or null. */
    Row latency(String classifier) {
        return rows.stream()
                .filter(r -> r.classifier().equals(classifier) && r.benchmark().equals("latency"))
                .findFirst().orElse(null);
    }

    /** Classifiers that have at least one row, sorted by name. */
    List<String> classifiers() {
        return List.copyOf(new TreeSet<>(rows.stream().map(Row::classifier).toList()));
    }
}
