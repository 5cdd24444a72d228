package org.stancebench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.stancebench.experiments.protocol.ExportedModel;
import org.stancebench.model.exported.ExportedClassifier;
import org.stancebench.model.exported.ExportedFormat;
import picocli.CommandLine.Option;

/**
 * The options that describe a model exported from Python ({@code --model-format}, {@code --tokenizer},
 * {@code --labels}), shared by {@code evaluate}, {@code predict} and {@code reproduce}; the model file itself is each
 * command's {@code --model-path}.
 */
final class ExportedModelOptions {
    @Option(names = "--model-format", paramLabel = "onnx|torchscript",
            description = "Format of --model-path (default: from its extension, .onnx or .pt/.pth/.ts). "
                    + "Inputs input_ids and attention_mask (int64 [batch, tokens]); output [batch, num_labels] "
                    + "logits (softmax applied) or probabilities.")
    String format;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "Hugging Face tokenizer.json for --model-path.")
    Path tokenizer;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Label sidecar for --model-path: one label per line, in output order "
                    + "(default: labels.txt beside the model file).")
    Path labels;

    /** Opens {@code modelPath}, or refuses these options when there is no model path. */
    ExportedClassifier open(Path modelPath, String name) throws IOException {
        ExportedModel spec = spec(modelPath, name);
        return spec == null ? null : spec.open();
    }

    /** Where the exported model's files are, or null (these options refused) when there is no model path. */
    ExportedModel spec(Path modelPath, String name) {
        if (modelPath == null) {
            if (format != null || tokenizer != null || labels != null) {
                throw new IllegalArgumentException("--model-format, --tokenizer and --labels only apply with --model-path");
            }
            return null;
        }
        if (tokenizer == null) {
            throw new IllegalArgumentException("--model-path needs --tokenizer tokenizer.json");
        }
        ExportedFormat f = format != null ? ExportedFormat.of(format) : ExportedFormat.guess(modelPath);
        return new ExportedModel(name != null ? name : stem(modelPath), f, modelPath, tokenizer, labels);
    }

    /** What a results file records about an exported model (see {@link ExportedModel#provenance}). */
    static JsonNode provenance(ExportedClassifier model) {
        return ExportedModel.provenance(model);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
