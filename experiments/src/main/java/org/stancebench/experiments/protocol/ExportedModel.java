package org.stancebench.experiments.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.model.exported.ExportedClassifier;
import org.stancebench.model.exported.ExportedFormat;

/**
 * A text classifier exported from Python (ONNX or TorchScript) with its Hugging Face tokenizer, as
 * an experiment takes it: where its files are, so that it can be opened where it is evaluated.
 *
 * @param name the run name's stem
 * @param format the model format
 * @param model the model file
 * @param tokenizer the tokenizer.json
 * @param labels the label sidecar, or null for labels.txt beside the model
 */
public record ExportedModel(String name, ExportedFormat format, Path model, Path tokenizer, Path labels) {
    public ExportedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** Opens the model; close it when done. */
    public ExportedClassifier open() throws IOException {
        return ExportedClassifier.open(name, format, model, tokenizer, labels);
    }

    /** What a results file records about an exported model: its engine and {@code settings()} (file hashes). */
    public static JsonNode provenance(ExportedClassifier model) {
        Map<String, Object> described = new TreeMap<>();
        described.put("engine", model.engineName() + " " + model.engineVersion());
        described.put("exported", new TreeMap<>(model.settings()));
        return ResultsIo.mapper().valueToTree(described);
    }
}
