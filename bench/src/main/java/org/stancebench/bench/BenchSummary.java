package org.stancebench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.Json;
import org.stancebench.io.Schemas;

/**
 * The summary of one benchmark run, {@code bench-summary.json}: the hardware it ran on, how it was
 * configured, and one row per measured figure for our classifiers and for peer tools. Its format is
 * documented in {@code docs/bench-summary.md}; the reports and the regression gate read it.
 *
 * <p>Immutable. {@code schemaVersion} is {@value #SCHEMA_VERSION}; {@code hardwareFingerprint} is
 * {@code hardware.fingerprint()} (checked when reading, so an edited hardware block is refused);
 * {@code mode} is {@code quick} or {@code full}. Writing then reading gives an equal summary.
 *
 * @param createdAt when the run ended, ISO-8601 UTC
 * @param wallSeconds wall time of the whole run, training and peers included
 * @param texts the real texts every end-to-end benchmark fed its classifiers
 * @param models per-classifier training time and memory, measured before JMH
 * @param notes free-form remarks on the run (skipped peers, missing corpora), one line each
 * @param createdBy the StanceBench build that ran it, with its build stamp
 *     ({@code stancebench 0.1.0-SNAPSHOT+c328eaf6ce55}); absent in summaries from older builds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchSummary(int schemaVersion, Hardware hardware, String hardwareFingerprint, String mode,
                           String createdAt, double wallSeconds, BenchSettings settings, TextSample texts,
                           List<BenchResult> results, List<ModelFootprint> models, List<BenchResult> peers,
                           List<String> notes, String createdBy) {

    /** The version of the format this class reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public BenchSummary {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion is " + schemaVersion + ", this build reads "
                    + SCHEMA_VERSION);
        }
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(texts, "texts");
        if (!hardware.fingerprint().equals(hardwareFingerprint)) {
            throw new IllegalArgumentException("hardwareFingerprint does not match the hardware fields");
        }
        if (!"quick".equals(mode) && !"full".equals(mode)) {
            throw new IllegalArgumentException("mode must be quick or full, got " + mode);
        }
        results = List.copyOf(results);
        models = List.copyOf(models == null ? List.of() : models);
        peers = List.copyOf(peers == null ? List.of() : peers);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    /** Reads a summary, refusing other schema versions with a message naming the file. */
    public static BenchSummary read(Path file) throws IOException {
        return Json.readAllowingNewFields(file, BenchSummary.class);
    }

    /** Writes the summary to {@code file} through a temporary file moved into place. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** The summary as JSON text, as {@link #write(Path)} writes it. */
    public String toJson() {
        return Schemas.withSchema(Json.pretty(this), Schemas.BENCH_SUMMARY);
    }
}
