package org.stancebench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.api.Classifier;
import org.stancebench.api.Probabilities;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.experiments.scoring.PredictionWriter;
import org.stancebench.experiments.scoring.ScoringRow;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.BadInputException;
import org.stancebench.io.TextInput;

/**
 * What {@code predict} writes. Plain lines: one {@code {"text", "label", "probs"}} object per input
 * line. And the two modes that keep ids: a dataset split ({@code --data DIR --split S}) and JSON
 * lines with {@code id} and {@code text} ({@code --jsonl}). Both write the predictions-file format,
 * {@code {"id": ..., "label": ..., "probs": {...}}} per line (the same writer as {@code score}), which
 * {@code evaluate --predictions} reads back.
 */
final class PredictionLines {
    private PredictionLines() {
    }

    /**
     * What to predict: a split of the dataset in {@code data}, or else JSON lines from {@code jsonLines}
     * (or {@code stdin} when that is null).
     */
    record Request(Path data, String split, Path jsonLines, InputStream stdin, int batchSize) {
    }

    /**
     * Predicts {@code request} into {@code target} (atomically; nothing is left on failure) or, when
     * {@code target} is null, to {@code stdout}.
     *
     * @return the number of predictions written
     */
    static long write(Classifier classifier, Request request, Path target, Writer stdout) throws IOException {
        if (target == null) {
            return run(classifier, request, stdout);
        }
        Path tmp = AtomicFiles.temporaryFor(target);
        long n;
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            n = run(classifier, request, w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        AtomicFiles.commit(tmp, target);
        return n;
    }

    private static long run(Classifier classifier, Request request, Writer w) throws IOException {
        if (request.data() != null) {
            return split(classifier, request.data(), request.split(), request.batchSize(), w);
        }
        try (TextInput.Lines lines = request.jsonLines() == null ? TextInput.open(request.stdin(), "stdin")
                : TextInput.open(request.jsonLines())) {
            return jsonLines(classifier, lines, request.batchSize(), w);
        }
    }

    /** Predicts every example of {@code split} of the dataset in {@code dir}, in file order. */
    static long split(Classifier classifier, Path dir, String split, int batchSize, Writer out) throws IOException {
        Dataset dataset = Dataset.load(dir);
        if (!dataset.labels().equals(classifier.labels())) {
            throw BadInputException.in(dir, "the dataset's labels " + dataset.labels() + " are not the model's "
                    + classifier.labels());
        }
        List<Example> examples = dataset.split(split);
        if (examples.isEmpty()) {
            throw BadInputException.in(dir, "split '" + split + "' has no examples");
        }
        for (int from = 0; from < examples.size(); from += batchSize) {
            List<Example> batch = examples.subList(from, Math.min(examples.size(), from + batchSize));
            write(classifier, batch.stream().map(Example::id).toList(), batch.stream().map(Example::text).toList(), out);
        }
        return examples.size();
    }

    /** Predicts JSON lines {@code {"id": ..., "text": ...}}; a bad line stops it, named with its line. */
    static long jsonLines(Classifier classifier, TextInput.Lines lines, int batchSize, Writer out) throws IOException {
        long n = 0;
        List<String> ids = new ArrayList<>(batchSize);
        List<String> texts = new ArrayList<>(batchSize);
        for (String line = lines.next(); line != null; line = lines.next()) {
            ScoringRow row = ScoringRow.parseJsonLine(lines.lineNumber(), line);
            if (row == null) {
                continue;
            }
            if (!row.good()) {
                throw BadInputException.at(lines.source(), row.line(), row.problem());
            }
            ids.add(row.id());
            texts.add(row.text());
            if (ids.size() == batchSize) {
                n += write(classifier, ids, texts, out);
                ids.clear();
                texts.clear();
            }
        }
        return n + write(classifier, ids, texts, out);
    }

    private static int write(Classifier classifier, List<String> ids, List<String> texts, Writer out) throws IOException {
        if (ids.isEmpty()) {
            return 0;
        }
        List<double[]> probs = classifier.predictProba(texts);
        for (int i = 0; i < ids.size(); i++) {
            out.write(PredictionWriter.line(ids.get(i), classifier.labels(), probs.get(i)));
            out.write('\n');
        }
        out.flush();
        return ids.size();
    }

    /** Reads bytes up to the next newline (not kept) into {@code line}; false at end of input. */
    static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return true;
            }
            line.write(b);
        }
        return false;
    }

    static void withTexts(Classifier classifier, List<String> texts, JsonFactory json, PrintWriter out)
            throws IOException {
        List<double[]> probs = classifier.predictProba(texts);
        List<String> labels = classifier.labels();
        StringWriter buffer = new StringWriter();
        for (int i = 0; i < texts.size(); i++) {
            double[] p = probs.get(i);
            try (JsonGenerator g = json.createGenerator(buffer)) {
                g.writeStartObject();
                g.writeStringField("text", texts.get(i));
                g.writeStringField("label", labels.get(Probabilities.argmax(p)));
                g.writeObjectFieldStart("probs");
                for (int k = 0; k < labels.size(); k++) {
                    g.writeNumberField(labels.get(k), p[k]);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            buffer.write('\n');
        }
        out.write(buffer.toString());
        out.flush();
    }

}
