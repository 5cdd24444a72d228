package org.stancebench.model.exported;

import java.nio.file.Path;
import java.util.Locale;

/** The file format of an exported model, and the DJL engine that runs it. */
public enum ExportedFormat {
    /** An ONNX graph, run by DJL's OnnxRuntime engine. */
    ONNX("onnx", "OnnxRuntime", "model.onnx"),
    /** A TorchScript module ({@code torch.jit.script} or {@code trace}), run by DJL's PyTorch engine. */
    TORCHSCRIPT("torchscript", "PyTorch", "model.pt");

    private final String id;
    private final String engine;
    private final String savedName;

    ExportedFormat(String id, String engine, String savedName) {
        this.id = id;
        this.engine = engine;
        this.savedName = savedName;
    }

    /** The name used on the command line and in settings: {@code onnx} or {@code torchscript}. */
    public String id() {
        return id;
    }

    /** The DJL engine name. */
    public String engine() {
        return engine;
    }

    /** The file name a saved copy of the model gets. */
    String savedName() {
        return savedName;
    }

    /** The format named {@code id} ({@code onnx} or {@code torchscript}, any case). */
    public static ExportedFormat of(String id) {
        for (ExportedFormat f : values()) {
            if (f.id.equalsIgnoreCase(id.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model format '" + id + "'; known: onnx, torchscript");
    }

    /**
     * The format a model file's extension implies: {@code .onnx} is ONNX, {@code .pt}, {@code .pth}
     * and {@code .ts} are TorchScript.
     *
     * @throws IllegalArgumentException for any other extension, asking for {@code --model-format}
     */
    public static ExportedFormat guess(Path model) {
        String n = model.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".onnx")) {
            return ONNX;
        }
        if (n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".ts")) {
            return TORCHSCRIPT;
        }
        throw new IllegalArgumentException(model + ": cannot tell the model format from the file name;"
                + " give --model-format onnx|torchscript");
    }
}
