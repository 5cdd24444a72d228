package org.stancebench.experiments.scoring;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.stancebench.api.Classifier;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.BadInputException;
import org.stancebench.io.TextInput;
import org.stancebench.model.store.ModelStore;
import org.stancebench.model.store.StoredModel;

/**
 * Batch scoring in this JVM: one loaded model, the input read line by line, texts predicted in
 * batches, the output written to a temporary file moved into place at the end, so an interrupted
 * or failed job leaves no partial output.
 */
public final class LocalScoring {

    private LocalScoring() {
    }

    /**
     * Scores {@code options.input()} (JSON lines) with the model in {@code options.model()}.
     *
     * @throws java.io.IOException naming the file (and line) when the model, the input or the output
     *     cannot be read or written, or a row is bad and bad rows are not skipped
     */
    public static ScoringSummary run(ScoringOptions options, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        if (options.input().getFileName().toString().endsWith(".parquet")) {
            throw BadInputException.in(options.input(), "Parquet input needs the spark engine (--engine spark), which "
                    + "reads Parquet; the local engine reads JSON lines");
        }
        TextInput.checkFile(options.input());
        Path tmp = AtomicFiles.temporaryFor(options.out());
        long scored = 0;
        long bad = 0;
        List<String> badRows = new ArrayList<>();
        try (StoredModel stored = ModelStore.load(options.model());
             TextInput.Lines in = TextInput.open(options.input());
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            Classifier model = stored.classifier();
            List<String> labels = model.labels();
            List<ScoringRow> batch = new ArrayList<>(options.batch());
            String content;
            while ((content = in.next()) != null) {
                ScoringRow row = ScoringRow.parseJsonLine(in.lineNumber(), content);
                if (row == null) {
                    continue;
                }
                if (!row.good()) {
                    String where = options.input() + ":" + row.line() + ": " + row.problem();
                    if (!options.skipBadRows()) {
                        throw BadInputException.at(options.input(), row.line(),
                                row.problem() + " (--on-bad-row skip scores the other rows)");
                    }
                    bad++;
                    if (badRows.size() < ScoringOptions.BAD_ROWS_NAMED) {
                        badRows.add(where);
                    }
                    continue;
                }
                batch.add(row);
                if (batch.size() == options.batch()) {
                    scored += flush(model, labels, batch, w);
                    if (scored % (options.batch() * 200L) == 0) {
                        progress.accept(String.format(Locale.ROOT, "score: %,d rows scored", scored));
                    }
                }
            }
            scored += flush(model, labels, batch, w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        AtomicFiles.commit(tmp, options.out());
        return new ScoringSummary("the local engine", scored, bad, badRows, (System.nanoTime() - start) / 1e9);
    }

    /** Predicts the buffered rows, writes their lines in order and empties the buffer. */
    static int flush(Classifier model, List<String> labels, List<ScoringRow> batch,
            BufferedWriter w) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<double[]> probs = model.predictProba(batch.stream().map(ScoringRow::text).toList());
        for (int i = 0; i < batch.size(); i++) {
            w.write(PredictionWriter.line(batch.get(i).id(), labels, probs.get(i)));
            w.write('\n');
        }
        int n = batch.size();
        batch.clear();
        return n;
    }
}
