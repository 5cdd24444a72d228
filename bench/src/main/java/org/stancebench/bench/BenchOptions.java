package org.stancebench.bench;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What {@link BenchRunner#run(BenchOptions)} measures and where it writes.
 *
 * <p>Immutable. {@code out} receives {@code jmh.json}, {@code bench-summary.json}, {@code jmh.log}
 * and a {@code work/} directory (texts, training file, saved models). {@code corpora} is the public
 * corpora directory or null; when given, the benchmark texts are TweetEval irony's test texts
 * instead of the seed texts. {@code include} selects classifiers (and the stage and peer benchmarks
 * that belong to them) by registered name; null selects all. {@code trainOn} is {@code seed} (the
 * seed dataset's train split) or {@code irony} (TweetEval irony's train split, which needs
 * {@code corpora}; fairer against peers trained on the same data). {@code peersScript} is the peer
 * script to run, or null to skip peers outside the JVM.
 */
public record BenchOptions(boolean quick, Path out, Path corpora, Pattern include, String trainOn, long seed,
                           Path peersScript, Consumer<String> progress) {
    public BenchOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        if (!"seed".equals(trainOn) && !"irony".equals(trainOn)) {
            throw new IllegalArgumentException("trainOn must be seed or irony, got " + trainOn);
        }
        if ("irony".equals(trainOn) && corpora == null) {
            throw new IllegalArgumentException("training on irony needs the corpora directory");
        }
    }

    /** Quick or full defaults: seed training data, seed 42, all classifiers, no peer script. */
    public static BenchOptions defaults(boolean quick, Path out) {
        return new BenchOptions(quick, out, null, null, "seed", 42, null, message -> { });
    }

    /**
     * The peer script of the source tree this JVM runs from: {@code bench/scripts/peers.sh} under
     * the system property {@code stancebench.home} (set by the {@code ./stancebench} launcher) or
     * else the working directory; null when it is not there.
     */
    public static Path defaultPeersScript() {
        String home = System.getProperty("stancebench.home");
        Path base = home != null ? Path.of(home) : Path.of("");
        Path script = base.resolve("bench").resolve("scripts").resolve("peers.sh").toAbsolutePath();
        return java.nio.file.Files.isRegularFile(script) ? script : null;
    }

    /** Whether {@code classifier} is selected by {@link #include()}. */
    public boolean includes(String classifier) {
        return include == null || include.matcher(classifier).find();
    }

    public BenchOptions withCorpora(Path dir) {
        return new BenchOptions(quick, out, dir, include, trainOn, seed, peersScript, progress);
    }

    public BenchOptions withInclude(Pattern regex) {
        return new BenchOptions(quick, out, corpora, regex, trainOn, seed, peersScript, progress);
    }

    public BenchOptions withTrainOn(String data) {
        return new BenchOptions(quick, out, corpora, include, data, seed, peersScript, progress);
    }

    public BenchOptions withPeersScript(Path script) {
        return new BenchOptions(quick, out, corpora, include, trainOn, seed, script, progress);
    }

    public BenchOptions withSeed(long trainingSeed) {
        return new BenchOptions(quick, out, corpora, include, trainOn, trainingSeed, peersScript, progress);
    }

    public BenchOptions withProgress(Consumer<String> sink) {
        return new BenchOptions(quick, out, corpora, include, trainOn, seed, peersScript, sink);
    }
}
