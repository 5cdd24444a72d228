package org.stancebench.model.exported;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stancebench.api.Classifier;
import org.stancebench.api.Probabilities;
import org.stancebench.io.BadInputException;
import org.stancebench.io.ContentHash;
import org.stancebench.io.TextInput;
import org.stancebench.model.DjlBacked;

/**
 * A text classifier exported from Python, run through DJL: an ONNX graph (OnnxRuntime engine) or a
 * TorchScript module (PyTorch engine), with a Hugging Face {@code tokenizer.json} and a label
 * sidecar file (one label per line, in the order of the model's outputs).
 *
 * <p>The model takes {@code input_ids} and {@code attention_mask}, both int64 {@code [batch, tokens]}
 * (padding has id 0 and mask 0), and returns {@code [batch, num_labels]} float values as its first
 * output. A row that is already a probability vector (non-negative, summing to 1 within 1e-5) is
 * kept (renormalised); any other row is taken as logits and goes through a softmax. Texts are
 * tokenised by the tokenizer file as it is configured (special tokens included), truncated to
 * {@link #MAX_TOKENS} tokens; a text with no tokens is given as one padding token with mask 0.
 * Predictions do not depend on batching beyond the engine's float rounding.
 *
 * <p>Opening checks the files and runs the model once, so a missing or damaged file, or a label
 * sidecar whose size differs from the model's outputs, fails at once with a one-line message naming
 * the file. Not trainable: {@link #save(Path)} copies the three files, {@link #load(Path)} reads
 * them back.
 */
public final class ExportedClassifier implements Classifier, DjlBacked {
    /** Tokens kept per text. */
    public static final int MAX_TOKENS = 512;
    private static final String FORMAT_FILE = "format.txt";
    private static final String TOKENIZER_FILE = "tokenizer.json";
    private static final String LABELS_FILE = "labels.txt";

    private final String name;
    private final ExportedFormat format;
    private final Path modelFile;
    private final Path tokenizerFile;
    private final Path labelsFile;
    private final List<String> labels;
    private final Map<String, String> settings;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;

    private ExportedClassifier(String name, ExportedFormat format, Path modelFile, Path tokenizerFile, Path labelsFile,
                               List<String> labels, HuggingFaceTokenizer tokenizer, ZooModel<NDList, NDList> model)
            throws IOException {
        this.name = name;
        this.format = format;
        this.modelFile = modelFile;
        this.tokenizerFile = tokenizerFile;
        this.labelsFile = labelsFile;
        this.labels = List.copyOf(labels);
        this.tokenizer = tokenizer;
        this.model = model;
        Map<String, String> s = new LinkedHashMap<>();
        s.put("format", format.id());
        s.put("model", modelFile.getFileName().toString());
        s.put("model_sha256", ContentHash.sha256(modelFile));
        s.put("tokenizer_sha256", ContentHash.sha256(tokenizerFile));
        s.put("labels", String.join(",", labels));
        this.settings = Map.copyOf(s);
    }

    /**
     * Opens an exported model.
     *
     * @param name the classifier's name in results, for example the model file's stem
     * @param labelsFile the label sidecar, or null for {@code labels.txt} beside {@code modelFile}
     * @throws IOException when a file is missing, unreadable or not what it should be, or the label
     *     count differs from the model's outputs; the message is one line naming the file
     */
    public static ExportedClassifier open(String name, ExportedFormat format, Path modelFile, Path tokenizerFile,
                                          Path labelsFile) throws IOException {
        Path labelsPath = labelsFile != null ? labelsFile
                : modelFile.toAbsolutePath().resolveSibling(LABELS_FILE);
        for (Path p : List.of(modelFile, tokenizerFile, labelsPath)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + ": no such file"
                        + (p == labelsPath && labelsFile == null ? " (the default label sidecar; give --labels FILE)" : ""));
            }
        }
        List<String> labels = readLabels(labelsPath);
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (IOException | RuntimeException e) {
            throw new IOException(tokenizerFile + ": not a readable Hugging Face tokenizer.json: " + firstLine(e), e);
        }
        ZooModel<NDList, NDList> model;
        try {
            // DJL must initialise the engine before anything touches its native library.
            Engine.getEngine(format.engine());
            String file = modelFile.getFileName().toString();
            int dot = file.lastIndexOf('.');
            model = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine(format.engine())
                    .optModelPath(modelFile.toAbsolutePath())
                    .optModelName(dot > 0 ? file.substring(0, dot) : file)
                    .build()
                    .loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            tokenizer.close();
            throw new IOException(modelFile + ": cannot load as a " + format.id() + " model: " + firstLine(e), e);
        }
        ExportedClassifier classifier = null;
        try {
            classifier = new ExportedClassifier(name, format, modelFile, tokenizerFile, labelsPath, labels, tokenizer,
                    model);
            float[][] probe = classifier.forward(List.of(""));
            if (probe[0].length != labels.size()) {
                throw new IOException(labelsPath + ": " + labels.size() + " labels, but " + modelFile.getFileName()
                        + " gives " + probe[0].length + " outputs per text");
            }
            return classifier;
        } catch (IOException e) {
            close(classifier, tokenizer, model);
            throw e;
        } catch (RuntimeException e) {
            close(classifier, tokenizer, model);
            throw new IOException(modelFile + ": fails on input_ids and attention_mask (int64 [batch, tokens]): "
                    + firstLine(e), e);
        }
    }

    private static void close(ExportedClassifier classifier, HuggingFaceTokenizer tokenizer,
                              ZooModel<NDList, NDList> model) {
        if (classifier != null) {
            classifier.close();
        } else {
            tokenizer.close();
            model.close();
        }
    }

    /** Reads a label sidecar: one non-empty, distinct label per line. */
    static List<String> readLabels(Path file) throws IOException {
        List<String> lines = new ArrayList<>(TextInput.lines(file));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String label = lines.get(i).strip();
            if (label.isEmpty()) {
                throw BadInputException.at(file, i + 1, "empty label");
            }
            if (!seen.add(label)) {
                throw BadInputException.at(file, i + 1, "label '" + label + "' repeated");
            }
            labels.add(label);
        }
        if (labels.isEmpty()) {
            throw BadInputException.in(file, "no labels (expected one label per line)");
        }
        return labels;
    }

    /**
     * Loads the copy {@link #save(Path)} wrote into {@code dir}.
     *
     * @throws IOException when a file is missing or damaged
     */
    public static ExportedClassifier load(Path dir, String name) throws IOException {
        Path formatFile = dir.resolve(FORMAT_FILE);
        if (!Files.isRegularFile(formatFile)) {
            throw new IOException(formatFile + ": no such file");
        }
        ExportedFormat format;
        try {
            format = ExportedFormat.of(Files.readString(formatFile, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(formatFile + ": " + e.getMessage(), e);
        }
        return open(name, format, dir.resolve(format.savedName()), dir.resolve(TOKENIZER_FILE),
                dir.resolve(LABELS_FILE));
    }

    @Override
    public void save(Path dir) throws IOException {
        Files.copy(modelFile, dir.resolve(format.savedName()), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(tokenizerFile, dir.resolve(TOKENIZER_FILE), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(labelsFile, dir.resolve(LABELS_FILE), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(dir.resolve(FORMAT_FILE), format.id() + "\n", StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    /** The format this model was exported in. */
    public ExportedFormat format() {
        return format;
    }

    @Override
    public double[] predictProba(String text) {
        return predictProba(List.of(text)).get(0);
    }

    @Override
    public List<double[]> predictProba(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        float[][] raw = forward(texts);
        List<double[]> out = new ArrayList<>(raw.length);
        for (float[] row : raw) {
            out.add(probabilities(row));
        }
        return out;
    }

    /** A probability row kept as it is (renormalised), anything else through a softmax. */
    static double[] probabilities(float[] row) {
        double sum = 0;
        boolean nonNegative = true;
        for (float v : row) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("the model returned a non-finite value: " + Arrays.toString(row));
            }
            sum += v;
            nonNegative &= v >= 0;
        }
        double[] p = new double[row.length];
        if (nonNegative && Math.abs(sum - 1) <= 1e-5) {
            for (int k = 0; k < p.length; k++) {
                p[k] = row[k] / sum;
            }
            return p;
        }
        for (int k = 0; k < p.length; k++) {
            p[k] = row[k];
        }
        Probabilities.softmaxInPlace(p);
        return p;
    }

    /** The model's first output for {@code texts}, one row per text. */
    private float[][] forward(List<String> texts) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray out = run(texts, manager);
            long[] shape = out.getShape().getShape();
            if (shape.length != 2 || shape[0] != texts.size()) {
                throw new IllegalStateException("the first output has shape " + out.getShape() + ", expected ["
                        + texts.size() + ", num_labels]");
            }
            float[] flat = out.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            int k = (int) shape[1];
            float[][] rows = new float[texts.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
            }
            return rows;
        }
    }

    private NDArray run(List<String> texts, NDManager manager) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int width = 1;
        for (Encoding e : encodings) {
            width = Math.max(width, e.getIds().length);
        }
        int n = encodings.length;
        long[] ids = new long[n * width];
        long[] mask = new long[n * width];
        for (int i = 0; i < n; i++) {
            long[] row = encodings[i].getIds();
            System.arraycopy(row, 0, ids, i * width, row.length);
            Arrays.fill(mask, i * width, i * width + row.length, 1L);
        }
        Shape shape = new Shape(n, width);
        NDArray idArray = manager.create(LongBuffer.wrap(ids), shape);
        idArray.setName("input_ids");
        NDArray maskArray = manager.create(LongBuffer.wrap(mask), shape);
        maskArray.setName("attention_mask");
        NDList out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(idArray, maskArray),
                false);
        return out.get(0);
    }

    @Override
    public String engineName() {
        return format.engine();
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }
}
