package org.stancebench.model.minilm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.io.Json;
import org.stancebench.metrics.Metrics;
import org.stancebench.model.DecisionThreshold;
import org.stancebench.model.Imbalance;
import org.stancebench.model.Settings;

/**
 * The {@code minilm-probe} classifier family: frozen all-MiniLM-L6-v2 sentence embeddings with a
 * multinomial logistic-regression head trained in DJL (PyTorch engine, Adam, L2 weight decay).
 *
 * <p>Settings (defaults): {@code epochs} (60), {@code learningRate} (0.01), {@code batchSize} (32),
 * {@code weightDecay} (chosen from 0, 1e-4, 1e-3, 1e-2 by development log-loss when a development
 * set exists, else 1e-4), plus the encoder settings {@code maxTokens}, {@code encodeBatch},
 * {@code threads}, {@code precision}. With a development set, the epoch with the lowest development log-loss is kept.
 * A saved model holds only the head, its settings and the encoder files' SHA-256; it refuses to
 * load against different encoder files. {@code class_weight}, {@code threshold} and
 * {@code tune_metric} [macro-f1-all] as every trainable classifier ({@link Imbalance}): each
 * weighting gets its own weight decay and epoch by dev log-loss, then the weighting and threshold with
 * the better dev {@code tune_metric} are kept.
 *
 * <p>Topic conditioning: with {@code topicSeparator} set (for example {@code " [SEP] "}, the VAST
 * importer's), an input is {@code topic + separator + text} and {@code topicInput} says how both
 * reach the head: {@code joint} (default: the whole input embedded as one text, so the encoder
 * reads the topic beside the text) or {@code pair} (text and topic embedded apart, the features
 * being the text's embedding, the topic's and their element-wise product, 3 x 384 values). Without
 * it, inputs and predictions are exactly as before.
 */
public final class MiniLmProbeFactory implements ClassifierFactory {

    /** The registered name. */
    public static final String NAME = "minilm-probe";
    static final String CONFIG_FILE = "probe.json";
    private static final float[] WEIGHT_DECAY_GRID = {0f, 1e-4f, 1e-3f, 1e-2f};

    /** Stateless; found by {@link java.util.ServiceLoader}. */
    public MiniLmProbeFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "frozen all-MiniLM-L6-v2 sentence embeddings + logistic-regression head trained in DJL";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        Map<String, String> settings = options.settings();
        Settings s = new Settings(NAME, settings);
        int epochs = s.integer("epochs", 60, 1, Integer.MAX_VALUE);
        float learningRate = (float) s.real("learningRate", 0.01);
        int batchSize = s.integer("batchSize", 32, 1, Integer.MAX_VALUE);
        boolean hasDev = !data.dev().isEmpty();
        float[] grid = settings.containsKey("weightDecay")
                ? new float[] {(float) s.real("weightDecay", 0)}
                : hasDev ? WEIGHT_DECAY_GRID : new float[] {1e-4f};
        ProbeFeatures features = ProbeFeatures.from(s, settings);
        MiniLmEncoder.Settings encoderSettings = EncoderOptions.from(s);
        String metricName = s.string(Imbalance.TUNE_METRIC, Metrics.MACRO_F1_ALL).strip();
        Imbalance imbalance = Imbalance.read(s, metricName, Metrics.criterion(metricName, data.labels()),
                data.labels(), hasDev);
        s.rejectUnknown(DecisionThreshold.LABEL_SETTING, "bestEpoch");
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the training split is empty");
        }
        MiniLmEncoder encoder = MiniLmEncoder.sharedOrOpen(encoderSettings);
        try {
            Map<String, Integer> index = new HashMap<>();
            for (String label : data.labels()) {
                index.put(label, index.size());
            }
            options.progress().accept(NAME + ": embedding " + data.train().size() + " training and "
                    + data.dev().size() + " development texts");
            float[][] x = features.of(encoder, texts(data.train()));
            int[] y = labels(data.train(), index);
            float[][] devX = hasDev ? features.of(encoder, texts(data.dev())) : null;
            int[] devY = hasDev ? labels(data.dev(), index) : null;
            SoftmaxHeadTrainer.Result best = null;
            float bestDecay = grid[0];
            Imbalance.Choice bestChoice = null;
            int k = data.labels().size();
            for (String weighting : imbalance.weightings()) {
                float[] classWeights = weighting.equals("none") ? null : floats(Imbalance.classWeights(y, k, weighting));
                SoftmaxHeadTrainer.Result bestOfWeighting = null;
                float decayOfWeighting = grid[0];
                for (float decay : grid) {
                    SoftmaxHeadTrainer.Hyper hyper = new SoftmaxHeadTrainer.Hyper(epochs, batchSize, learningRate, decay);
                    SoftmaxHeadTrainer.Result r = SoftmaxHeadTrainer.train(x, y, devX, devY, k, hyper, classWeights,
                            options.seed(), options.progress());
                    if (bestOfWeighting == null || r.devLogLoss() < bestOfWeighting.devLogLoss()) {
                        bestOfWeighting = r;
                        decayOfWeighting = decay;
                    }
                }
                Imbalance.Choice choice = imbalance.unscored(weighting);
                if (hasDev) {
                    double[][] devProbs = new double[devX.length][];
                    for (int i = 0; i < devX.length; i++) {
                        devProbs[i] = bestOfWeighting.head().probabilities(devX[i]);
                    }
                    choice = imbalance.score(weighting, devProbs, devY);
                    options.progress().accept(String.format(java.util.Locale.ROOT, "%s: class_weight=%s%s: dev %s %.4f",
                            NAME, weighting, choice.threshold().active() ? " threshold=" + choice.threshold().value() : "",
                            metricName, choice.score()));
                }
                if (bestChoice == null || choice.score() > bestChoice.score()) {
                    bestChoice = choice;
                    best = bestOfWeighting;
                    bestDecay = decayOfWeighting;
                }
            }
            Map<String, String> effective = EncoderOptions.effective(settings, encoderSettings);
            effective.put(Imbalance.TUNE_METRIC, metricName);
            bestChoice.putInto(effective, data.labels());
            effective.put("epochs", Integer.toString(epochs));
            effective.put("learningRate", Float.toString(learningRate));
            effective.put("batchSize", Integer.toString(batchSize));
            effective.put("weightDecay", Float.toString(bestDecay));
            effective.put("bestEpoch", Integer.toString(best.bestEpoch()));
            features.record(effective);
            return new MiniLmProbeClassifier(data.labels(), best.head(), effective, encoder, features);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static List<String> texts(List<LabeledText> examples) {
        return examples.stream().map(LabeledText::text).toList();
    }

    private static int[] labels(List<LabeledText> examples, Map<String, Integer> index) {
        return examples.stream().mapToInt(t -> index.get(t.label())).toArray();
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        Path file = dir.resolve(CONFIG_FILE);
        JsonNode config = Json.readTree(file);
        JsonFiles.checkEncoder(config, file, MiniLmFiles.extract());
        List<String> labels = new ArrayList<>();
        JsonFiles.field(config, "labels", file).forEach(n -> labels.add(n.asText()));
        JsonNode weight = JsonFiles.field(config, "weight", file);
        JsonNode bias = JsonFiles.field(config, "bias", file);
        if (labels.isEmpty() || weight.size() != labels.size() || bias.size() != labels.size()) {
            throw new IOException(file + ": fields 'labels', 'weight' and 'bias' must have one entry per label");
        }
        float[][] w = new float[labels.size()][];
        float[] b = new float[labels.size()];
        Map<String, String> saved = new LinkedHashMap<>();
        JsonFiles.field(config, "settings", file).fields().forEachRemaining(e -> saved.put(e.getKey(), e.getValue().asText()));
        ProbeFeatures features = ProbeFeatures.of(saved);
        for (int c = 0; c < labels.size(); c++) {
            JsonNode row = weight.get(c);
            if (row.size() != features.dimension()) {
                throw new IOException(file + ": field 'weight' row " + c + " has " + row.size()
                        + " values, expected " + features.dimension());
            }
            w[c] = new float[row.size()];
            for (int i = 0; i < row.size(); i++) {
                w[c][i] = (float) row.get(i).asDouble();
            }
            b[c] = (float) bias.get(c).asDouble();
        }
        try {
            DecisionThreshold.fromSettings(saved, labels);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": field 'settings': " + e.getMessage(), e);
        }
        return new MiniLmProbeClassifier(labels, new SoftmaxHead(w, b), saved,
                MiniLmEncoder.sharedOrOpen(EncoderOptions.saved(config, file)), features);
    }
}
