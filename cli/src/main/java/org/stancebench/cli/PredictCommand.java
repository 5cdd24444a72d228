package org.stancebench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stancebench.api.Classifier;
import org.stancebench.api.Probabilities;
import org.stancebench.model.store.ModelStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stancebench predict}: reads one text per line (UTF-8) and writes one JSON object per line,
 * {@code {"text": ..., "label": ..., "probs": {label: p, ...}}}, with {@code probs} in the model's
 * label order and {@code label} the most probable one (ties to the earlier label).
 *
 * <p>Every input line gives one output line, in order, including empty lines (the empty text); a
 * trailing carriage return is dropped. An empty input gives no output and exit code 0. Texts are
 * predicted in batches (whatever has arrived, up to {@code --batch-size}) and output is flushed
 * after each batch, so it also works interactively. The model is a directory from {@code train},
 * verified (SHA-256 of every file) before loading, so a damaged one is refused; or a model exported
 * from Python ({@code --model-path}, {@code --tokenizer}, {@code --labels}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Predict labels for texts read one per line (UTF-8) from stdin; writes one JSON object per line.")
final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL_DIR",
            description = "Model directory written by 'stancebench train' (or give --model-path).")
    Path model;

    @Option(names = "--model-path", paramLabel = "FILE",
            description = "A text classifier exported from Python (ONNX or TorchScript), with --tokenizer.")
    Path modelPath;

    @CommandLine.Mixin
    ExportedModelOptions exported = new ExportedModelOptions();

    @Option(names = "--input", paramLabel = "FILE", description = "Read texts from FILE instead of stdin.")
    Path input;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "Most texts predicted at once.")
    int batchSize;

    /** Standard input; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if ((model == null) == (modelPath == null)) {
            throw new IllegalArgumentException("give exactly one of --model MODEL_DIR and --model-path FILE");
        }
        if (modelPath == null) {
            exported.open(null, null); // refuses --tokenizer, --labels and --model-format on their own
        }
        String source = input == null ? "stdin" : input.toString();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Classifier classifier = modelPath != null ? exported.open(modelPath, null) : openStored(model);
             InputStream raw = input == null ? nonClosing(stdin) : Files.newInputStream(input);
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            PrintWriter out = spec.commandLine().getOut();
            JsonFactory json = new JsonFactory();
            List<String> batch = new ArrayList<>(batchSize);
            ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
            long lineNo = 0;
            while (true) {
                // Lines are split on bytes and decoded one by one, so an invalid byte is reported with its line.
                boolean eof = !readLine(in, lineBytes);
                if (!eof || lineBytes.size() > 0) {
                    lineNo++;
                    String line;
                    try {
                        line = utf8.decode(ByteBuffer.wrap(lineBytes.toByteArray())).toString();
                    } catch (CharacterCodingException e) {
                        throw new IOException(source + " line " + lineNo + ": not valid UTF-8", e);
                    }
                    batch.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                }
                boolean flushNow = eof || batch.size() >= batchSize || in.available() == 0;
                if (flushNow && !batch.isEmpty()) {
                    write(classifier, batch, json, out);
                    batch.clear();
                }
                if (eof) {
                    break;
                }
            }
        }
        return 0;
    }

    /** The stored model's classifier; closing it closes the stored model. */
    private static Classifier openStored(Path dir) throws IOException {
        return ModelStore.load(dir).classifier();
    }

    /** Reads bytes up to the next newline (not kept) into {@code line}; false at end of input. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
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

    private static void write(Classifier classifier, List<String> texts, JsonFactory json, PrintWriter out)
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

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // stdin belongs to the process, not to this command
            }
        };
    }
}
