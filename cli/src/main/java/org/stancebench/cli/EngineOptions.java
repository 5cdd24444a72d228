package org.stancebench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stancebench.experiments.Engines;
import org.stancebench.experiments.Executor;
import picocli.CommandLine.Option;

/** Where an experiment's independent units (or a scoring job) run: the options every such command shares. */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local",
            description = "local: this JVM (--threads); spark: Apache Spark on --master (needs the optional spark "
                    + "module; the ./stancebench launcher adds it). The results are the same on every engine.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "spark: the master URL: local[*] (Spark embedded in this JVM; the default), local[N], "
                    + "spark://HOST:PORT, or any master Spark accepts; under spark-submit, the one it was given.")
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "spark: a Spark setting (repeatable), for example spark.executor.memory=4g.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "local: units (folds x seeds, grid points) run on N threads side by side; the "
                    + "results are the same for every N.")
    int threads;

    /** The engine these options name. */
    Engines.Spec spec() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (!engine.equals(Engines.LOCAL) && threads != 1) {
            throw new IllegalArgumentException("--threads applies to --engine local; Spark's parallelism comes from "
                    + "--master (local[N]) or the cluster");
        }
        return new Engines.Spec(engine, master, threads, conf);
    }

    /** The executor these options select; close it when done. */
    Executor open() {
        return Engines.open(spec());
    }
}
