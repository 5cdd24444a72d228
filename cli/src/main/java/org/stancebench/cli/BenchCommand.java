package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.stancebench.bench.BenchFailedException;
import org.stancebench.bench.BenchOptions;
import org.stancebench.bench.BenchResult;
import org.stancebench.bench.BenchRunner;
import org.stancebench.bench.BenchSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stancebench bench}: trains every registered classifier once, runs the JMH inference
 * benchmarks in forked JVMs and the peer tools, and writes {@code jmh.json} and
 * {@code bench-summary.json} (format: {@code docs/bench-summary.md}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {
            "Run the JMH inference benchmarks of every registered classifier and the peer tools.",
            "Writes DIR/jmh.json (JMH's JSON), DIR/bench-summary.json (docs/bench-summary.md), DIR/jmh.log "
                    + "and DIR/work/ (texts, saved models). --quick finishes in a few minutes on 2 cores.",
            "JMH settings are each benchmark's own annotations (--quick narrows them); the encoder and its peer "
                    + "run fork by fork in alternating rounds.",
            "Exits 1 when a requested benchmark produced no result (what did run is still written), naming them and "
                    + "the first cause from JMH's output."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short run: 1 fork, fewer iterations and parameter combinations "
            + "(listed in the summary's settings.omitted).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory.")
    Path out = Path.of("stancebench-out", "bench");

    @Option(names = "--corpora", paramLabel = "DIR",
            description = "Public corpora directory (e.g. ../shared/corpora): benchmark on TweetEval irony's "
                    + "test texts instead of the seed texts.")
    Path corpora;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Only classifiers whose registered name matches REGEX (found anywhere in the name).")
    String include;

    @Option(names = "--train-on", paramLabel = "DATA",
            description = "Training data of the measured models: seed (the seed dataset's train split) or "
                    + "irony (TweetEval irony's train split; needs --corpora).")
    String trainOn = "seed";

    @Option(names = "--seed", description = "Training seed.")
    long seed = 42;

    @Option(names = "--no-peers", description = "Skip the peers outside the JVM (bench/scripts/peers.sh).")
    boolean noPeers;

    @picocli.CommandLine.Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        boolean json = format.resolve(java.util.List.of("text", "json")).equals("json");
        if (corpora != null && !Files.isDirectory(corpora)) {
            throw new IllegalArgumentException(corpora + ": --corpora is not a directory");
        }
        Pattern pattern = null;
        if (include != null) {
            try {
                pattern = Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--include: not a regular expression: " + e.getDescription());
            }
        }
        BenchOptions options = BenchOptions.defaults(quick, out)
                .withCorpora(corpora)
                .withInclude(pattern)
                .withTrainOn(trainOn.toLowerCase(Locale.ROOT))
                .withSeed(seed)
                .withPeersScript(noPeers ? null : BenchOptions.defaultPeersScript())
                .withProgress(message -> {
                    err.println(message);
                    err.flush();
                });
        BenchSummary summary;
        BenchFailedException failed = null;
        try {
            summary = BenchRunner.run(options);
        } catch (BenchFailedException e) {
            // What did run is printed and written; the run still fails, in one line.
            summary = e.summary();
            failed = e;
        }
        if (json) {
            // The summary file's document on stdout; the table and file names for people on stderr.
            outWriter.print(Files.readString(out.resolve("bench-summary.json")));
            outWriter.flush();
            outWriter = err;
        }
        print(summary, outWriter);
        outWriter.println("Wrote " + out.resolve("bench-summary.json") + " and " + out.resolve("jmh.json")
                + " in " + summary.wallSeconds() + " s");
        outWriter.flush();
        if (failed != null) {
            throw failed;
        }
        return 0;
    }

    /** A compact table of the headline rows. */
    static void print(BenchSummary summary, PrintWriter out) {
        out.printf(Locale.ROOT, "%-32s %-26s %6s %4s %14s %12s%n", "classifier", "benchmark", "batch", "thr",
                "score", "unit");
        for (var list : java.util.List.of(summary.results(), summary.peers())) {
            for (BenchResult r : list) {
                String bench = r.benchmark() + (r.textLength() == null ? "" : "@" + r.textLength());
                String score = String.format(Locale.ROOT, "%.1f ± %.1f", r.score(), r.error());
                out.printf(Locale.ROOT, "%-32s %-26s %6d %4d %14s %12s%s%n", r.classifier(), bench, r.batchSize(),
                        r.threads(), score, r.unit(),
                        r.p50() == null ? "" : String.format(Locale.ROOT, "  p50 %.1f p99 %.1f", r.p50(), r.p99()));
            }
        }
        for (String note : summary.notes()) {
            out.println("note: " + note);
        }
    }
}
