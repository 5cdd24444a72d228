package org.stancebench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
import org.stancebench.io.BadInputException;
import org.stancebench.io.TextInput;
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
        description = {"Predict labels for texts read one per line (UTF-8) from stdin or --input; writes one JSON "
                + "object per line ({\"text\", \"label\", \"probs\"}).",
            "With --jsonl (lines {\"id\", \"text\"}) or --data DIR --split S, writes a predictions file "
                + "({\"id\", \"label\", \"probs\"} per line) that 'evaluate --predictions' reads."},
        footer = {"", "Examples:",
            "  echo 'Talks resumed today.' | stancebench predict --model out/models/nb",
            "  stancebench predict --model out/models/nb --data out/seed --split test --out preds.jsonl",
            "  stancebench evaluate --predictions preds.jsonl --data out/seed --out out/nb-test.json"})
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

    @Option(names = "--jsonl", description = "Input lines are JSON objects with 'id' and 'text'; the output keeps the ids.")
    boolean jsonl;

    @Option(names = "--data", paramLabel = "DIR", description = "Predict a split of this dataset directory.")
    Path data;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "The split --data predicts.")
    String split;

    @Option(names = "--out", paramLabel = "FILE",
            description = "With --jsonl or --data: write the predictions file here (atomically); '-' or none: stdout.")
    String out;

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
        if (jsonl || data != null) {
            return predictIds();
        }
        if (out != null) {
            throw new IllegalArgumentException("--out goes with --jsonl or --data (plain lines go to stdout)");
        }
        String source = input == null ? "stdin" : input.toString();
        if (input != null) {
            TextInput.checkFile(input);
        }
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
                boolean eof = !PredictionLines.readLine(in, lineBytes);
                if (!eof || lineBytes.size() > 0) {
                    lineNo++;
                    String line;
                    try {
                        line = utf8.decode(ByteBuffer.wrap(lineBytes.toByteArray())).toString();
                    } catch (CharacterCodingException e) {
                        throw BadInputException.at(source, lineNo, "not valid UTF-8").because(e);
                    }
                    batch.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                }
                boolean flushNow = eof || batch.size() >= batchSize || in.available() == 0;
                if (flushNow && !batch.isEmpty()) {
                    PredictionLines.withTexts(classifier, batch, json, out);
                    batch.clear();
                }
                if (eof) {
                    break;
                }
            }
        }
        return 0;
    }

    /** The modes that keep ids: a dataset split, or JSON lines from --input (or stdin). */
    private int predictIds() throws IOException {
        if (jsonl && data != null) {
            throw new IllegalArgumentException("give --jsonl (ids and texts as JSON lines) or --data DIR, not both");
        }
        if (data != null && input != null) {
            throw new IllegalArgumentException("--input goes with lines or --jsonl; --data reads the dataset's texts");
        }
        Path target = out == null || out.equals("-") ? null : Path.of(out);
        if (target != null) {
            OutputPaths.refuseSourceTree(target);
        }
        try (Classifier classifier = modelPath != null ? exported.open(modelPath, null) : openStored(model)) {
            long n = PredictionLines.write(classifier, new PredictionLines.Request(data, split, input, nonClosing(stdin),
                    batchSize), target, spec.commandLine().getOut());
            if (target != null) {
                spec.commandLine().getErr().println("stancebench: " + n + " predictions written to " + target);
            }
        }
        return 0;
    }

    /** The stored model's classifier; closing it closes the stored model. */
    private static Classifier openStored(Path dir) throws IOException {
        return ModelStore.load(dir).classifier();
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
