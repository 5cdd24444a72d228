package org.stancebench.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.experiments.scoring.LocalScoring;
import org.stancebench.experiments.scoring.ScoringOptions;
import org.stancebench.experiments.scoring.ScoringSummary;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.store.ModelStore;

/** Batch scoring on Spark writes the local engine's bytes and refuses the same rows. */
class SparkScoringTest {

    static SparkExecutor spark;

    @TempDir
    static Path dir;
    static Path model;
    static List<Example> examples;

    @BeforeAll
    static void start() throws IOException {
        spark = new SparkExecutor("local[2]", Map.of());
        SeedDataset.build(dir.resolve("seed"), 13);
        Dataset data = Dataset.load(dir.resolve("seed"));
        examples = data.examples();
        model = dir.resolve("model");
        try (var m = ClassifierRegistry.get("naive-bayes").train(data.trainingData("train", "dev"), TrainingOptions.seed(13))) {
            ModelStore.save(m, data.trainingData("train", "dev"), TrainingOptions.seed(13), model, false);
        }
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    /** {@code n} rows of the seed texts, a few of them bad at the given lines. */
    private static Path input(String name, int n, List<String> badLines) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i % examples.size());
            lines.add("{\"id\": \"" + e.id() + "#" + i + "\", \"text\": " + org.stancebench.io.Json.compact(e.text()) + "}");
        }
        for (int i = 0; i < badLines.size(); i++) {
            lines.add(7 + i * 5, badLines.get(i));
        }
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    @Test
    void sameBytesAsTheLocalEngine() throws IOException {
        // About 1 MB of rows: many partitions of 64 KiB, scored two at a time, written in input order.
        Path in = input("rows.jsonl", 5000, List.of());
        ScoringSummary local = LocalScoring.run(new ScoringOptions(model, in, dir.resolve("local.jsonl"), false, 64), m -> { });
        List<String> progress = new ArrayList<>();
        ScoringSummary onSpark = SparkScoring.run(spark.session(),
                new ScoringOptions(model, in, dir.resolve("spark.jsonl"), false, 64), progress::add);
        assertEquals(5000, local.scored());
        assertEquals(5000, onSpark.scored());
        int partitions = Integer.parseInt(progress.get(0).replaceFirst("^score: (\\d+) partitions.*$", "$1"));
        assertTrue(partitions >= 8, progress.get(0));
        assertArrayEquals(Files.readAllBytes(dir.resolve("local.jsonl")), Files.readAllBytes(dir.resolve("spark.jsonl")));
    }

    @Test
    void badRowsAreNamedAndCountedTheSameWay() throws IOException {
        List<String> bad = List.of("{\"id\": \"x\"}", "{\"id\": \"y\", \"text\": 42}", "not json", "{\"text\": \"no id\"}");
        Path in = input("bad.jsonl", 60, bad);
        IOException failLocal = assertThrows(IOException.class, () ->
                LocalScoring.run(new ScoringOptions(model, in, dir.resolve("bad-local.jsonl"), false, 16), m -> { }));
        IOException failSpark = assertThrows(IOException.class, () -> SparkScoring.run(spark.session(),
                new ScoringOptions(model, in, dir.resolve("bad-spark.jsonl"), false, 16), m -> { }));
        // Line 8 (the first bad row): hand count, seven good rows come first.
        assertEquals(in + ":8: field 'text' is missing (--on-bad-row skip scores the other rows)", failLocal.getMessage());
        assertEquals(failLocal.getMessage(), failSpark.getMessage());
        assertFalse(Files.exists(dir.resolve("bad-local.jsonl")), "nothing written on failure");
        assertFalse(Files.exists(dir.resolve("bad-spark.jsonl")), "nothing written on failure");

        ScoringSummary local = LocalScoring.run(new ScoringOptions(model, in, dir.resolve("skip-local.jsonl"), true, 16), m -> { });
        ScoringSummary onSpark = SparkScoring.run(spark.session(),
                new ScoringOptions(model, in, dir.resolve("skip-spark.jsonl"), true, 16), m -> { });
        assertEquals(60, local.scored());
        assertEquals(4, local.bad());
        assertEquals(local.badRows(), onSpark.badRows());
        assertEquals(List.of(in + ":8: field 'text' is missing", in + ":13: field 'text' must be a string, got number",
                in + ":18: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                in + ":23: field 'id' is missing"), local.badRows());
        assertArrayEquals(Files.readAllBytes(dir.resolve("skip-local.jsonl")), Files.readAllBytes(dir.resolve("skip-spark.jsonl")));
    }

    @Test
    void invalidUtf8FailsBothEnginesAtTheSameLineWhateverTheBadRowOption() throws IOException {
        Path in = input("utf8.jsonl", 30, List.of());
        byte[] good = Files.readAllBytes(in);
        byte[] bad = "{\"id\": \"z\", \"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(in, all);
        for (boolean skip : new boolean[] {false, true}) {
            IOException local = assertThrows(IOException.class, () ->
                    LocalScoring.run(new ScoringOptions(model, in, dir.resolve("u-local.jsonl"), skip, 16), m -> { }));
            IOException onSpark = assertThrows(IOException.class, () -> SparkScoring.run(spark.session(),
                    new ScoringOptions(model, in, dir.resolve("u-spark.jsonl"), skip, 16), m -> { }));
            assertEquals(in + ":31: not valid UTF-8 (byte 0xE9 at byte 25 of the line)", local.getMessage());
            assertEquals(local.getMessage(), onSpark.getMessage());
        }
    }

    @Test
    void everyParquetSplitFileOfADatasetReadsAsItsJsonLines() throws IOException {
        // The dataset module writes Parquet without a Parquet library; Spark's reader is the check. The
        // seed has no groups; a small corpus has groups present and absent in runs, and non-ASCII text.
        List<Example> corpus = new ArrayList<>();
        String[] groups = {"peace", null, null, "war", "peace", null, "Ωmega", "war"};
        for (int i = 0; i < 40; i++) {
            String text = "text " + i + (i % 3 == 0 ? " \u2014 curly \u2019quotes\u2019 \uD83D\uDE00" : "");
            corpus.add(new Example("c/" + i, text, i % 2 == 0 ? "pos" : "neg", "post", "corpus",
                    i % 5 == 0 ? "test" : i % 5 == 1 ? "dev" : "train", groups[i % groups.length],
                    org.stancebench.io.ContentHash.sha256(text)));
        }
        Path withGroups = dir.resolve("corpus");
        org.stancebench.dataset.storage.DatasetWriter.write(withGroups, new org.stancebench.dataset.storage.DatasetDescription(
                "corpus", "A test corpus", "For tests.", "Made up in the test.", "CC0", null, List.of("pos", "neg"),
                "By the test.", List.of()), corpus, 13, 2, 1);
        int files = 0;
        for (Path data : List.of(dir.resolve("seed"), withGroups)) {
            for (String split : List.of("train", "validation", "test")) {
                var frame = spark.session().read().parquet(data.resolve(split + ".parquet").toString());
                List<String> expected = Files.readAllLines(data.resolve(split + ".jsonl"), StandardCharsets.UTF_8);
                List<String> columns = List.of(frame.columns());
                assertEquals(List.of("id", "text", "label", "unit", "source", "group", "sha256"), columns);
                List<Row> rows = frame.collectAsList();
                assertEquals(expected.size(), rows.size(), data + " " + split);
                for (int i = 0; i < rows.size(); i++) {
                    var json = org.stancebench.io.Json.MAPPER.readTree(expected.get(i));
                    for (int c = 0; c < columns.size(); c++) {
                        var value = json.get(columns.get(c));
                        assertEquals(value.isNull() ? null : value.asText(), rows.get(i).getString(c),
                                data + " " + split + " row " + i + " " + columns.get(c));
                    }
                }
                files++;
            }
        }
        assertEquals(6, files);
    }

    @Test
    void parquetInputGivesTheSamePredictionsAsJsonLines() throws IOException {
        Path in = input("same.jsonl", 200, List.of());
        LocalScoring.run(new ScoringOptions(model, in, dir.resolve("from-json.jsonl"), false, 64), m -> { });
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Example e = examples.get(i % examples.size());
            rows.add(RowFactory.create(e.id() + "#" + i, e.text()));
        }
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
        Path parquet = dir.resolve("rows.parquet");
        spark.session().createDataFrame(rows, schema).coalesce(1).write().parquet(parquet.toString());
        SparkScoring.run(spark.session(), new ScoringOptions(model, parquet, dir.resolve("from-parquet.jsonl"), false, 64),
                m -> { });
        assertArrayEquals(Files.readAllBytes(dir.resolve("from-json.jsonl")), Files.readAllBytes(dir.resolve("from-parquet.jsonl")));

        IOException e = assertThrows(IOException.class, () ->
                LocalScoring.run(new ScoringOptions(model, parquet, dir.resolve("x.jsonl"), false, 64), m -> { }));
        assertTrue(e.getMessage().contains("Parquet input needs the spark engine"), e.getMessage());
    }
}
