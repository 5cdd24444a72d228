package org.stancebench.experiments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.stancebench.experiments.scoring.LocalScoring;
import org.stancebench.experiments.scoring.ScoringOptions;
import org.stancebench.experiments.scoring.ScoringSummary;

/** Opens the engine that runs an experiment's units or a scoring job: local threads, or an engine found on the class path. */
public final class Engines {
    /** The built-in engine. */
    public static final String LOCAL = "local";

    private Engines() {
    }

    /**
     * Where units run.
     *
     * @param engine {@code local} or the name of an {@link EngineProvider} on the class path
     * @param master the engine's master URL (ignored by {@code local})
     * @param threads worker threads of the local engine
     * @param conf extra engine settings
     */
    public record Spec(String engine, String master, int threads, Map<String, String> conf) {
        public Spec {
            Objects.requireNonNull(engine, "engine");
            conf = Map.copyOf(conf);
        }

        /** The local engine on one thread. */
        public static Spec local() {
            return new Spec(LOCAL, null, 1, Map.of());
        }
    }

    /**
     * The executor {@code spec} names; close it when done.
     *
     * @throws IllegalArgumentException when no engine of that name is on the class path, naming the
     *     ones that are
     */
    public static Executor open(Spec spec) {
        if (spec.engine().equals(LOCAL)) {
            return new LocalExecutor(spec.threads());
        }
        return provider(spec.engine()).open(spec.master(), spec.conf());
    }

    /**
     * Scores a batch on the engine {@code spec} names.
     *
     * @throws IOException naming the file (and row) at fault
     */
    public static ScoringSummary score(Spec spec, ScoringOptions options, Consumer<String> progress) throws IOException {
        if (spec.engine().equals(LOCAL)) {
            return LocalScoring.run(options, progress);
        }
        return provider(spec.engine()).score(options, spec.master(), spec.conf(), progress);
    }

    /**
     * Checks that the engine {@code spec} names is available, without starting it.
     *
     * @throws IllegalArgumentException naming the engines that are
     */
    public static void check(Spec spec) {
        if (!spec.engine().equals(LOCAL)) {
            provider(spec.engine());
        }
    }

    private static EngineProvider provider(String engine) {
        List<String> known = new ArrayList<>(List.of(LOCAL));
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(engine)) {
                return p;
            }
            known.add(p.name());
        }
        throw new IllegalArgumentException("--engine " + engine + ": not available; available: "
                + String.join(", ", known) + (engine.equals("spark")
                        ? " (the spark engine needs the optional spark module on the class path: see docs/spark.md)" : ""));
    }
}
