package org.stancebench.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.stancebench.api.Classifier;
import org.stancebench.experiments.scoring.PredictionWriter;
import org.stancebench.experiments.scoring.ScoringOptions;
import org.stancebench.experiments.scoring.ScoringRow;
import org.stancebench.experiments.scoring.ScoringSummary;
import org.stancebench.io.AtomicFiles;
import org.stancebench.model.store.ModelStore;
import org.stancebench.model.store.StoredModel;
import scala.Tuple2;

/**
 * Batch scoring on Spark: rows are read by Spark (JSON lines, or Parquet with {@code id} and
 * {@code text} columns), numbered in input order, and scored partition by partition with one loaded
 * model per partition and the texts in batches; the driver writes the output lines in input order
 * with the same writer as the local engine, so both engines give the same bytes. The model directory
 * must be readable at the same path on every executor (one machine, or a shared file system).
 */
final class SparkScoring {

    private SparkScoring() {
    }

    /** One scored or refused row: its number, and its output line or what is wrong with it. */
    record Scored(long line, String output, String problem) implements java.io.Serializable {
    }

    static ScoringSummary run(SparkSession spark, ScoringOptions options, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        Path input = options.input().toAbsolutePath();
        if (!Files.exists(input)) {
            throw new IOException(options.input() + ": no such file");
        }
        ModelStore.verify(options.model());
        JavaRDD<ScoringRow> rows = input.getFileName().toString().endsWith(".parquet") ? parquet(spark, input)
                : jsonLines(spark, input);
        String model = options.model().toAbsolutePath().toString();
        int batchSize = options.batch();
        progress.accept("score: " + rows.getNumPartitions() + " partitions on " + spark.sparkContext().master());
        JavaRDD<Scored> scored = rows.mapPartitions(it -> score(it, model, batchSize));
        Path tmp = AtomicFiles.temporaryFor(options.out());
        long good = 0;
        long bad = 0;
        List<String> badRows = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            Iterator<Scored> it = scored.toLocalIterator();
            while (it.hasNext()) {
                Scored s = it.next();
                if (s.problem() != null) {
                    String where = options.input() + ":" + s.line() + ": " + s.problem();
                    if (!options.skipBadRows()) {
                        throw new IOException(where + " (--on-bad-row skip scores the other rows)");
                    }
                    bad++;
                    if (badRows.size() < ScoringOptions.BAD_ROWS_NAMED) {
                        badRows.add(where);
                    }
                    continue;
                }
                w.write(s.output());
                w.write('\n');
                good++;
                if (good % 100_000 == 0) {
                    progress.accept(String.format(Locale.ROOT, "score: %,d rows scored", good));
                }
            }
        } catch (Exception e) {
            // A failed task arrives as a SparkException, checked though Scala does not declare it.
            Files.deleteIfExists(tmp);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(options.input() + ": scoring failed on Spark: " + SparkSessions.rootMessage(e), e);
        }
        AtomicFiles.commit(tmp, options.out());
        return new ScoringSummary(good, bad, badRows, (System.nanoTime() - start) / 1e9);
    }

    /** Lines numbered from 1 in file order, parsed as the local engine parses them (blank lines dropped). */
    private static JavaRDD<ScoringRow> jsonLines(SparkSession spark, Path input) {
        return spark.read().textFile(input.toString()).javaRDD().zipWithIndex()
                .map(t -> ScoringRow.parseJsonLine(t._2() + 1, t._1()))
                .filter(r -> r != null);
    }

    /** Rows numbered from 1 in file order; {@code id} may be a string or an integer, {@code text} a string. */
    private static JavaRDD<ScoringRow> parquet(SparkSession spark, Path input) throws IOException {
        Dataset<Row> frame = spark.read().parquet(input.toString());
        StructField id = field(frame, input, "id");
        StructField text = field(frame, input, "text");
        DataType idType = id.dataType();
        if (!(idType.equals(DataTypes.StringType) || idType.equals(DataTypes.IntegerType) || idType.equals(DataTypes.LongType))) {
            throw new IOException(input + ": column 'id' must be a string or an integer, found " + idType.simpleString());
        }
        if (!text.dataType().equals(DataTypes.StringType)) {
            throw new IOException(input + ": column 'text' must be a string, found " + text.dataType().simpleString());
        }
        return frame.select("id", "text").javaRDD().zipWithIndex().map(t -> {
            long line = t._2() + 1;
            Row r = t._1();
            if (r.isNullAt(0)) {
                return ScoringRow.bad(line, "column 'id' is null");
            }
            if (r.isNullAt(1)) {
                return ScoringRow.bad(line, "column 'text' is null");
            }
            return ScoringRow.of(line, String.valueOf(r.get(0)), r.getString(1));
        });
    }

    private static StructField field(Dataset<Row> frame, Path input, String name) throws IOException {
        for (StructField f : frame.schema().fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IOException(input + ": no column '" + name + "' (columns: " + String.join(", ", frame.columns()) + ")");
    }

    /** Scores one partition: the model loaded once, the texts in batches, rows kept in order. */
    private static Iterator<Scored> score(Iterator<ScoringRow> rows, String modelDir, int batchSize) throws IOException {
        List<Scored> out = new ArrayList<>();
        if (!rows.hasNext()) {
            return out.iterator();
        }
        try (StoredModel stored = ModelStore.load(Path.of(modelDir))) {
            Classifier model = stored.classifier();
            List<String> labels = model.labels();
            List<ScoringRow> batch = new ArrayList<>(batchSize);
            while (rows.hasNext()) {
                ScoringRow row = rows.next();
                if (!row.good()) {
                    flush(model, labels, batch, out);
                    out.add(new Scored(row.line(), null, row.problem()));
                    continue;
                }
                batch.add(row);
                if (batch.size() == batchSize) {
                    flush(model, labels, batch, out);
                }
            }
            flush(model, labels, batch, out);
        }
        return out.iterator();
    }

    private static void flush(Classifier model, List<String> labels, List<ScoringRow> batch, List<Scored> out) {
        if (batch.isEmpty()) {
            return;
        }
        List<double[]> probs = model.predictProba(batch.stream().map(ScoringRow::text).toList());
        for (int i = 0; i < batch.size(); i++) {
            out.add(new Scored(batch.get(i).line(), PredictionWriter.line(batch.get(i).id(), labels, probs.get(i)), null));
        }
        batch.clear();
    }
}
