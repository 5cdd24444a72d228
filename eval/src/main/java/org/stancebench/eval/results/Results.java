package org.stancebench.eval.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A StanceBench results file: the top-level record of {@code results.json}, schema
 * {@value #SCHEMA} version {@value #SCHEMA_VERSION}, documented in {@code docs/results-schema.md}.
 *
 * <p>Immutable. Run names are unique; every comparison names two runs of this file; every run's
 * labels are the dataset's labels. {@code benchmarks} is an opaque JSON object owned by the bench
 * module, or null.
 *
 * @param schema always {@value #SCHEMA}
 * @param schemaVersion always {@value #SCHEMA_VERSION} for files this build writes
 * @param createdBy the tool and version that wrote the file, for example {@code stancebench 0.1.0}
 * @param dataset what was evaluated on
 * @param environment where it ran
 * @param runs one entry per evaluated classifier and protocol
 * @param comparisons pairwise significance tests between runs (may be empty)
 * @param benchmarks the benchmark summary, or null when no benchmarks were run
 */
@JsonPropertyOrder({"schema", "schemaVersion", "createdBy", "dataset", "environment", "runs",
    "comparisons", "benchmarks"})
public record Results(String schema, int schemaVersion, String createdBy, DatasetInfo dataset,
                      EnvironmentInfo environment, List<RunResult> runs, List<Comparison> comparisons,
                      @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode benchmarks) {

    /** The value of the {@code schema} field. */
    public static final String SCHEMA = "stancebench-results";
    /** The only schema version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public Results {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be '" + SCHEMA + "', not '" + schema + "'");
        }
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + schemaVersion
                    + " is not supported (this build reads version " + SCHEMA_VERSION + ")");
        }
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(environment, "environment");
        runs = List.copyOf(runs == null ? List.of() : runs);
        comparisons = List.copyOf(comparisons == null ? List.of() : comparisons);
        if (benchmarks != null && benchmarks.isNull()) {
            benchmarks = null;
        }
        if (benchmarks != null && !benchmarks.isObject()) {
            throw new IllegalArgumentException("benchmarks must be a JSON object or null");
        }
        Set<String> names = new HashSet<>();
        for (RunResult run : runs) {
            if (!names.add(run.name())) {
                throw new IllegalArgumentException("two runs are named '" + run.name() + "'");
            }
            if (!run.confusion().labels().equals(dataset.labels())) {
                throw new IllegalArgumentException("run '" + run.name() + "' has labels "
                        + run.confusion().labels() + ", the dataset has " + dataset.labels());
            }
        }
        for (Comparison c : comparisons) {
            if (!names.contains(c.a()) || !names.contains(c.b())) {
                throw new IllegalArgumentException("comparison " + c.a() + " vs " + c.b()
                        + " names a run that is not in this file");
            }
        }
    }

    /** A results file of the current schema version. */
    public static Results of(String createdBy, DatasetInfo dataset, EnvironmentInfo environment,
                             List<RunResult> runs, List<Comparison> comparisons, JsonNode benchmarks) {
        return new Results(SCHEMA, SCHEMA_VERSION, createdBy, dataset, environment, runs, comparisons,
                benchmarks);
    }

    /** The run named {@code name}. */
    public RunResult run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run named '" + name + "'"));
    }

    /** A copy with other comparisons. */
    public Results withComparisons(List<Comparison> newComparisons) {
        return new Results(schema, schemaVersion, createdBy, dataset, environment, runs, newComparisons,
                benchmarks);
    }

    /** A copy with a benchmark summary (or null). */
    public Results withBenchmarks(JsonNode newBenchmarks) {
        return new Results(schema, schemaVersion, createdBy, dataset, environment, runs, comparisons,
                newBenchmarks);
    }
}
