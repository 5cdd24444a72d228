package org.stancebench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stancebench.api.Classifier;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.minilm.HeadProbe;

/**
 * Trains each classifier that DJL trains on small fixed data and prints its probabilities exactly,
 * so that two runs in differently configured JVMs can be compared ({@link KernelIndependenceTest}
 * runs it with oneDNN held to its lowest instruction set and with the CPU's own).
 *
 * <p>Usage: {@code KernelProbeMain [probe...]}, probes from {@link #PROBES} (all by default). Prints
 * one line per predicted text: {@code probe<TAB>text index<TAB>p1 p2 ...}, each probability as
 * {@link Double#toHexString}; a probe that throws prints {@code probe<TAB>error<TAB>exception} instead
 * (its stack trace and the timings go to standard error).
 */
public final class KernelProbeMain {

    /**
     * The probes: each DJL-trained classifier. textcnn has 12 filters, not a multiple of oneDNN's 8-
     * or 16-channel blocks (the shape whose convolution gradient was wrong); minilm-probe is its
     * DJL-trained head alone (the sentence encoder runs on ONNX Runtime, not on PyTorch).
     */
    public static final List<String> PROBES = List.of("textcnn", "tfidf-logreg", "tfidf-logreg-hinge", "fasttext",
            "minilm-probe-head");

    /** What stands in place of the text index on the line of a probe that failed. */
    public static final String ERROR = "error";

    private KernelProbeMain() {
    }

    public static void main(String[] args) {
        List<String> probes = args.length > 0 ? List.of(args) : PROBES;
        for (String probe : probes) {
            long start = System.nanoTime();
            List<double[]> p;
            try {
                p = probabilities(probe);
            } catch (RuntimeException e) {
                System.out.println(probe + "\t" + ERROR + "\t" + e.toString().replace('\n', ' ').replace('\t', ' '));
                e.printStackTrace();
                continue;
            }
            for (int i = 0; i < p.size(); i++) {
                StringBuilder line = new StringBuilder(probe).append('\t').append(i).append('\t');
                for (int k = 0; k < p.get(i).length; k++) {
                    line.append(k == 0 ? "" : " ").append(Double.toHexString(p.get(i)[k]));
                }
                System.out.println(line);
            }
            System.err.printf(Locale.ROOT, "%s: %.2f s%n", probe, (System.nanoTime() - start) / 1e9);
        }
        System.out.flush();
    }

    static List<double[]> probabilities(String probe) {
        TrainingData data = SyntheticData.seedTaskWithDev();
        return switch (probe) {
            case "textcnn" -> predict("textcnn", data, TrainingOptions.seed(7).with("embeddingDim", "16")
                    .with("filters", "12").with("epochs", "6").with("learningRate", "0.01"));
            case "tfidf-logreg" -> predict("tfidf-logreg", data, TrainingOptions.seed(7));
            case "tfidf-logreg-hinge" -> predict("tfidf-logreg", data, TrainingOptions.seed(7).with("loss", "hinge"));
            case "fasttext" -> predict("fasttext", data, TrainingOptions.seed(7).with("dim", "16")
                    .with("bucket", "4096").with("epoch", "20").with("batch", "4"));
            case "minilm-probe-head" -> List.of(HeadProbe.probabilities(7));
            default -> throw new IllegalArgumentException("unknown probe '" + probe + "'; known: " + PROBES);
        };
    }

    private static List<double[]> predict(String name, TrainingData data, TrainingOptions options) {
        List<String> texts = new ArrayList<>();
        data.train().forEach(t -> texts.add(t.text()));
        data.dev().forEach(t -> texts.add(t.text()));
        texts.addAll(SyntheticData.edgeTexts());
        try (Classifier c = ClassifierRegistry.get(name).train(data, options)) {
            return c.predictProba(texts);
        }
    }
}
