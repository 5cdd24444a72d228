package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stancebench.experiments.Engines;
import org.stancebench.experiments.scoring.ScoringOptions;
import org.stancebench.experiments.scoring.ScoringSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancebench score}: a saved model over a large file of texts, on the local engine or Spark. */
@Command(name = "score", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Score many texts with a saved model: one prediction line per input row, in input order.",
            "Input: JSON lines {\"id\": ..., \"text\": ...} (or, with --engine spark, Parquet with id and text columns).",
            "Output: JSON lines {\"id\", \"label\", \"probs\": {LABEL: p}}, which 'evaluate --predictions' reads; written "
                    + "to a temporary file and moved into place, so a failed run leaves none. Every engine writes the "
                    + "same bytes."})
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL_DIR", required = true,
            description = "A saved model directory (from 'train').")
    Path model;

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "The rows to score.")
    Path input;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where the predictions go.")
    Path out;

    @Option(names = "--on-bad-row", paramLabel = "fail|skip", defaultValue = "fail",
            description = "A row without an id or text, or with the wrong types: fail (stop, naming it) or skip "
                    + "(name the first " + ScoringOptions.BAD_ROWS_NAMED + ", count them all, score the rest).")
    String onBadRow;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + ScoringOptions.DEFAULT_BATCH,
            description = "Texts per prediction call.")
    int batch;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws Exception {
        if (!onBadRow.equals("fail") && !onBadRow.equals("skip")) {
            throw new IllegalArgumentException("--on-bad-row must be fail or skip, got '" + onBadRow + "'");
        }
        OutputPaths.refuseSourceTree(out);
        Engines.Spec where = engine.spec();
        PrintWriter err = spec.commandLine().getErr();
        ScoringSummary s = Engines.score(where, new ScoringOptions(model, input, out, onBadRow.equals("skip"), batch),
                m -> {
                    err.println(m);
                    err.flush();
                });
        for (String bad : s.badRows()) {
            err.println("stancebench: skipped " + bad);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "scored %,d rows in %.1f s (%,.0f rows/s) on %s%s; predictions: %s%n", s.scored(),
                s.seconds(), s.rowsPerSecond(), s.where(), s.bad() == 0 ? "" : String.format(Locale.ROOT,
                        ", %,d bad rows skipped",
                        s.bad()), out);
        stdout.flush();
        return 0;
    }
}
