package org.stancebench.model.minilm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.Classifier;
import org.stancebench.api.Probabilities;
import org.stancebench.io.Json;
import org.stancebench.model.DjlBacked;

/**
 * A {@code minilm-zeroshot} model: label descriptions, their embeddings and a temperature. With a
 * topic separator ({@link TopicInput}), each input's topic is put into the descriptions'
 * {@value LabelDescriptions#TOPIC} placeholders (each topic's descriptions embedded once and kept),
 * and either the text after the separator or the whole input is embedded ({@code embed}).
 */
final class MiniLmZeroShotClassifier implements Classifier, DjlBacked {

    private final List<String> labels;
    private final Map<String, List<String>> descriptions;
    private final double temperature;
    private final Map<String, String> settings;
    private final MiniLmEncoder encoder;
    /** Per label, the embeddings of its descriptions (no topic separator). */
    private final float[][][] described;
    /** The topic separator, or null: no topic conditioning. */
    private final String separator;
    /** With a separator: embed the whole input ({@code true}) or only the text after it. */
    private final boolean embedInput;
    /** With a separator: per topic, per label, the embeddings of its descriptions. */
    private final Map<String, float[][][]> byTopic = new HashMap<>();

    MiniLmZeroShotClassifier(List<String> labels, Map<String, List<String>> descriptions, double temperature,
                             Map<String, String> settings, MiniLmEncoder encoder) {
        this(labels, descriptions, temperature, settings, encoder, null, false);
    }

    MiniLmZeroShotClassifier(List<String> labels, Map<String, List<String>> descriptions, double temperature,
                             Map<String, String> settings, MiniLmEncoder encoder, String separator,
                             boolean embedInput) {
        this.labels = List.copyOf(labels);
        this.descriptions = new LinkedHashMap<>(descriptions);
        this.temperature = temperature;
        this.settings = Map.copyOf(settings);
        this.encoder = encoder;
        this.separator = separator;
        this.embedInput = embedInput;
        this.described = separator != null ? null : embedDescriptions(descriptions);
    }

    private float[][][] embedDescriptions(Map<String, List<String>> texts) {
        float[][][] out = new float[labels.size()][][];
        for (int k = 0; k < labels.size(); k++) {
            out[k] = encoder.encode(texts.get(labels.get(k)));
        }
        return out;
    }

    /** Per label, the embeddings of the descriptions of {@code topic}, embedded once per topic. */
    private synchronized float[][][] describedFor(String topic) {
        return byTopic.computeIfAbsent(topic,
                t -> embedDescriptions(LabelDescriptions.forTopic(descriptions, t)));
    }

    @Override
    public String name() {
        return Int8Variant.nameOf(MiniLmZeroShotFactory.NAME, encoder);
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
        return predictProba(List.of(text)).get(0);
    }

    @Override
    public List<double[]> predictProba(List<String> texts) {
        if (separator == null) {
            float[][] embedded = encoder.encode(texts);
            List<double[]> out = new ArrayList<>(embedded.length);
            for (float[] e : embedded) {
                out.add(probabilities(e, described));
            }
            return out;
        }
        List<TopicInput> inputs = TopicInput.splitAll(texts, separator);
        float[][] embedded = TopicInput.encodeDistinct(encoder,
                embedInput ? texts : inputs.stream().map(TopicInput::text).toList());
        List<double[]> out = new ArrayList<>(embedded.length);
        for (int i = 0; i < embedded.length; i++) {
            out.add(probabilities(embedded[i], describedFor(inputs.get(i).topic())));
        }
        return out;
    }

    /** Softmax over mean cosine similarities; embeddings are unit length, so cosine is a dot product. */
    double[] probabilities(float[] embedding, float[][][] described) {
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
        if (separator != null) {
            config.put(TopicInput.SEPARATOR_SETTING, separator);
            config.put("embed", embedInput ? "input" : "text");
        }
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
