package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.store.ModelProvenance;
import org.stancebench.model.store.ModelStore;

class TrainPredictCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LABELS = List.of("hopeful", "skeptical", "sarcastic", "neutral");

    @TempDir
    static Path shared;
    static Path dataset;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTheSeedDataset() throws IOException {
        dataset = shared.resolve("seed");
        SeedDataset.build(dataset, 13);
    }

    static List<String> names() {
        return ClassifierRegistry.names();
    }

    private Path train(String name, String... extra) {
        Path out = tmp.resolve(name + "-model");
        List<String> args = new ArrayList<>(List.of("train", "--model", name, "--data", dataset.toString(),
                "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("saved " + name + " model to " + out), run.out());
        assertTrue(run.err().startsWith("training " + name + " on "), run.err());
        return out;
    }

    @Test
    void predictsADatasetSplitIntoAPredictionsFileThatEvaluateReads() throws IOException {
        Path model = train("naive-bayes");
        Path preds = tmp.resolve("preds.jsonl");
        CliRun run = CliRun.run("predict", "--model", model.toString(), "--data", dataset.toString(), "--split", "test",
                "--out", preds.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(preds);
        List<String> testIds = org.stancebench.dataset.Dataset.load(dataset).split("test").stream()
                .map(org.stancebench.dataset.Example::id).toList();
        assertEquals(testIds, lines.stream().map(l -> readId(l)).toList());
        assertEquals(List.of("id", "label", "probs"), fieldNames(JSON.readTree(lines.get(0))));
        CliRun evaluate = CliRun.run("evaluate", "--predictions", preds.toString(), "--data", dataset.toString(),
                "--bootstrap", "100", "--out", tmp.resolve("eval.json").toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());

        // The same predictions from JSON lines with ids on stdin, and the same bytes.
        StringBuilder jsonl = new StringBuilder();
        for (var e : org.stancebench.dataset.Dataset.load(dataset).split("test")) {
            jsonl.append(JSON.writeValueAsString(java.util.Map.of("id", e.id(), "text", e.text()))).append('\n');
        }
        CliRun fromStdin = CliRun.runWithStdin(jsonl.toString().getBytes(StandardCharsets.UTF_8), "predict", "--model",
                model.toString(), "--jsonl");
        assertEquals(0, fromStdin.exitCode(), fromStdin.err());
        assertEquals(Files.readString(preds), fromStdin.out());

        CliRun bad = CliRun.runWithStdin("{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\"}\n".getBytes(StandardCharsets.UTF_8),
                "predict", "--model", model.toString(), "--jsonl", "--out", tmp.resolve("never.jsonl").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains(":2: field 'text' is missing"), bad.err());
        assertFalse(Files.exists(tmp.resolve("never.jsonl")));
    }

    private static String readId(String line) {
        try {
            return JSON.readTree(line).get("id").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every registered classifier trains, saves, loads and predicts from the command line on the seed dataset. */
    @ParameterizedTest
    @MethodSource("names")
    void everyClassifierTrainsAndPredictsOnTheSeedDataset(String name) throws IOException {
        Path model = train(name);
        ModelProvenance provenance = ModelStore.verify(model);
        assertEquals(name, provenance.classifier());
        assertEquals(13, provenance.seed());
        assertEquals(LABELS, provenance.labels());
        String input = "Oh sure, the talks will fix everything 🙄\n\nWe finally have a real chance at peace.\nمرحبا\n";
        CliRun run = CliRun.runWithStdin(input.getBytes(StandardCharsets.UTF_8), "predict", "--model", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        List<String> texts = List.of("Oh sure, the talks will fix everything 🙄", "",
                "We finally have a real chance at peace.", "مرحبا");
        assertEquals(texts.size(), lines.size(), run.out());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode o = JSON.readTree(lines.get(i));
            assertEquals(List.of("text", "label", "probs"), fieldNames(o));
            assertEquals(texts.get(i), o.get("text").asText());
            assertEquals(LABELS, fieldNames(o.get("probs")), "probs in label order");
            double sum = 0;
            double best = -1;
            String bestLabel = null;
            for (String label : LABELS) {
                double p = o.get("probs").get(label).asDouble();
                sum += p;
                if (p > best) {
                    best = p;
                    bestLabel = label;
                }
            }
            assertEquals(1.0, sum, 1e-6);
            assertEquals(bestLabel, o.get("label").asText());
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void trainingTwiceWithTheSameSeedWritesIdenticalModelDirectories() throws IOException {
        Path a = train("naive-bayes", "--set", "alpha=0.5");
        Path b = tmp.resolve("again");
        CliRun run = CliRun.run("train", "--model", "naive-bayes", "--data", dataset.toString(), "--out", b.toString(),
                "--set", "alpha=0.5");
        assertEquals(0, run.exitCode(), run.err());
        for (String f : List.of("provenance.json", "naive-bayes.json", "counts.bin")) {
            assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
        assertEquals("0.5", ModelStore.verify(a).settings().get("alpha"));
        assertTrue(run.out().contains("settings: {alpha=0.5, "), run.out());
        assertTrue(run.out().contains("dev accuracy: "), run.out());
    }

    @Test
    void refusesToOverwriteUnlessAsked() {
        Path model = train("majority");
        CliRun again = CliRun.run("train", "--model", "stratified", "--data", dataset.toString(), "--out", model.toString());
        assertEquals(1, again.exitCode());
        assertEquals("stancebench: " + model + ": already exists and is not empty (use --overwrite to replace a model directory)\n",
                again.err());
        CliRun overwrite = CliRun.run("train", "--model", "stratified", "--data", dataset.toString(),
                "--out", model.toString(), "--overwrite");
        assertEquals(0, overwrite.exitCode(), overwrite.err());
    }

    @Test
    void anUnknownClassifierIsRefusedWithTheKnownNames() {
        CliRun run = CliRun.run("train", "--model", "bert", "--data", dataset.toString(), "--out", tmp.resolve("m").toString());
        assertEquals(1, run.exitCode());
        assertEquals("stancebench: unknown classifier 'bert'; known: " + String.join(", ", ClassifierRegistry.names()) + "\n",
                run.err());
        assertFalse(Files.exists(tmp.resolve("m")));
    }

    @Test
    void anUnknownSettingIsRefused() {
        CliRun run = CliRun.run("train", "--model", "naive-bayes", "--data", dataset.toString(),
                "--out", tmp.resolve("m").toString(), "--set", "colour=red");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().endsWith("stancebench: naive-bayes: unknown setting 'colour'; known: alpha, char-ngrams, "
                + "class_weight, min-df, min-word-length, threshold, tune_metric, word-ngrams\n"), run.err());
        assertFalse(Files.exists(tmp.resolve("m")));
    }

    @Test
    void aSettingWithoutAValueIsASyntaxError() {
        CliRun run = CliRun.run("train", "--model", "naive-bayes", "--data", dataset.toString(),
                "--out", tmp.resolve("m").toString(), "--set", "alpha");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("KEY=VALUE"), run.err());
    }

    @Test
    void aMissingDatasetOrSplitIsRefused() {
        CliRun run = CliRun.run("train", "--model", "majority", "--data", tmp.resolve("nothing").toString(),
                "--out", tmp.resolve("m").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("stancebench: ") && run.err().contains(tmp.resolve("nothing").toString()), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        run = CliRun.run("train", "--model", "majority", "--data", dataset.toString(), "--out", tmp.resolve("m").toString(),
                "--split", "validation");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("unknown split 'validation'"), run.err());
    }

    @Test
    void trainsWithoutADevSplit() throws IOException {
        Path model = train("lexicon", "--dev-split", "none", "--seed", "7");
        ModelProvenance p = ModelStore.verify(model);
        assertEquals(0, p.devSize());
        assertEquals(7, p.seed());
    }

    @Test
    void emptyStdinGivesNoOutput() {
        Path model = train("majority");
        CliRun run = CliRun.runWithStdin(new byte[0], "predict", "--model", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void manyLinesArePredictedInBatchesInOrder() throws IOException {
        Path model = train("naive-bayes");
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            input.append("line ").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        CliRun run = CliRun.runWithStdin(input.toString().getBytes(StandardCharsets.UTF_8),
                "predict", "--model", model.toString(), "--batch-size", "7");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(150, lines.size());
        for (int i = 0; i < 150; i++) {
            assertEquals("line " + i, JSON.readTree(lines.get(i)).get("text").asText());
        }
        CliRun oneBatch = CliRun.runWithStdin(input.toString().getBytes(StandardCharsets.UTF_8),
                "predict", "--model", model.toString(), "--batch-size", "1000");
        assertEquals(run.out(), oneBatch.out(), "batching does not change predictions");
    }

    @Test
    void readsAnInputFile() throws IOException {
        Path model = train("majority");
        Path file = tmp.resolve("texts.txt");
        Files.writeString(file, "one\ntwo");
        CliRun run = CliRun.run("predict", "--model", model.toString(), "--input", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.out().lines().count());
    }

    @Test
    void refusesInvalidUtf8NamingTheLine() {
        Path model = train("majority");
        byte[] input = {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        CliRun run = CliRun.runWithStdin(input, "predict", "--model", model.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().endsWith("stancebench: stdin:2: not valid UTF-8\n"), run.err());
    }

    @Test
    void aDamagedModelIsRefused() throws IOException {
        Path model = train("naive-bayes");
        Path counts = model.resolve("counts.bin");
        byte[] bytes = Files.readAllBytes(counts);
        bytes[bytes.length - 1] ^= 1;
        Files.write(counts, bytes);
        CliRun run = CliRun.runWithStdin("text\n".getBytes(StandardCharsets.UTF_8), "predict", "--model", model.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("stancebench: " + counts + ": SHA-256 mismatch (expected "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingModelDirectoryIsRefused() {
        CliRun run = CliRun.run("predict", "--model", tmp.resolve("nothing").toString());
        assertEquals(1, run.exitCode());
        assertEquals("stancebench: " + tmp.resolve("nothing") + ": no such model directory\n", run.err());
    }

    @Test
    void aModelDirectoryWithoutProvenanceIsRefused() throws IOException {
        Path model = train("majority");
        Files.delete(model.resolve("provenance.json"));
        CliRun run = CliRun.run("predict", "--model", model.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("stancebench: " + model.resolve("provenance.json") + ": missing"), run.err());
    }
}
