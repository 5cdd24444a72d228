package org.stancebench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.Json;

/**
 * The summary's rows in github-action-benchmark's custom formats: {@code benchmark-action.json}
 * ({@code customBiggerIsBetter}: every throughput, in texts/s) and
 * {@code benchmark-action-smaller.json} ({@code customSmallerIsBetter}: latencies in µs, training
 * times in s). The action's {@code jmh} tool reads every score as smaller-is-better, so throughput
 * fed to it alerts in the wrong direction; these files avoid that. Each entry is
 * {@code {"name", "unit", "value", "range", "extra"}}, named like the regression gate's keys.
 */
public final class ActionBenchmarkExport {
    /** The bigger-is-better file. */
    public static final String BIGGER = "benchmark-action.json";
    /** The smaller-is-better file. */
    public static final String SMALLER = "benchmark-action-smaller.json";

    private ActionBenchmarkExport() {
    }

    /** Writes both files into {@code dir}. */
    public static void write(BenchSummary summary, Path dir) throws IOException {
        List<Map<String, Object>> bigger = new ArrayList<>();
        List<Map<String, Object>> smaller = new ArrayList<>();
        for (List<BenchResult> rows : List.of(summary.results(), summary.peers())) {
            for (BenchResult r : rows) {
                (r.unit().endsWith("/s") ? bigger : smaller).add(entry(r, summary));
            }
        }
        AtomicFiles.writeString(dir.resolve(BIGGER), Json.prettyReporting(bigger));
        AtomicFiles.writeString(dir.resolve(SMALLER), Json.prettyReporting(smaller));
    }

    private static Map<String, Object> entry(BenchResult r, BenchSummary summary) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", r.classifier() + " " + r.benchmark() + " batch " + r.batchSize() + " threads " + r.threads()
                + (r.textLength() == null ? "" : " length " + r.textLength()));
        e.put("unit", r.unit());
        e.put("value", r.score());
        e.put("range", String.format(Locale.ROOT, "± %.4g", r.error()));
        e.put("extra", summary.hardware().cpuModel() + ", " + summary.hardware().cores() + " cores; CPU flags: "
                + String.join(" ", summary.hardware().cpuFlags()) + "; " + summary.mode() + " run");
        return e;
    }
}
