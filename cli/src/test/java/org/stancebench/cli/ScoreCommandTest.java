package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;

class ScoreCommandTest {

    @TempDir
    static Path dir;
    static Path seed;
    static Path model;

    @BeforeAll
    static void trainAModel() {
        seed = dir.resolve("seed");
        assertEquals(0, CliRun.run("dataset", "build", "--out", seed.toString()).exitCode());
        model = dir.resolve("model");
        CliRun train = CliRun.run("train", "--model", "naive-bayes", "--data", seed.toString(), "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
    }

    @Test
    void scoresInInputOrderAndEvaluateReadsTheOutput() throws IOException {
        // The seed test split as scoring input: its scores then equal the model's own test evaluation.
        List<String> lines = Files.readAllLines(seed.resolve("examples.jsonl")).stream()
                .filter(l -> l.contains("\"split\":\"test\"")).toList();
        assertEquals(8, lines.size(), "the seed test split");
        Path in = Files.write(dir.resolve("test.jsonl"), lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("scored.jsonl");
        CliRun r = CliRun.run("score", "--model", model.toString(), "--input", in.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("scored 8 rows in "), r.out());
        List<String> scored = Files.readAllLines(out);
        assertEquals(8, scored.size());
        for (int i = 0; i < 8; i++) {
            String id = org.stancebench.io.Json.MAPPER.readTree(lines.get(i)).get("id").asText();
            assertTrue(scored.get(i).startsWith("{\"id\":\"" + id + "\",\"label\":"), scored.get(i));
        }
        Path results = dir.resolve("scored-eval.json");
        CliRun eval = CliRun.run("evaluate", "--predictions", out.toString(), "--data", seed.toString(), "--out", results.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        Path direct = dir.resolve("direct-eval.json");
        assertEquals(0, CliRun.run("evaluate", "--model", model.toString(), "--data", seed.toString(), "--out",
                direct.toString()).exitCode());
        RunResult viaScore = ResultsIo.read(results).runs().get(0);
        RunResult viaModel = ResultsIo.read(direct).runs().get(0);
        assertEquals(viaModel.metrics(), viaScore.metrics());
    }

    @Test
    void aBadRowIsNamedAndNothingIsWritten() throws IOException {
        Path in = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\"}\n");
        Path out = dir.resolve("bad-out.jsonl");
        CliRun r = CliRun.run("score", "--model", model.toString(), "--input", in.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertEquals("stancebench: " + in + ":2: field 'text' is missing (--on-bad-row skip scores the other rows)",
                r.err().strip());
        assertFalse(Files.exists(out));
        CliRun skip = CliRun.run("score", "--model", model.toString(), "--input", in.toString(), "--out", out.toString(),
                "--on-bad-row", "skip");
        assertEquals(0, skip.exitCode(), skip.err());
        assertTrue(skip.err().contains("stancebench: skipped " + in + ":2: field 'text' is missing"), skip.err());
        assertTrue(skip.out().contains("1 bad rows skipped"), skip.out());
        assertEquals(1, Files.readAllLines(out).size());
    }

    @Test
    void theSparkEngineNeedsItsModule() {
        CliRun r = CliRun.run("reproduce", "--quick", "--no-bench", "--engine", "spark", "--out", dir.resolve("s").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("stancebench: --engine spark: not available; available: local (the spark engine "
                + "needs the optional spark module"), r.err());
    }
}
