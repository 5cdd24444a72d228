package org.stancebench.model.fasttext;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
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

/**
 * A trained {@code fasttext} model: a {@link FastTextFeaturizer} and a {@link FastTextScorer},
 * predicting in plain Java (no DJL at inference). Its weights come from DJL (PyTorch), so it is
 * {@link DjlBacked}: provenance records the engine that trained it.
 *
 * <p>Immutable and thread-safe (per-thread scratch space). Held and saved compactly: only the input
 * rows training changed are kept and written; the others keep their initial values, which the scorer
 * recomputes from the initialisation seed when a text uses them, so a loaded model predicts exactly
 * the same values.
 */
public final class FastTextClassifier implements Classifier, DjlBacked {
    static final String FORMAT = "stancebench-fasttext/1";
    static final String CONFIG = "config.json";
    static final String VOCAB = "vocab.bin";
    static final String ROWS = "rows.bin";
    static final String WEIGHTS = "weights.bin";

    private final List<String> labels;
    private final Map<String, String> settings;
    private final FastTextFeaturizer featurizer;
    private final FastTextScorer scorer;
    private final long initSeed;
    private final ThreadLocal<Scratch> scratch;
    private final DecisionThreshold threshold;

    private record Scratch(SparseFeaturizer.Scratch features, float[] hidden) {
    }

    FastTextClassifier(List<String> labels, Map<String, String> settings, FastTextFeaturizer featurizer,
                       FastTextScorer scorer, long initSeed) {
        if (scorer.classes() != labels.size() || scorer.rows() != featurizer.rows()) {
            throw new IllegalArgumentException("scorer has " + scorer.classes() + " classes x " + scorer.rows()
                    + " rows; expected " + labels.size() + " x " + featurizer.rows());
        }
        this.labels = List.copyOf(labels);
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        this.featurizer = featurizer;
        this.scorer = scorer;
        this.initSeed = initSeed;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(featurizer.newScratch(), new float[scorer.scratchLength()]));
        this.threshold = DecisionThreshold.fromSettings(settings, labels);
    }

    @Override
    public String name() {
        return FastTextFactory.NAME;
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
    public FastTextFeaturizer featurizer() {
        return featurizer;
    }

    /** The forward-pass stage (for benchmarks and tests). */
    public FastTextScorer scorer() {
        return scorer;
    }

    @Override
    public double[] predictProba(String text) {
        Scratch s = scratch.get();
        int n = featurizer.featurize(text, s.features());
        double[] out = new double[labels.size()];
        scorer.probabilities(s.features().indices(), s.features().values(), n, s.hidden(), out);
        threshold.apply(out);
        return out;
    }

    @Override
    public void save(Path dir) throws IOException {
        int dim = scorer.dim();
        long[] rowIds = scorer.storedRowIds();
        float[] rows = scorer.storedWeights();
        int stored = rowIds.length;
        NgramExtractor ex = featurizer.extractor();
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ArrayNode labelNode = root.putArray("labels");
        labels.forEach(labelNode::add);
        ObjectNode settingsNode = root.putObject("settings");
        settings.forEach(settingsNode::put);
        root.put("dim", dim);
        root.put("words", featurizer.words().size());
        root.put("buckets", featurizer.buckets());
        root.put("word_ngrams", ex.wordMax());
        root.put("minn", ex.charMin());
        root.put("maxn", ex.charMax());
        root.put("min_word_length", ex.tokenizer().minWordLength());
        root.put("init_seed", initSeed);
        root.put("stored_rows", stored);
        LittleEndianFiles.writeLongs(dir.resolve(VOCAB), featurizer.words().fingerprints());
        LittleEndianFiles.writeLongs(dir.resolve(ROWS), rowIds);
        LittleEndianFiles.writeFloats(dir.resolve(WEIGHTS), rows, scorer.output());
        Json.write(dir.resolve(CONFIG), root);
    }

    /** {@code PyTorch}: the engine training ran on (prediction does not load it). */
    @Override
    public String engineName() {
        return "PyTorch";
    }
}
