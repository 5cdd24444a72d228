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
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
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
import org.stancebench.io.BadInputException;
import org.stancebench.io.TextInput;
import org.stancebench.model.store.ModelStore;
import org.stancebench.model.store.StoredModel;

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

    static ScoringSummary run(SparkSession spark, ScoringOptions options,
            Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        Path input = options.input().toAbsolutePath();
        boolean parquet = input.getFileName().toString().endsWith(".parquet");
        if (!parquet) {
            checkText(options.input());
        } else if (!Files.exists(input)) {
            throw BadInputException.in(options.input(), "no such file or directory");
        }
        ModelStore.verify(options.model());
        JavaRDD<ScoringRow> rows = parquet ? parquet(spark, input) : jsonLines(spark, input);
        String model = options.model().toAbsolutePath().toString();
        int batchSize = options.batch();
        JavaRDD<Scored> scored = rows.mapPartitions(it -> score(it, model, batchSize));
        int partitions = scored.getNumPartitions();
        // Partitions are scored a wave at a time, one per task slot, all slots busy; the driver then
        // writes the wave's rows in partition order, so it holds at most one wave of output.
        int wave = Math.max(1, spark.sparkContext().defaultParallelism());
        progress.accept("score: " + partitions + " partitions, " + wave + " at a time, on "
                + spark.sparkContext().master());
        Path tmp = AtomicFiles.temporaryFor(options.out());
        long good = 0;
        long bad = 0;
        List<String> badRows = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (int first = 0; first < partitions; first += wave) {
                int[] ids = IntStream.range(first, Math.min(partitions, first + wave)).toArray();
                for (List<Scored> part : scored.collectPartitions(ids)) {
                    for (Scored s : part) {
                        if (s.problem() == null) {
                            w.write(s.output());
                            w.write('\n');
                            good++;
                            continue;
                        }
                        if (!options.skipBadRows()) {
                            throw BadInputException.at(options.input(), s.line(),
                                    s.problem() + " (--on-bad-row skip scores the other rows)");
                        }
                        bad++;
                        if (badRows.size() < ScoringOptions.BAD_ROWS_NAMED) {
                            badRows.add(options.input() + ":" + s.line() + ": " + s.problem());
                        }
                    }
                }
                progress.accept(String.format(Locale.ROOT, "score: %,d rows scored (%d of %d partitions)", good,
                        ids[ids.length - 1] + 1, partitions));
            }
        } catch (Exception e) {
            // A failed task arrives as a SparkException, checked though Scala does not declare it.
            Files.deleteIfExists(tmp);
            if (e instanceof IOException io) {
                throw io;
            }
            throw BadInputException.in(options.input(), "scoring failed on Spark: " + SparkSessions.rootMessage(e))
                    .because(e);
        }
        AtomicFiles.commit(tmp, options.out());
        return new ScoringSummary("spark (" + spark.sparkContext().master() + ")", good, bad, badRows,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The local engine's checks of a JSON-lines file, in one pass on the driver before any task runs:
     * strict UTF-8 and lines within {@link org.stancebench.io.InputLimits#MAX_CHARS}, refused with the
     * same one-line errors (Spark's text reader would replace bad bytes silently).
     */
    private static void checkText(Path file) throws IOException {
        try (TextInput.Lines lines = TextInput.open(file)) {
            while (lines.next() != null) {
                // reading is the check
            }
        }
    }

    /** Input bytes per partition: small enough that a wave of partitions' output fits the driver easily. */
    static final long SPLIT_BYTES = 8L << 20;

    /**
     * Lines numbered from 1 in file order, parsed as the local engine parses them (blank lines
     * dropped): split on LF only, as the local engine splits (Hadoop's default also splits on a lone
     * CR), in partitions of at most {@link #SPLIT_BYTES} and at least four per task slot.
     */
    private static JavaRDD<ScoringRow> jsonLines(SparkSession spark, Path input) throws IOException {
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        long slots = Math.max(1, spark.sparkContext().defaultParallelism());
        long split = Math.max(1L << 16, Math.min(SPLIT_BYTES, Files.size(input) / (4 * slots) + 1));
        conf.setLong("mapreduce.input.fileinputformat.split.maxsize", split);
        JavaPairRDD<LongWritable, Text> lines = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .newAPIHadoopFile(input.toString(), TextInputFormat.class, LongWritable.class, Text.class, conf);
        return lines.map(t -> t._2().toString()).zipWithIndex()
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
            throw BadInputException.at(input, 0, "id",
                    "must be a string or an integer, found " + idType.simpleString());
        }
        if (!text.dataType().equals(DataTypes.StringType)) {
            throw BadInputException.at(input, 0, "text", "must be a string, found " + text.dataType().simpleString());
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
        throw BadInputException.in(input, "no column '" + name + "' (columns: " + String.join(", ",
                frame.columns()) + ")");
    }

    /** Scores one partition: the model loaded once, the texts in batches, rows kept in order. */
    private static Iterator<Scored> score(Iterator<ScoringRow> rows, String modelDir,
            int batchSize) throws IOException {
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
            out.add(new Scored(batch.get(i).line(), PredictionWriter.line(batch.get(i).id(), labels, probs.get(i)),
                    null));
        }
        batch.clear();
    }
}
