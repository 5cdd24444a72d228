package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;

/** Runs the documented example of examples/predictions/README.md, with its paths moved under a temp dir. */
class ExamplePredictionsTest {
    static final Path EXAMPLE = Path.of("").toAbsolutePath().getParent()
            .resolve("examples/predictions/keyword-rules.jsonl");

    @TempDir
    Path dir;

    @Test
    void theDocumentedPredictionsExampleScores() throws IOException {
        assertTrue(Files.isRegularFile(EXAMPLE), EXAMPLE + " is part of the repository");
        Path seed = dir.resolve("out/seed");
        Path results = dir.resolve("out/evaluate/keyword-rules.json");
        CliRun build = CliRun.run("dataset", "build", "--out", seed.toString());
        assertEquals(0, build.exitCode(), build.err());

        CliRun r = CliRun.run("evaluate", "--predictions", EXAMPLE.toString(), "--data", seed.toString(),
                "--out", results.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("keyword-rules@test on seed (split test, 8 examples)"), r.out());
        assertTrue(r.out().contains("results: " + results), r.out());
        RunResult run = ResultsIo.read(results).run("keyword-rules@test");
        // Hand count from keyword-rules.jsonl: the most probable label (ties to the earlier label in the
        // dataset's order) matches the gold label for h01, s17, c07 and c08 only.
        assertEquals(4.0 / 8, run.metric("accuracy").value(), 1e-9);
        assertTrue(run.metrics().containsKey("log-loss"), "probabilities given: probability metrics too");
    }
}
