package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;

/** evaluate and predict with the exported-model fixtures of the model module (made by make_fixtures.py). */
class ExportedModelCommandTest {
    static final Path FIXTURES = Path.of("").toAbsolutePath().getParent().resolve("model/src/test/resources/exported");
    static final String TOKENIZER = FIXTURES.resolve("tokenizer.json").toString();

    @TempDir
    static Path dir;
    static Path seed;

    @BeforeAll
    static void buildSeedDataset() {
        seed = dir.resolve("seed");
        CliRun build = CliRun.run("dataset", "build", "--out", seed.toString());
        assertEquals(0, build.exitCode(), build.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny.onnx", "tiny.pt"})
    void evaluatesAnExportedModel(String file) throws IOException {
        Path results = dir.resolve(file + ".json");
        CliRun r = CliRun.run("evaluate", "--model-path", FIXTURES.resolve(file).toString(), "--tokenizer", TOKENIZER,
                "--data", seed.toString(), "--bootstrap", "200", "--out", results.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("tiny@test on seed (split test, 8 examples)"), r.out());
        RunResult run = ResultsIo.read(results).run("tiny@test");
        assertEquals(8, run.predictions().size());
        assertTrue(run.metrics().containsKey("log-loss"), "probabilities, so probability metrics");
        assertEquals(file.endsWith(".onnx") ? "onnx" : "torchscript", run.settings().get("format"));
    }

    @Test
    void standsInTheReproduceReportBesideTheBuiltIns() throws IOException {
        Path out = dir.resolve("reproduce");
        CliRun r = CliRun.run("reproduce", "--quick", "--no-bench", "--only", "majority,naive-bayes",
                "--model-path", FIXTURES.resolve("tiny.onnx").toString(), "--tokenizer", TOKENIZER,
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Results results = ResultsIo.read(out.resolve("results.json"));
        RunResult tiny = results.run("tiny@test");
        assertTrue(tiny.metric("macro-f1").high() > tiny.metric("macro-f1").low(), "with a confidence interval");
        for (String builtIn : List.of("majority@test", "naive-bayes@test")) {
            assertTrue(results.comparisons().stream().anyMatch(c -> List.of(c.a(), c.b()).contains("tiny@test")
                    && List.of(c.a(), c.b()).contains(builtIn)), "paired test against " + builtIn);
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("tiny"), "in the markdown report");
    }

    @Test
    void predictsWithAnExportedModelAsPyTorchDid() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("expected.json").toFile());
        String text = expected.get("cases").get(0).get("text").asText();
        CliRun r = CliRun.runWithStdin((text + "\n").getBytes(StandardCharsets.UTF_8), "predict",
                "--model-path", FIXTURES.resolve("tiny.pt").toString(), "--tokenizer", TOKENIZER);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode line = new ObjectMapper().readTree(r.out());
        List<String> labels = List.of("hopeful", "skeptical", "sarcastic", "neutral");
        for (int k = 0; k < labels.size(); k++) {
            assertEquals(expected.get("cases").get(0).get("probs").get(k).asDouble(),
                    line.get("probs").get(labels.get(k)).asDouble(), 1e-5, labels.get(k));
        }
    }

    @Test
    void badExportedModelUsageIsOneLine() {
        Path labels3 = FIXTURES.resolve("labels-3.txt");
        CliRun wrong = CliRun.run("evaluate", "--model-path", FIXTURES.resolve("tiny.onnx").toString(),
                "--tokenizer", TOKENIZER, "--labels", labels3.toString(), "--data", seed.toString());
        assertEquals(1, wrong.exitCode());
        assertEquals("stancebench: " + labels3 + ": 3 labels, but tiny.onnx gives 4 outputs per text",
                wrong.err().strip());
        CliRun noTokenizer = CliRun.run("predict", "--model-path", FIXTURES.resolve("tiny.onnx").toString());
        assertEquals(1, noTokenizer.exitCode());
        assertEquals("stancebench: --model-path needs --tokenizer tokenizer.json", noTokenizer.err().strip());
        CliRun alone = CliRun.run("evaluate", "--predictions", "x.jsonl", "--tokenizer", TOKENIZER,
                "--data", seed.toString());
        assertEquals(1, alone.exitCode());
        assertTrue(alone.err().contains("only apply with --model-path"), alone.err());
        CliRun both = CliRun.run("predict", "--model", dir.toString(), "--model-path", "m.onnx");
        assertEquals(1, both.exitCode());
        assertTrue(both.err().contains("exactly one of --model"), both.err());
    }
}
