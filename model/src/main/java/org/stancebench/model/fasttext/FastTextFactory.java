package org.stancebench.model.fasttext;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.metrics.Metrics;
import org.stancebench.model.DecisionThreshold;
import org.stancebench.model.Imbalance;
import org.stancebench.model.Settings;
import org.stancebench.model.TorchThreads;
import org.stancebench.model.store.LittleEndianFiles;
import org.stancebench.model.store.ModelConfig;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.SparseVector;
import org.stancebench.model.text.Tokenizer;
import org.stancebench.model.text.Vocabulary;

/**
 * The {@code fasttext} classifier family: the fastText architecture (Joulin et al. 2017), averaged
 * embeddings of words, hashed word n-grams and optionally hashed character n-grams into a linear
 * softmax, trained in DJL by SGD with a linearly decaying learning rate.
 *
 * <p>Settings ({@code --set key=value}), defaults in brackets, fastText's names:
 * <ul>
 *   <li>{@code dim} [100]; {@code wordNgrams} [2]; {@code minCount} [1] (documents, not
 *       occurrences); {@code minn}/{@code maxn} [0/0: off] char_wb n-grams;</li>
 *   <li>{@code bucket} [262144 = 2^18]: fastText's default 2,000,000 buckets x dim 100 floats is
 *       800 MB of weights, almost all never touched on corpora of thousands of texts; 2^18 keeps
 *       the model at about 100 MB in memory, and only the rows training touches are saved;</li>
 *   <li>{@code lr} [auto] and {@code epoch} [auto]: with a non-empty dev split, picked by dev
 *       score ({@code tune_metric} [macro-f1-all], or any metric name of {@code org.stancebench.metrics.Metrics}, for example {@code f1:LABEL}) from {@code lr_grid} [0.1,0.25,0.5,1.0] x {@code epoch_grid} [5,10,25]; without
 *       dev, lr 0.5 and 25 epochs (fastText's 0.1 and 5 are tuned for millions of lines and leave
 *       small data under-fitted);</li>
 *   <li>{@code batch} [16] examples per SGD step (fastText steps on one example at a time);</li>
 *   <li>{@code class_weight} [auto] and {@code threshold} [auto] ({@link Imbalance}): every lr x
 *       epoch point is fitted with each weighting, and the best dev score picks all three.</li>
 * </ul>
 * Tokens are this project's {@link Tokenizer} with single characters kept (lower-cased Unicode
 * words and emoji), not fastText's whitespace split. Deterministic for a given seed. Stateless.
 */
public final class FastTextFactory implements ClassifierFactory {
    /** The registered name. */
    public static final String NAME = "fasttext";
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The factory (found by {@link java.util.ServiceLoader}). */
    public FastTextFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "fastText architecture: averaged word + hashed bigram embeddings into a linear softmax, trained with DJL";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        Settings s = new Settings(NAME, options.settings());
        int dim = s.integer("dim", 100, 1, 1024);
        int wordNgrams = s.integer("wordNgrams", 2, 1, 9);
        int minCount = s.integer("minCount", 1, 1, Integer.MAX_VALUE);
        int minn = s.integer("minn", 0, 0, 31);
        int maxn = s.integer("maxn", 0, 0, 31);
        int buckets = s.integer("bucket", 1 << 18, 1, 1 << 24);
        int batch = s.integer("batch", 16, 1, 4096);
        String lrSetting = s.string("lr", "auto").trim();
        String epochSetting = s.string("epoch", "auto").trim();
        List<Double> lrGrid = s.positives("lr_grid", "0.1,0.25,0.5,1.0");
        List<Double> epochGrid = s.positives("epoch_grid", "5,10,25");
        String metricName = s.string("tune_metric", Metrics.MACRO_F1_ALL).trim();
        var metric = Metrics.criterion(metricName, data.labels());
        Imbalance imbalance = Imbalance.read(s, metricName, metric, data.labels(), !data.dev().isEmpty());
        s.rejectUnknown("dev_score", "tuned_on_dev", "seed", DecisionThreshold.LABEL_SETTING);
        if ((minn == 0) != (maxn == 0) || maxn < minn) {
            throw new IllegalArgumentException(NAME + ": minn and maxn must both be 0 (off) or 1 <= minn <= maxn, got "
                    + minn + " and " + maxn);
        }
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the training split is empty");
        }
        boolean tune = !data.dev().isEmpty();
        List<Double> lrs = lrSetting.equalsIgnoreCase("auto") ? (tune ? lrGrid : List.of(0.5))
                : List.of(s.positive("lr", 0.5));
        List<Integer> epochs = new ArrayList<>();
        if (epochSetting.equalsIgnoreCase("auto")) {
            for (double e : tune ? epochGrid : List.of(25.0)) {
                epochs.add(checkEpoch(e));
            }
        } else {
            epochs.add(s.integer("epoch", 25, 1, 10_000));
        }

        NgramExtractor extractor = new NgramExtractor(new Tokenizer(1), 1, wordNgrams, minn, maxn);
        List<String> labels = data.labels();
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        List<String> texts = data.train().stream().map(LabeledText::text).toList();
        int[] y = data.train().stream().mapToInt(t -> labelIndex.get(t.label())).toArray();
        Vocabulary words = Vocabulary.fit(texts, FastTextFeaturizer.unigrams(extractor), minCount);
        FastTextFeaturizer featurizer = new FastTextFeaturizer(extractor, words, buckets);
        List<SparseVector> rows = featurizer.featurizeAll(texts);
        List<SparseVector> devRows = featurizer.featurizeAll(data.dev().stream().map(LabeledText::text).toList());
        int[] devGold = data.dev().stream().mapToInt(t -> labelIndex.get(t.label())).toArray();
        options.progress().accept(String.format(Locale.ROOT, "%s: %d training texts, %d words, %d buckets, dim %d",
                NAME, texts.size(), words.size(), buckets, dim));

        FastTextTrainer.Weights best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestLr = lrs.get(0);
        int bestEpoch = epochs.get(0);
        Imbalance.Choice bestChoice = imbalance.unscored(imbalance.weightings().get(0));
        try (TorchThreads t = TorchThreads.singleThreaded(options.seed())) {
            for (String weighting : imbalance.weightings()) {
                float[] classWeights = floats(Imbalance.classWeights(y, labels.size(), weighting));
                for (int epoch : epochs) {
                    for (double lr : lrs) {
                        long t0 = System.nanoTime();
                        long cpu0 = CPU.getCurrentThreadCpuTime();
                        FastTextTrainer.Weights w = FastTextTrainer.train(rows, y, labels.size(), featurizer.rows(),
                                new FastTextTrainer.Config(dim, lr, epoch, batch, options.seed()), classWeights,
                                message -> { });
                        Imbalance.Choice choice = imbalance.unscored(weighting);
                        if (tune) {
                            FastTextScorer scorer = new FastTextScorer(w.input(), w.output(), dim, labels.size());
                            double[][] devProbs = new double[devRows.size()][labels.size()];
                            float[] hidden = new float[scorer.scratchLength()];
                            for (int i = 0; i < devProbs.length; i++) {
                                SparseVector r = devRows.get(i);
                                scorer.probabilities(r.indices(), r.values(), r.size(), hidden, devProbs[i]);
                            }
                            choice = imbalance.score(weighting, devProbs, devGold);
                        }
                        double score = choice.score();
                        options.progress().accept(String.format(Locale.ROOT, "%s: lr=%g epoch=%d class_weight=%s%s: %.1f s "
                                + "(%.1f s CPU)%s", NAME, lr, epoch, weighting,
                                choice.threshold().active() ? " threshold=" + choice.threshold().value() : "",
                                (System.nanoTime() - t0) / 1e9, (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9,
                                tune ? String.format(Locale.ROOT, ", dev %s %.4f", metricName, score) : ""));
                        if (best == null || score > bestScore) {
                            best = w;
                            bestScore = score;
                            bestLr = lr;
                            bestEpoch = epoch;
                            bestChoice = choice;
                        }
                    }
                }
            }
        }
        s.record("lr", Double.toString(bestLr));
        s.record("epoch", Integer.toString(bestEpoch));
        Map<String, String> settings = new TreeMap<>(s.resolved());
        bestChoice.putInto(settings, labels);
        settings.put("tuned_on_dev", Boolean.toString(tune && lrs.size() * epochs.size() * imbalance.weightings().size() > 1));
        if (tune) {
            settings.put("dev_score", String.format(Locale.ROOT, "%.4f", bestScore));
        }
        settings.put("seed", Long.toString(options.seed()));
        return new FastTextClassifier(labels, settings, featurizer,
                new FastTextScorer(best.input(), best.output(), dim, labels.size()).compact(best.touched(), options.seed()),
                options.seed());
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static int checkEpoch(double e) {
        if (e != Math.rint(e) || e < 1 || e > 10_000) {
            throw new IllegalArgumentException(NAME + ": epoch_grid values must be integers in [1, 10000], got " + e);
        }
        return (int) e;
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        Path configFile = dir.resolve(FastTextClassifier.CONFIG);
        ModelConfig config = ModelConfig.read(configFile, FastTextClassifier.FORMAT);
        JsonNode root = config.root();
        List<String> labels = config.labels();
        Map<String, String> settings = new TreeMap<>(config.settings());
        int dim = positiveField(root, "dim", configFile);
        int words = nonNegativeField(root, "words", configFile);
        int buckets = positiveField(root, "buckets", configFile);
        int stored = nonNegativeField(root, "stored_rows", configFile);
        long initSeed = root.path("init_seed").asLong();
        int k = labels.size();
        FastTextFeaturizer featurizer;
        try {
            NgramExtractor ex = new NgramExtractor(new Tokenizer(root.path("min_word_length").asInt(1)), 1,
                    root.path("word_ngrams").asInt(1), root.path("minn").asInt(0), root.path("maxn").asInt(0));
            featurizer = new FastTextFeaturizer(ex,
                    Vocabulary.of(LittleEndianFiles.readLongs(dir.resolve(FastTextClassifier.VOCAB), words)), buckets);
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
        int inputRows = featurizer.rows();
        if (stored > inputRows) {
            throw new IOException(configFile + ": stored_rows " + stored + " exceeds the " + inputRows + " input rows");
        }
        long[] rowIds = LittleEndianFiles.readLongs(dir.resolve(FastTextClassifier.ROWS), stored);
        float[] weights = LittleEndianFiles.readFloats(dir.resolve(FastTextClassifier.WEIGHTS),
                (long) stored * dim + (long) dim * k);
        for (int i = 0; i < stored; i++) {
            long r = rowIds[i];
            if (r < 0 || r >= inputRows || (i > 0 && r <= rowIds[i - 1])) {
                throw new IOException(dir.resolve(FastTextClassifier.ROWS) + ": entry " + i + " (" + r
                        + ") is out of range or not ascending");
            }
        }
        float[] rows = java.util.Arrays.copyOfRange(weights, 0, stored * dim);
        float[] output = java.util.Arrays.copyOfRange(weights, stored * dim, stored * dim + dim * k);
        try {
            return new FastTextClassifier(labels, settings, featurizer,
                    FastTextScorer.compact(rowIds, rows, inputRows, initSeed, output, dim, k), initSeed);
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
    }

    private static int positiveField(JsonNode root, String field, Path file) throws IOException {
        int v = root.path(field).asInt(-1);
        if (v < 1) {
            throw new IOException(file + ": field '" + field + "' is missing or not a positive integer");
        }
        return v;
    }

    private static int nonNegativeField(JsonNode root, String field, Path file) throws IOException {
        int v = root.path(field).asInt(-1);
        if (v < 0) {
            throw new IOException(file + ": field '" + field + "' is missing or negative");
        }
        return v;
    }
}
