package org.stancebench.experiments.protocol;

import java.util.Objects;
import java.util.function.Consumer;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.stats.Bootstrap;

/**
 * Options shared by the evaluation protocols: bootstrap settings, the official metric's name (null:
 * recognised from the dataset, see {@link org.stancebench.eval.metrics.OfficialMetrics#defaultFor})
 * and where progress messages go.
 */
public record EvalOptions(BootstrapInfo bootstrap, String officialMetric, Consumer<String> progress) {
    public EvalOptions {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(progress, "progress");
    }

    /** Default bootstrap, official metric from the dataset, progress discarded. */
    public static EvalOptions defaults() {
        return new EvalOptions(Bootstrap.defaults(), null, m -> { });
    }

    /** A copy reporting progress to {@code sink}. */
    public EvalOptions withProgress(Consumer<String> sink) {
        return new EvalOptions(bootstrap, officialMetric, sink);
    }

    /** A copy with other bootstrap settings. */
    public EvalOptions withBootstrap(BootstrapInfo newBootstrap) {
        return new EvalOptions(newBootstrap, officialMetric, progress);
    }

    /** A copy with an explicit official metric (null: from the dataset). */
    public EvalOptions withOfficialMetric(String name) {
        return new EvalOptions(bootstrap, name, progress);
    }
}
