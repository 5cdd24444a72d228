package org.stancebench.model.cnn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.Classifier;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.Json;
import java.util.TreeMap;
import org.stancebench.model.DecisionThreshold;
import org.stancebench.model.DjlBacked;
import org.stancebench.model.Imbalance;

/** A trained {@code textcnn} model (trained with DJL's PyTorch engine), predicting in plain Java; immutable and thread-safe. */
final class TextCnnClassifier implements Classifier, DjlBacked {

    private final List<String> labels;
    private final TextCnnConfig config;
    private final CnnVocabulary vocabulary;
    private final TextCnnWeights weights;
    /** The imbalance settings chosen in training ({@link Imbalance#KEYS}), reported beside the config. */
    private final Map<String, String> imbalance;
    private final DecisionThreshold threshold;

    TextCnnClassifier(List<String> labels, TextCnnConfig config, CnnVocabulary vocabulary, TextCnnWeights weights,
                      Map<String, String> imbalance) {
        this.labels = List.copyOf(labels);
        this.config = config;
        this.vocabulary = vocabulary;
        this.weights = weights;
        Map<String, String> own = new TreeMap<>(imbalance);
        own.keySet().retainAll(Imbalance.KEYS);
        this.imbalance = Map.copyOf(own);
        this.threshold = DecisionThreshold.fromSettings(own, labels);
    }

    TextCnnWeights weights() {
        return weights;
    }

    /** The ids the network sees for {@code text}. */
    int[] ids(String text) {
        return vocabulary.ids(CnnTokenizer.tokens(text, config.maxTokens()), config.maxWidth());
    }

    @Override
    public String name() {
        return TextCnnFactory.NAME;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> all = config.asSettings();
        all.putAll(imbalance);
        return all;
    }

    @Override
    public double[] predictProba(String text) {
        double[] p = weights.probabilities(ids(text));
        threshold.apply(p);
        return p;
    }

    @Override
    public void save(Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("classifier", name());
        json.put("labels", labels);
        json.put("settings", settings());
        json.put("vocabularySize", vocabulary.size());
        Json.write(dir.resolve(TextCnnFactory.CONFIG_FILE), json);
        AtomicFiles.writeString(dir.resolve(TextCnnFactory.VOCAB_FILE), String.join("\n", vocabulary.tokens()) + "\n");
        weights.write(dir.resolve(TextCnnFactory.WEIGHTS_FILE));
    }

    @Override
    public String engineName() {
        return "PyTorch";
    }
}
