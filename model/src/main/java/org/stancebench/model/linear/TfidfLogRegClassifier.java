package org.stancebench.model.linear;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.api.Classifier;
import org.stancebench.io.Json;
import org.stancebench.model.DecisionThreshold;
import org.stancebench.model.DjlBacked;
import org.stancebench.model.store.LittleEndianFiles;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.SparseFeaturizer;
import org.stancebench.model.text.Vocabulary;

/**
 * A trained {@code tfidf-logreg} model: a {@link TfidfFeaturizer} and a {@link LinearScorer},
 * predicting in plain Java (no DJL at inference). Its weights come from DJL (PyTorch), so it is
 * {@link DjlBacked}: provenance records the engine that trained it.
 *
 * <p>Immutable and thread-safe (per-thread scratch space); predictions are a pure function of the
 * saved files, the decision threshold in its settings included ({@link DecisionThreshold}). Holds no native memory.
 */
public final class TfidfLogRegClassifier implements Classifier, DjlBacked {
    static final String FORMAT = "stancebench-tfidf-logreg/1";
    static final String CONFIG = "config.json";
    static final String VOCAB = "vocab.bin";
    static final String WEIGHTS = "weights.bin";

    private final List<String> labels;
    private final Map<String, String> settings;
    private final TfidfFeaturizer featurizer;
    private final LinearScorer scorer;
    private final ThreadLocal<TfidfFeaturizer.Scratch> scratch;
    private final DecisionThreshold threshold;

    /** A model over these parts; {@code scorer} must have one class per label and match the features. */
    public TfidfLogRegClassifier(List<String> labels, Map<String, String> settings, TfidfFeaturizer featurizer,
                                 LinearScorer scorer) {
        this.labels = List.copyOf(labels);
        this.settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        if (scorer.classes() != labels.size() || scorer.features() != featurizer.dimension()) {
            throw new IllegalArgumentException("scorer has " + scorer.classes() + " classes x " + scorer.features()
                    + " features; expected " + labels.size() + " x " + featurizer.dimension());
        }
        this.featurizer = featurizer;
        this.scorer = scorer;
        this.scratch = ThreadLocal.withInitial(featurizer::newScratch);
        this.threshold = DecisionThreshold.fromSettings(settings, labels);
    }

    @Override
    public String name() {
        return TfidfLogRegFactory.NAME;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    /** The featurization stage (for benchmarks and tests). */
    public TfidfFeaturizer featurizer() {
        return featurizer;
    }

    /** The forward-pass stage (for benchmarks and tests). */
    public LinearScorer scorer() {
        return scorer;
    }

    @Override
    public double[] predictProba(String text) {
        TfidfFeaturizer.Scratch s = scratch.get();
        int n = featurizer.transform(text, s);
        double[] out = new double[labels.size()];
        scorer.probabilities(s.indices(), s.values(), n, out);
        threshold.apply(out);
        return out;
    }

    @Override
    public void save(Path dir) throws IOException {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ArrayNode labelNode = root.putArray("labels");
        labels.forEach(labelNode::add);
        ObjectNode settingsNode = root.putObject("settings");
        settings.forEach(settingsNode::put);
        root.put("sublinear_tf", featurizer.sublinear());
        root.put("features", featurizer.dimension());
        ArrayNode blocks = root.putArray("blocks");
        List<long[]> vocab = new ArrayList<>();
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int b = 0; b < featurizer.blocks().size(); b++) {
            SparseFeaturizer block = featurizer.blocks().get(b);
            NgramExtractor ex = block.extractor();
            ObjectNode node = blocks.addObject();
            node.put("word_min", ex.wordMin());
            node.put("word_max", ex.wordMax());
            node.put("char_min", ex.charMin());
            node.put("char_max", ex.charMax());
            node.put("min_word_length", ex.tokenizer().minWordLength());
            node.put("features", block.dimension());
            vocab.add(((Vocabulary) block.index()).fingerprints());
            parts.add(featurizer.idf(b));
            total += block.dimension();
        }
        long[] allVocab = new long[total];
        int pos = 0;
        for (long[] v : vocab) {
            System.arraycopy(v, 0, allVocab, pos, v.length);
            pos += v.length;
        }
        parts.add(scorer.weights());
        parts.add(scorer.bias());
        LittleEndianFiles.writeLongs(dir.resolve(VOCAB), allVocab);
        LittleEndianFiles.writeFloats(dir.resolve(WEIGHTS), parts.toArray(new float[0][]));
        Json.write(dir.resolve(CONFIG), root);
    }

    /** {@code PyTorch}: the engine training ran on (prediction does not load it). */
    @Override
    public String engineName() {
        return "PyTorch";
    }
}
