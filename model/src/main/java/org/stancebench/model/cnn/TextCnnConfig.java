package org.stancebench.model.cnn;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.model.Imbalance;
import org.stancebench.model.Settings;

/**
 * The hyper-parameters of a {@code textcnn} model and its training.
 *
 * @param embeddingDim word embedding size
 * @param filters feature maps per filter width
 * @param widths filter widths (Kim 2014: 3, 4, 5)
 * @param dropout dropout rate on the pooled features during training
 * @param maxTokens tokens kept per text
 * @param minCount least training frequency of a vocabulary word
 * @param maxVocab largest vocabulary, padding and unknown included
 * @param epochs most passes over the training set
 * @param patience epochs without development improvement before stopping (with a development set)
 * @param batchSize examples per Adam step
 * @param learningRate Adam's step size
 * @param weightDecay L2 coefficient
 * @param trainThreads PyTorch intra-op threads while training (prediction is plain Java)
 */
record TextCnnConfig(int embeddingDim, int filters, int[] widths, double dropout, int maxTokens, int minCount,
                     int maxVocab, int epochs, int patience, int batchSize, double learningRate,
                     double weightDecay, int trainThreads) {

    TextCnnConfig {
        widths = widths.clone();
        if (embeddingDim < 1 || filters < 1 || widths.length == 0 || maxTokens < 1 || minCount < 1
                || maxVocab < 2 || epochs < 1 || patience < 1 || batchSize < 1 || trainThreads < 1) {
            throw new IllegalArgumentException("textcnn: embeddingDim, filters, widths, maxTokens, minCount, "
                    + "epochs, patience, batchSize and trainThreads must be positive, maxVocab at least 2");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("textcnn: filter widths must be positive, got " + Arrays.toString(widths));
            }
        }
        if (!(dropout >= 0 && dropout < 1) || !(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("textcnn: dropout must be in [0, 1), learningRate positive, "
                    + "weightDecay non-negative");
        }
    }

    /** Defaults, smaller than Kim's (300-d embeddings, 100 filters) to train in seconds on 2 cores. */
    static TextCnnConfig defaults() {
        return new TextCnnConfig(64, 64, new int[] {3, 4, 5}, 0.5, 100, 1, 50_000, 12, 3, 32, 2e-3, 0, 1);
    }

    int maxWidth() {
        return Arrays.stream(widths).max().orElseThrow();
    }

    int features() {
        return filters * widths.length;
    }

    /**
     * Defaults overridden by {@code settings}; unknown keys and bad values are refused by name. The
     * imbalance settings ({@link Imbalance#KEYS}) are not part of the network's configuration and are
     * left to {@link Imbalance}.
     */
    static TextCnnConfig from(Map<String, String> settings) {
        Map<String, String> own = new TreeMap<>(settings);
        own.keySet().removeAll(Imbalance.KEYS);
        Settings s = new Settings("textcnn", own);
        TextCnnConfig d = defaults();
        int max = Integer.MAX_VALUE;
        TextCnnConfig config = new TextCnnConfig(
                s.integer("embeddingDim", d.embeddingDim(), 1, max), s.integer("filters", d.filters(), 1, max),
                s.integers("widths", String.join(",", Arrays.stream(d.widths()).mapToObj(Integer::toString).toList())),
                s.real("dropout", d.dropout()), s.integer("maxTokens", d.maxTokens(), 1, max),
                s.integer("minCount", d.minCount(), 1, max), s.integer("maxVocab", d.maxVocab(), 2, max),
                s.integer("epochs", d.epochs(), 1, max), s.integer("patience", d.patience(), 1, max),
                s.integer("batchSize", d.batchSize(), 1, max), s.real("learningRate", d.learningRate()),
                s.real("weightDecay", d.weightDecay()), s.integer("trainThreads", d.trainThreads(), 1, max));
        s.rejectUnknown();
        return config;
    }

    /** Every setting by name, as strings, sorted. */
    Map<String, String> asSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put("embeddingDim", Integer.toString(embeddingDim));
        m.put("filters", Integer.toString(filters));
        m.put("widths", String.join(",", Arrays.stream(widths).mapToObj(Integer::toString).toList()));
        m.put("dropout", Double.toString(dropout));
        m.put("maxTokens", Integer.toString(maxTokens));
        m.put("minCount", Integer.toString(minCount));
        m.put("maxVocab", Integer.toString(maxVocab));
        m.put("epochs", Integer.toString(epochs));
        m.put("patience", Integer.toString(patience));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("learningRate", Double.toString(learningRate));
        m.put("weightDecay", Double.toString(weightDecay));
        m.put("trainThreads", Integer.toString(trainThreads));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextCnnConfig c && asSettings().equals(c.asSettings());
    }

    @Override
    public int hashCode() {
        return asSettings().hashCode();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }
}
