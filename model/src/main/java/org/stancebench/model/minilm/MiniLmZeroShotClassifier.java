package org.stancebench.model.minilm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.Classifier;
import org.stancebench.api.Probabilities;
import org.stancebench.io.Json;
import org.stancebench.model.DjlBacked;

/** A {@code minilm-zeroshot} model: label descriptions, their embeddings and a temperature. */
final class MiniLmZeroShotClassifier implements Classifier, DjlBacked {

    private final List<String> labels;
    private final Map<String, List<String>> descriptions;
    private final double temperature;
    private final Map<String, String> settings;
    private final MiniLmEncoder encoder;
    /** Per label, the embeddings of its descriptions. */
    private final float[][][] described;

    MiniLmZeroShotClassifier(List<String> labels, Map<String, List<String>> descriptions, double temperature,
                             Map<String, String> settings, MiniLmEncoder encoder) {
        this.labels = List.copyOf(labels);
        this.descriptions = new LinkedHashMap<>(descriptions);
        this.temperature = temperature;
        this.settings = Map.copyOf(settings);
        this.encoder = encoder;
        this.described = new float[labels.size()][][];
        for (int k = 0; k < labels.size(); k++) {
            described[k] = encoder.encode(descriptions.get(labels.get(k)));
        }
    }

    @Override
    public String name() {
        return MiniLmZeroShotFactory.NAME + (encoder.settings().precision() == MiniLmEncoder.Precision.INT8 ? Int8Variant.SUFFIX : "");
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
        return probabilities(encoder.encode(text));
    }

    @Override
    public List<double[]> predictProba(List<String> texts) {
        float[][] embedded = encoder.encode(texts);
        List<double[]> out = new ArrayList<>(embedded.length);
        for (float[] e : embedded) {
            out.add(probabilities(e));
        }
        return out;
    }

    /** Softmax over mean cosine similarities; embeddings are unit length, so cosine is a dot product. */
    double[] probabilities(float[] embedding) {
        double[] scores = new double[labels.size()];
        for (int k = 0; k < scores.length; k++) {
            double sum = 0;
            for (float[] d : described[k]) {
                double dot = 0;
                for (int i = 0; i < d.length; i++) {
                    dot += (double) d[i] * embedding[i];
                }
                sum += dot;
            }
            scores[k] = sum / described[k].length / temperature;
        }
        Probabilities.softmaxInPlace(scores);
        return scores;
    }

    @Override
    public void save(Path dir) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("classifier", name());
        config.put("labels", labels);
        config.put("temperature", temperature);
        EncoderOptions.save(config, encoder);
        config.put("descriptions", descriptions);
        config.put("settings", new java.util.TreeMap<>(settings));
        Json.write(dir.resolve(MiniLmZeroShotFactory.CONFIG_FILE), config);
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
