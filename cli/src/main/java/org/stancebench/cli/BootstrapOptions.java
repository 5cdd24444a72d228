package org.stancebench.cli;

import java.util.function.Consumer;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.experiments.protocol.EvalOptions;
import picocli.CommandLine.Option;

/** How intervals are computed and which metric is official: the evaluation options of {@code evaluate}. */
final class BootstrapOptions {

    @Option(names = "--official", paramLabel = "METRIC",
            description = "Official metric: tweeteval-stance, f1-irony, f1:LABEL, macro-f1 or any other metric name "
                    + "(default: from the dataset).")
    String official;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples.")
    int resamples;

    @Option(names = "--bootstrap-seed", paramLabel = "SEED", defaultValue = "20260101", description = "Bootstrap seed.")
    long seed;

    @Option(names = "--stratified", description = "Resample within each gold class (keeps class sizes fixed).")
    boolean stratified;

    /** The protocol options these select, with progress going to {@code progress}. */
    EvalOptions options(Consumer<String> progress) {
        return new EvalOptions(new BootstrapInfo(resamples, seed, stratified, 0.95), official, progress);
    }
}
