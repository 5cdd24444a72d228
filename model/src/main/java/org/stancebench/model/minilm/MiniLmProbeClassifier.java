package org.stancebench.model.minilm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.api.Classifier;
import org.stancebench.io.Json;
import org.stancebench.model.DecisionThreshold;
import org.stancebench.model.DjlBacked;

/**
 * A {@code minilm-probe} model: the shared encoder (ONNX Runtime through DJL) and a plain-Java softmax
 * head trained with DJL's PyTorch engine, then the decision threshold its settings name, if any.
 */
final class MiniLmProbeClassifier implements Classifier, DjlBacked {

    private final List<String> labels;
    private final SoftmaxHead head;
    private final Map<String, String> settings;
    private final MiniLmEncoder encoder;
    private final DecisionThreshold threshold;
    private final ProbeFeatures features;

    MiniLmProbeClassifier(List<String> labels, SoftmaxHead head, Map<String, String> settings, MiniLmEncoder encoder) {
        this(labels, head, settings, encoder, ProbeFeatures.TEXT);
    }

    MiniLmProbeClassifier(List<String> labels, SoftmaxHead head, Map<String, String> settings, MiniLmEncoder encoder,
                          ProbeFeatures features) {
        this.labels = List.copyOf(labels);
        this.head = head;
        this.settings = Map.copyOf(settings);
        this.encoder = encoder;
        this.threshold = DecisionThreshold.fromSettings(settings, labels);
        this.features = features;
    }

    SoftmaxHead head() {
        return head;
    }

    @Override
    public String name() {
        return Int8Variant.nameOf(MiniLmProbeFactory.NAME, encoder);
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public double[] predictProba(String text) {
        if (features != ProbeFeatures.TEXT) {
            return predictProba(List.of(text)).get(0);
        }
        double[] p = head.probabilities(encoder.encode(text));
        threshold.apply(p);
        return p;
    }

    @Override
    public List<double[]> predictProba(List<String> texts) {
        float[][] embedded = features.of(encoder, texts);
        List<double[]> out = new ArrayList<>(embedded.length);
        for (float[] e : embedded) {
            double[] p = head.probabilities(e);
            threshold.apply(p);
            out.add(p);
        }
        return out;
    }

    @Override
    public void save(Path dir) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("classifier", name());
        config.put("labels", labels);
        EncoderOptions.save(config, encoder);
        config.put("settings", new TreeMap<>(settings));
        config.put("weight", head.weight());
        config.put("bias", head.bias());
        Json.write(dir.resolve(MiniLmProbeFactory.CONFIG_FILE), config);
    }

    @Override
    public void close() {
        encoder.close();
    }

    @Override
    public String engineName() {
        return "OnnxRuntime";
    }
}
