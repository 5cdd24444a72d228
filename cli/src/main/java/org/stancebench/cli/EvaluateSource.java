package org.stancebench.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code evaluate} scores: exactly one of a saved model, classifiers, predictions files or an exported model. */
final class EvaluateSource {
    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "A saved model directory (from 'train').")
    Path model;

    @Option(names = "--classifier", paramLabel = "NAME", split = ",",
            description = "Registered classifier(s) to train and evaluate; several are compared pairwise.")
    List<String> classifiers;

    @Option(names = "--predictions", paramLabel = "FILE", split = ",",
            description = "JSON Lines of {\"id\",\"label\"} or {\"id\",\"probs\":{LABEL:p}} from any tool;"
                    + " several files are compared pairwise.")
    List<Path> predictions;

    @Option(names = "--model-path", paramLabel = "FILE",
            description = "A text classifier exported from Python (ONNX or TorchScript), with --tokenizer.")
    Path modelPath;
}
