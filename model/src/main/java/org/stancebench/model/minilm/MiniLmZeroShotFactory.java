package org.stancebench.model.minilm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.io.Json;
import org.stancebench.model.Settings;

/**
 * The {@code minilm-zeroshot} classifier family: no training; a text's label probabilities are a
 * softmax over its mean cosine similarity (all-MiniLM-L6-v2 embeddings) to each label's short
 * descriptions, divided by a temperature.
 *
 * <p>Settings: {@code temperature} (default 0.05), {@code descriptions} (a TSV file
 * {@code label<TAB>description}; default: the built-in
 * {@code org/stancebench/model/minilm/label-descriptions.tsv}), and the encoder settings
 * {@code maxTokens}, {@code encodeBatch}, {@code threads}. Training only checks that every label
 * has a description and records them in the saved model.
 *
 * <p>Topic conditioning: with {@code topicSeparator} set (for example {@code " [SEP] "}, the VAST
 * importer's), an input is {@code topic + separator + text}; the descriptions default to the
 * built-in {@code topic-label-descriptions.tsv}, whose {@code {topic}} placeholders become each
 * input's topic ("in favour of {topic}"), and {@code embed} chooses what is compared with them:
 * {@code text} (default: the text after the separator) or {@code input} (the whole input). Without
 * it, inputs and predictions are exactly as before.
 */
public final class MiniLmZeroShotFactory implements ClassifierFactory {

    /** The registered name. */
    public static final String NAME = "minilm-zeroshot";
    static final String CONFIG_FILE = "zeroshot.json";
    static final double DEFAULT_TEMPERATURE = 0.05;

    /** Stateless; found by {@link java.util.ServiceLoader}. */
    public MiniLmZeroShotFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "zero-shot: cosine similarity of all-MiniLM-L6-v2 embeddings to label descriptions, softmax";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        Map<String, String> settings = options.settings();
        Settings s = new Settings(NAME, settings);
        double temperature = s.positive("temperature", DEFAULT_TEMPERATURE);
        String file = settings.get("descriptions");
        if (file != null) {
            s.string("descriptions", file);
        }
        String separator = settings.get(TopicInput.SEPARATOR_SETTING);
        boolean embedInput = false;
        if (separator != null) {
            s.string(TopicInput.SEPARATOR_SETTING, separator);
            if (separator.isEmpty()) {
                throw s.bad(TopicInput.SEPARATOR_SETTING, separator, "a non-empty separator");
            }
            embedInput = s.choice("embed", "text", java.util.Set.of("text", "input")).equals("input");
        }
        MiniLmEncoder.Settings encoderSettings = EncoderOptions.from(s);
        s.rejectUnknown();
        LabelDescriptions all = file != null ? LabelDescriptions.read(Path.of(file))
                : separator != null ? LabelDescriptions.builtInTopic() : LabelDescriptions.builtIn();
        Map<String, List<String>> descriptions = all.forLabels(data.labels());
        List<String> undescribed = all.undescribed(data.labels());
        if (!undescribed.isEmpty()) {
            options.progress().accept(NAME + ": no description in " + all.source() + " for " + undescribed
                    + "; using the label names themselves");
        }
        Map<String, String> effective = EncoderOptions.effective(settings, encoderSettings);
        effective.put("temperature", Double.toString(temperature));
        effective.put("descriptions", all.source());
        if (separator != null) {
            effective.put(TopicInput.SEPARATOR_SETTING, separator);
            effective.put("embed", embedInput ? "input" : "text");
        }
        options.progress().accept(NAME + ": embedding " + descriptions.values().stream().mapToInt(List::size).sum()
                + " label descriptions");
        return new MiniLmZeroShotClassifier(data.labels(), descriptions, temperature, effective,
                MiniLmEncoder.sharedOrOpen(encoderSettings), separator, embedInput);
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        Path file = dir.resolve(CONFIG_FILE);
        JsonNode config = Json.readTree(file);
        MiniLmFiles files = MiniLmFiles.extract();
        JsonFiles.checkEncoder(config, file, files);
        List<String> labels = new ArrayList<>();
        JsonFiles.field(config, "labels", file).forEach(n -> labels.add(n.asText()));
        JsonNode described = JsonFiles.field(config, "descriptions", file);
        Map<String, List<String>> descriptions = new LinkedHashMap<>();
        for (String label : labels) {
            JsonNode d = described.get(label);
            if (d == null || !d.isArray() || d.isEmpty()) {
                throw new IOException(file + ": field 'descriptions' has none for label '" + label + "'");
            }
            List<String> texts = new ArrayList<>();
            d.forEach(n -> texts.add(n.asText()));
            descriptions.put(label, texts);
        }
        double temperature = JsonFiles.field(config, "temperature", file).asDouble();
        if (!(temperature > 0) || labels.isEmpty()) {
            throw new IOException(file + ": field 'temperature' must be positive and 'labels' non-empty");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        JsonFiles.field(config, "settings", file).fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        JsonNode separator = config.get(TopicInput.SEPARATOR_SETTING);
        JsonNode embed = config.get("embed");
        return new MiniLmZeroShotClassifier(labels, descriptions, temperature, settings,
                MiniLmEncoder.sharedOrOpen(EncoderOptions.saved(config, file)), separator == null ? null : separator.asText(),
                embed != null && embed.asText().equals("input"));
    }
}
