package org.stancebench.spark;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import org.stancebench.experiments.EngineProvider;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.scoring.ScoringOptions;
import org.stancebench.experiments.scoring.ScoringSummary;

/** The {@code spark} engine, found through {@link java.util.ServiceLoader} when this module is on the class path. */
public final class SparkEngine implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Executor open(String master, Map<String, String> conf) {
        return new SparkExecutor(master, conf);
    }

    @Override
    public ScoringSummary score(ScoringOptions options, String master, Map<String, String> conf,
                                Consumer<String> progress) throws IOException {
        try (SparkExecutor executor = new SparkExecutor(master, conf)) {
            return SparkScoring.run(executor.session(), options, progress);
        }
    }
}
