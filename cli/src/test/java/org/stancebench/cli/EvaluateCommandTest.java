package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.api.Classifier;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.store.ModelStore;
import picocli.CommandLine;

class EvaluateCommandTest {
    @TempDir
    static Path dir;
    static Path data;
    static Dataset dataset;

    @BeforeAll
    static void buildSeedDataset() throws IOException {
        data = dir.resolve("seed");
        SeedDataset.build(data, 13);
        dataset = Dataset.load(data);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = StanceBench.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void crossValidatesARegisteredClassifier() throws IOException {
        Path results = dir.resolve("cv/majority.json");
        Run r = run("evaluate", "--classifier", "majority", "--data", data.toString(), "--cv", "--seeds", "1,2",
                "--bootstrap", "200", "--out", results.toString());
        assertEquals(0, r.exit(), r.err());
        int folds = dataset.folds().size();
        assertTrue(r.err().contains("majority: fold 1/" + folds + ", seed 1/2"), r.err());
        assertTrue(r.out().contains("macro-f1 *"), r.out());
        assertTrue(r.out().startsWith("majority@cv on seed ("), r.out());
        assertTrue(r.out().contains("results: " + results), r.out());
        Results back = ResultsIo.read(results);
        RunResult run = back.run("majority@cv");
        assertEquals(2 * dataset.repeats() * dataset.examples().size(), run.predictions().size());
        assertEquals(folds * 2, run.folds().size());
        assertEquals(dataset.fingerprint(), back.dataset().fingerprint());
        // The interval is honest about a tiny dataset: never a single point for accuracy.
        assertTrue(run.metric("accuracy").high() - run.metric("accuracy").low() > 0.05, run.metric("accuracy").toString());
    }

    @Test
    void severalClassifiersAreComparedPairwise() throws IOException {
        Path results = dir.resolve("train-test.json");
        Run r = run("evaluate", "--classifier", "majority,lexicon,naive-bayes", "--data", data.toString(),
                "--bootstrap", "100", "--out", results.toString());
        assertEquals(0, r.exit(), r.err());
        Results back = ResultsIo.read(results);
        assertEquals(List.of("majority@test", "lexicon@test", "naive-bayes@test"),
                back.runs().stream().map(RunResult::name).toList());
        // 3 pairs x (McNemar on accuracy + randomization on macro-F1).
        assertEquals(6, back.comparisons().size());
        assertTrue(r.out().contains("majority@test vs lexicon@test"), r.out());
        assertTrue(r.out().contains("mcnemar-exact"), r.out());
    }

    @Test
    void evaluatesASavedModelWithItsProvenance() throws IOException {
        Path modelDir = dir.resolve("model-nb");
        TrainingData training = dataset.trainingData("train", "dev");
        TrainingOptions options = TrainingOptions.seed(7);
        try (Classifier model = ClassifierRegistry.get("naive-bayes").train(training, options)) {
            ModelStore.save(model, training, options, modelDir);
        }
        Path results = dir.resolve("nb-test.json");
        Run r = run("evaluate", "--model", modelDir.toString(), "--data", data.toString(), "--bootstrap", "100",
                "--out", results.toString());
        assertEquals(0, r.exit(), r.err());
        RunResult run = ResultsIo.read(results).run("naive-bayes@test");
        assertEquals(dataset.split("test").size(), run.predictions().size());
        assertEquals(7, run.provenance().get("seed").asLong());
        assertEquals(List.of(7L), run.seeds());
        assertTrue(r.out().contains("log-loss"), r.out());
    }

    private Path predictions(int leaveOut, String extra) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Example> test = dataset.split("test");
        for (int i = leaveOut; i < test.size(); i++) {
            lines.add("{\"id\":\"" + test.get(i).id() + "\",\"label\":\"" + test.get(i).label() + "\"}");
        }
        if (extra != null) {
            lines.add(extra);
        }
        Path f = dir.resolve("preds-" + leaveOut + (extra == null ? "" : "-x") + ".jsonl");
        Files.write(f, lines);
        return f;
    }

    @Test
    void scoresAPerfectPredictionsFile() throws IOException {
        Path results = dir.resolve("perfect.json");
        Run r = run("evaluate", "--predictions", predictions(0, null).toString(), "--data", data.toString(),
                "--name", "oracle", "--bootstrap", "100", "--out", results.toString());
        assertEquals(0, r.exit(), r.err());
        RunResult run = ResultsIo.read(results).run("oracle@test");
        assertEquals(1.0, run.metric("accuracy").value());
        assertEquals(1.0, run.metric("accuracy").low());
        assertFalse(run.metrics().containsKey("log-loss"), "labels only: no probability metrics");
        assertEquals(null, run.calibration());
    }

    @Test
    void predictionsWithProbabilitiesFromTwoToolsAreCompared() throws IOException {
        List<Example> test = dataset.split("test");
        List<String> sure = new ArrayList<>();
        List<String> unsure = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Example e = test.get(i);
            StringBuilder a = new StringBuilder("{\"id\":\"" + e.id() + "\",\"probs\":{");
            StringBuilder b = new StringBuilder(a);
            for (int k = 0; k < dataset.labels().size(); k++) {
                String label = dataset.labels().get(k);
                boolean gold = label.equals(e.label());
                a.append(k == 0 ? "" : ",").append('"').append(label).append("\":").append(gold ? 0.7 : 0.1);
                // The second tool is right on even positions only.
                boolean pick = i % 2 == 0 ? gold : k == (dataset.labels().indexOf(e.label()) + 1) % 4;
                b.append(k == 0 ? "" : ",").append('"').append(label).append("\":").append(pick ? 0.4 : 0.2);
            }
            sure.add(a.append("}}").toString());
            unsure.add(b.append("}}").toString());
        }
        Path toolA = dir.resolve("tool-a.jsonl");
        Path toolB = dir.resolve("tool-b.jsonl");
        Files.write(toolA, sure);
        Files.write(toolB, unsure);
        Path results = dir.resolve("tools.json");
        Run r = run("evaluate", "--predictions", toolA + "," + toolB, "--data", data.toString(), "--bootstrap", "100",
                "--out", results.toString());
        assertEquals(0, r.exit(), r.err());
        Results back = ResultsIo.read(results);
        RunResult a = back.run("tool-a@test");
        assertEquals(1.0, a.metric("accuracy").value());
        // Hand: every example has p(gold) = 0.7, so log loss = -ln 0.7.
        assertEquals(-Math.log(0.7), a.metric("log-loss").value(), 1e-12);
        // Hand: Brier = 0.3^2 + 3 * 0.1^2 = 0.12.
        assertEquals(0.12, a.metric("brier").value(), 1e-12);
        assertEquals((test.size() + 1) / 2 / (double) test.size(), back.run("tool-b@test").metric("accuracy").value(), 1e-12);
        assertEquals(2, back.comparisons().size());
        assertEquals("mcnemar-exact", back.comparisons().get(0).test());
    }

    @Test
    void refusesMismatchedPredictionsUnlessAllowed() throws IOException {
        Path file = predictions(2, "{\"id\":\"nope/1\",\"label\":\"hopeful\"}");
        Path results = dir.resolve("mismatch.json");
        Run refused = run("evaluate", "--predictions", file.toString(), "--data", data.toString(),
                "--out", results.toString());
        assertEquals(1, refused.exit());
        List<Example> test = dataset.split("test");
        assertTrue(refused.err().startsWith("stancebench: " + file + ": does not match split test of dataset seed: "
                + "2 ids of split test missing from the file (" + test.get(0).id() + ", " + test.get(1).id()
                + "); 1 id not in split test (nope/1)"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), "one line, no stack trace");
        assertFalse(Files.exists(results));
        Run allowed = run("evaluate", "--predictions", file.toString(), "--data", data.toString(), "--allow-mismatch",
                "--bootstrap", "100", "--out", results.toString());
        assertEquals(0, allowed.exit(), allowed.err());
        assertTrue(allowed.err().contains("warning"), allowed.err());
        assertEquals(test.size() - 2, ResultsIo.read(results).runs().get(0).predictions().size());
    }

    @Test
    void badUsageIsOneLine() throws IOException {
        Run r = run("evaluate", "--classifier", "no-such-thing", "--data", data.toString(), "--cv",
                "--out", dir.resolve("x.json").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("stancebench: unknown classifier 'no-such-thing'; known: "), r.err());
        Run cvModel = run("evaluate", "--model", dir.toString(), "--data", data.toString(), "--cv");
        assertEquals(1, cvModel.exit());
        assertTrue(cvModel.err().contains("--cv needs --classifier"), cvModel.err());
        Run both = run("evaluate", "--model", "a", "--classifier", "b", "--data", data.toString());
        assertEquals(2, both.exit());
        Run src = run("evaluate", "--predictions", predictions(0, null).toString(), "--data", data.toString(),
                "--out", dir.resolve("src/r.json").toString());
        assertEquals(1, src.exit());
        assertTrue(src.err().contains("must not be written under a src/ directory"), src.err());
    }
}
