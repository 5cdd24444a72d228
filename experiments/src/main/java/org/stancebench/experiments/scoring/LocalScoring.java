package org.stancebench.experiments.scoring;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.stancebench.api.Classifier;
import org.stancebench.io.AtomicFiles;
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
            throw new IOException(options.input() + ": Parquet input needs the spark engine (--engine spark), which "
                    + "reads Parquet; the local engine reads JSON lines");
        }
        if (Files.isDirectory(options.input())) {
            throw new IOException(options.input() + ": is a directory, not a JSON-lines file");
        }
        Path tmp = AtomicFiles.temporaryFor(options.out());
        long scored = 0;
        long bad = 0;
        List<String> badRows = new ArrayList<>();
        try (StoredModel stored = ModelStore.load(options.model());
             BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(options.input()),
                     StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                             .onUnmappableCharacter(CodingErrorAction.REPORT)));
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            Classifier model = stored.classifier();
            List<String> labels = model.labels();
            List<ScoringRow> batch = new ArrayList<>(options.batch());
            long line = 0;
            String content;
            while (true) {
                try {
                    content = in.readLine();
                } catch (CharacterCodingException e) {
                    throw new IOException(options.input() + ":" + (line + 1) + ": not valid UTF-8", e);
                }
                if (content == null) {
                    break;
                }
                line++;
                ScoringRow row = ScoringRow.parseJsonLine(line, content);
                if (row == null) {
                    continue;
                }
                if (!row.good()) {
                    String where = options.input() + ":" + row.line() + ": " + row.problem();
                    if (!options.skipBadRows()) {
                        throw new IOException(where + " (--on-bad-row skip scores the other rows)");
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
        return new ScoringSummary(scored, bad, badRows, (System.nanoTime() - start) / 1e9);
    }

    /** Predicts the buffered rows, writes their lines in order and empties the buffer. */
    static int flush(Classifier model, List<String> labels, List<ScoringRow> batch, BufferedWriter w) throws IOException {
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
