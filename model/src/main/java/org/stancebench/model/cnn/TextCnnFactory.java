package org.stancebench.model.cnn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.io.Json;
import org.stancebench.metrics.Metrics;
import org.stancebench.model.Imbalance;
import org.stancebench.model.Settings;

/**
 * The {@code textcnn} classifier family: a Kim (2014) convolutional network over word embeddings,
 * trained from scratch with DJL (PyTorch engine) and evaluated in plain Java.
 *
 * <p>Settings (defaults): {@code embeddingDim} (64), {@code filters} (64 per width), {@code widths}
 * (3,4,5), {@code dropout} (0.5), {@code maxTokens} (100), {@code minCount} (1), {@code maxVocab}
 * (50000), {@code epochs} (12), {@code patience} (3, early stopping on development log-loss when a
 * development set exists), {@code batchSize} (32), {@code learningRate} (0.002),
 * {@code weightDecay} (0), {@code trainThreads} (1: PyTorch threads during training), and
 * {@code class_weight}, {@code threshold}, {@code tune_metric} (macro-f1-all) as every trainable
 * classifier ({@link Imbalance}: each weighting is trained with its own early stopping, then the one
 * with the better dev {@code tune_metric} kept, with its threshold). A saved model is {@code textcnn.json} (labels, settings),
 * {@code vocab.txt} (one token per line, id = line number - 1) and {@code textcnn.weights}.
 */
public final class TextCnnFactory implements ClassifierFactory {

    /** The registered name. */
    public static final String NAME = "textcnn";
    static final String CONFIG_FILE = "textcnn.json";
    static final String VOCAB_FILE = "vocab.txt";
    static final String WEIGHTS_FILE = "textcnn.weights";

    /** Stateless; found by {@link java.util.ServiceLoader}. */
    public TextCnnFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Kim-2014 convolutional network (filter widths 3,4,5, max-over-time) trained from scratch in DJL";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        TextCnnConfig config = TextCnnConfig.from(options.settings());
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the training split is empty");
        }
        List<List<String>> trainTokens = tokens(data.train(), config);
        CnnVocabulary vocabulary = CnnVocabulary.build(trainTokens, config.minCount(), config.maxVocab());
        Map<String, Integer> index = new HashMap<>();
        for (String label : data.labels()) {
            index.put(label, index.size());
        }
        List<int[]> x = new ArrayList<>();
        for (List<String> t : trainTokens) {
            x.add(vocabulary.ids(t, config.maxWidth()));
        }
        List<int[]> devX = new ArrayList<>();
        for (List<String> t : tokens(data.dev(), config)) {
            devX.add(vocabulary.ids(t, config.maxWidth()));
        }
        int[] y = data.train().stream().mapToInt(t -> index.get(t.label())).toArray();
        int[] devY = data.dev().stream().mapToInt(t -> index.get(t.label())).toArray();
        options.progress().accept(NAME + ": vocabulary of " + vocabulary.size() + " tokens, "
                + x.size() + " training and " + devX.size() + " development texts");
        boolean hasDev = !devX.isEmpty();
        Settings s = new Settings(NAME, options.settings());
        String metricName = s.string(Imbalance.TUNE_METRIC, Metrics.MACRO_F1_ALL).strip();
        Imbalance imbalance = Imbalance.read(s, metricName, Metrics.criterion(metricName, data.labels()),
                data.labels(), hasDev);
        int k = data.labels().size();
        TextCnnWeights best = null;
        Imbalance.Choice bestChoice = null;
        for (String weighting : imbalance.weightings()) {
            float[] classWeights = null;
            if (!weighting.equals("none")) {
                double[] w = Imbalance.classWeights(y, k, weighting);
                classWeights = new float[k];
                for (int c = 0; c < k; c++) {
                    classWeights[c] = (float) w[c];
                }
            }
            TextCnnWeights weights = TextCnnTrainer.train(x, y, devX, devY, vocabulary.size(), k, config,
                    classWeights, options.seed(), options.progress());
            Imbalance.Choice choice = imbalance.unscored(weighting);
            if (hasDev) {
                double[][] devProbs = new double[devX.size()][];
                for (int i = 0; i < devProbs.length; i++) {
                    devProbs[i] = weights.probabilities(devX.get(i));
                }
                choice = imbalance.score(weighting, devProbs, devY);
                options.progress().accept(String.format(java.util.Locale.ROOT, "%s: class_weight=%s%s: dev %s %.4f",
                        NAME, weighting, choice.threshold().active() ? " threshold=" + choice.threshold().value() : "",
                        metricName, choice.score()));
            }
            if (bestChoice == null || choice.score() > bestChoice.score()) {
                bestChoice = choice;
                best = weights;
            }
        }
        Map<String, String> chosen = new TreeMap<>();
        chosen.put(Imbalance.TUNE_METRIC, metricName);
        bestChoice.putInto(chosen, data.labels());
        return new TextCnnClassifier(data.labels(), config, vocabulary, best, chosen);
    }

    private static List<List<String>> tokens(List<LabeledText> examples, TextCnnConfig config) {
        List<List<String>> out = new ArrayList<>(examples.size());
        for (LabeledText t : examples) {
            out.add(CnnTokenizer.tokens(t.text(), config.maxTokens()));
        }
        return out;
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        Path configFile = dir.resolve(CONFIG_FILE);
        JsonNode json = Json.readTree(configFile);
        JsonNode labelsNode = json.get("labels");
        JsonNode settingsNode = json.get("settings");
        if (labelsNode == null || !labelsNode.isArray() || labelsNode.isEmpty()) {
            throw new IOException(configFile + ": field 'labels' is missing or empty");
        }
        if (settingsNode == null || !settingsNode.isObject()) {
            throw new IOException(configFile + ": field 'settings' is missing");
        }
        List<String> labels = new ArrayList<>();
        labelsNode.forEach(n -> labels.add(n.asText()));
        Map<String, String> settings = new LinkedHashMap<>();
        settingsNode.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        TextCnnConfig config;
        try {
            config = TextCnnConfig.from(settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": field 'settings': " + e.getMessage(), e);
        }
        Path vocabFile = dir.resolve(VOCAB_FILE);
        if (!Files.isRegularFile(vocabFile)) {
            throw new IOException(vocabFile + ": missing");
        }
        CnnVocabulary vocabulary;
        try {
            vocabulary = new CnnVocabulary(Files.readAllLines(vocabFile, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(vocabFile + ": " + e.getMessage(), e);
        }
        TextCnnWeights weights = TextCnnWeights.read(dir.resolve(WEIGHTS_FILE));
        if (weights.vocab != vocabulary.size() || weights.classes != labels.size()
                || weights.dim != config.embeddingDim() || weights.filters != config.filters()
                || !java.util.Arrays.equals(weights.widths, config.widths())) {
            throw new IOException(dir.resolve(WEIGHTS_FILE) + ": shapes do not match " + CONFIG_FILE + " and "
                    + VOCAB_FILE + " (vocabulary " + vocabulary.size() + ", classes " + labels.size() + ")");
        }
        try {
            return new TextCnnClassifier(labels, config, vocabulary, weights, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": field 'settings': " + e.getMessage(), e);
        }
    }
}
