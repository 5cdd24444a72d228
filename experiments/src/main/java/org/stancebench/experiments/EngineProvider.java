package org.stancebench.experiments;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import org.stancebench.experiments.scoring.ScoringOptions;
import org.stancebench.experiments.scoring.ScoringSummary;

/**
 * An engine that runs work elsewhere than this JVM's threads, found through
 * {@link java.util.ServiceLoader} when its module is on the class path (the optional {@code spark}
 * module provides {@code spark}).
 */
public interface EngineProvider {

    /** The engine's name, as {@code --engine} takes it. */
    String name();

    /**
     * An executor on {@code master} (for Spark: {@code local[*]}, {@code local[2]},
     * {@code spark://HOST:PORT}) with extra engine settings {@code conf}; the caller closes it.
     */
    Executor open(String master, Map<String, String> conf);

    /** Batch scoring on this engine; the same output, row for row, as the local engine's. */
    ScoringSummary score(ScoringOptions options, String master, Map<String, String> conf, Consumer<String> progress)
            throws IOException;
}
