package org.stancebench.model.linear;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.stancebench.model.text.SparseFeaturizer;
import org.stancebench.model.text.SparseVector;
import org.stancebench.model.text.Tokenizer;
import org.stancebench.model.text.Vocabulary;

/**
 * The {@code tfidf-logreg} classifier family: TF-IDF word 1-2-grams plus char_wb 2-5-grams into a
 * multinomial logistic regression with L2 (or, with {@code loss=hinge}, a one-vs-rest squared-hinge
 * linear SVM), trained by L-BFGS over DJL-computed objective and gradients.
 *
 * <p>Settings ({@code --set key=value}), defaults in brackets:
 * <ul>
 *   <li>{@code word_ngrams} [1-2], {@code char_ngrams} [2-5] (char_wb), either {@code 0} for off;
 *       {@code min_df} [1]; {@code sublinear_tf} [false];</li>
 *   <li>{@code loss} [logistic] or {@code hinge};</li>
 *   <li>{@code C} [auto]: inverse L2 strength as in scikit-learn; {@code auto} picks it from
 *       {@code C_grid} [0.1,0.3,1,3,10,30,100] (each fitted from zero) by the dev score ({@code tune_metric} [macro-f1-all], a metric name of {@code org.stancebench.metrics.Metrics},
 *       {@code f1:LABEL}, {@code f1:L1+L2} (mean F1 of those labels), or {@code log_loss} (lowest dev
 *       log-loss; logistic loss only)) when the dev split is non-empty, else
 *       uses {@value #DEFAULT_C};</li>
 *   <li>{@code class_weight} [auto]: {@code none}, {@code balanced} (n / (k n_c), as scikit-learn),
 *       or {@code auto} (both tried on dev; {@code none} without dev); {@code threshold} [auto]: a
 *       decision threshold on the probability of the label whose F1 {@code tune_metric} is, chosen
 *       on dev with each C and weighting ({@link org.stancebench.model.Imbalance});</li>
 *   <li>{@code max_iter} [300] L-BFGS iterations per fit; {@code tol} [1e-4]: stop when the
 *       largest gradient component of the (mean-loss) objective is below it, scikit-learn's lbfgs
 *       rule and default.</li>
 * </ul>
 * Deterministic: no random step at all (zero initialisation, full-batch L-BFGS, PyTorch on one
 * thread), so the seed does not change the model. Stateless and thread-safe.
 */
public final class TfidfLogRegFactory implements ClassifierFactory {
    /** The registered name. */
    public static final String NAME = "tfidf-logreg";
    static final double DEFAULT_C = 10.0;
    /** The {@code tune_metric} that picks C and class weights by dev log-loss (lower is better). */
    static final String LOG_LOSS = "log_loss";
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The factory (found by {@link java.util.ServiceLoader}). */
    public TfidfLogRegFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TF-IDF word 1-2-grams + char_wb 2-5-grams, L2 logistic regression (or linear SVM), trained with DJL";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        Settings s = new Settings(NAME, options.settings());
        int[] word = s.range("word_ngrams", "1-2", 9);
        int[] chars = s.range("char_ngrams", "2-5", 31);
        int minDf = s.integer("min_df", 1, 1, Integer.MAX_VALUE);
        boolean sublinear = s.bool("sublinear_tf", false);
        LinearLoss loss = LinearLoss.parse(s.string("loss", "logistic"));
        s.record("loss", loss.id());
        String cSetting = s.string("C", "auto").trim();
        List<Double> grid = s.positives("C_grid", "0.1,0.3,1,3,10,30,100");
        int maxIter = s.integer("max_iter", 300, 1, 100_000);
        double tol = s.positive("tol", 1e-4);
        String metricName = s.string("tune_metric", Metrics.MACRO_F1_ALL).trim();
        // log_loss scores the dev probabilities, not the predicted labels: a smooth criterion that
        // varies less with the few texts near the decision boundary than an F1 on a small dev split
        boolean logLoss = metricName.equals(LOG_LOSS) || metricName.equals("log-loss");
        var metric = logLoss ? null : Metrics.criterion(metricName, data.labels());
        if (logLoss && loss != LinearLoss.LOGISTIC) {
            throw new IllegalArgumentException(NAME + ": tune_metric=log_loss needs loss=logistic (a linear SVM's "
                    + "decision values are not probabilities)");
        }
        boolean tune = !data.dev().isEmpty();
        Imbalance imbalance = Imbalance.read(s, metricName, metric, data.labels(), tune);
        s.rejectUnknown("features", "dev_score", "tuned_on_dev", DecisionThreshold.LABEL_SETTING);
        if (word[1] == 0 && chars[1] == 0) {
            throw new IllegalArgumentException(NAME + ": word_ngrams and char_ngrams are both off");
        }
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the training split is empty");
        }
        List<Double> cs;
        if (cSetting.equalsIgnoreCase("auto")) {
            cs = tune ? grid.stream().sorted().toList() : List.of(DEFAULT_C);
        } else {
            cs = List.of(s.positive("C", DEFAULT_C));
        }
        List<String> weightings = imbalance.weightings();

        List<NgramExtractor> extractors = new ArrayList<>();
        if (word[1] > 0) {
            extractors.add(new NgramExtractor(Tokenizer.SKLEARN_LIKE, word[0], word[1], 0, 0));
        }
        if (chars[1] > 0) {
            extractors.add(new NgramExtractor(Tokenizer.SKLEARN_LIKE, 0, 0, chars[0], chars[1]));
        }
        List<String> labels = data.labels();
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        List<String> texts = data.train().stream().map(LabeledText::text).toList();
        int[] y = data.train().stream().mapToInt(t -> labelIndex.get(t.label())).toArray();
        long start = System.nanoTime();
        TfidfFeaturizer featurizer = TfidfFeaturizer.fit(texts, extractors, minDf, sublinear);
        List<SparseVector> rows = featurizer.transformAll(texts);
        int[] devGold = data.dev().stream().mapToInt(t -> labelIndex.get(t.label())).toArray();
        List<SparseVector> devRows = featurizer.transformAll(data.dev().stream().map(LabeledText::text).toList());
        options.progress().accept(String.format(Locale.ROOT, "%s: %d training texts, %d features (featurized in %.1f s)",
                NAME, texts.size(), featurizer.dimension(), (System.nanoTime() - start) / 1e9));

        int k = labels.size();
        int dim = featurizer.dimension();
        Lbfgs lbfgs = new Lbfgs(10, maxIter, tol);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestC = cs.get(0);
        Imbalance.Choice bestChoice = imbalance.unscored(weightings.get(0));
        try (TorchThreads t = TorchThreads.singleThreaded(options.seed())) {
            for (String weighting : weightings) {
                double[] sampleWeight = sampleWeights(y, k, weighting);
                try (DjlSparseLinear objective = new DjlSparseLinear(rows, y, sampleWeight, dim, k, loss)) {
                    for (double c : cs) {
                        // Every C starts from zero, not from the previous solution: with the mean-loss
                        // objective a warm start from a neighbouring C can already meet the gradient
                        // tolerance, which would return the neighbour's model unchanged. Cold starts
                        // also make a model equal to a fresh fit with its reported C.
                        double[] x = new double[dim * k + k];
                        objective.setC(c);
                        long t0 = System.nanoTime();
                        long cpu0 = CPU.getCurrentThreadCpuTime();
                        Lbfgs.Result r = lbfgs.minimize(objective::evaluate, x, options.progress());
                        Imbalance.Choice choice = !tune || logLoss ? imbalance.unscored(weighting)
                                : imbalance.score(weighting, probabilities(x, dim, k, devRows), devGold);
                        double score = !tune ? 0.0 : logLoss ? -logLoss(x, dim, k, devRows, devGold) : choice.score();
                        options.progress().accept(String.format(Locale.ROOT,
                                "%s: C=%g class_weight=%s%s: %d iterations, objective %.6f, %.1f s (%.1f s CPU)%s", NAME, c,
                                weighting, choice.threshold().active() ? " threshold=" + choice.threshold().value() : "",
                                r.iterations(), r.value(), (System.nanoTime() - t0) / 1e9,
                                (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9,
                                tune ? String.format(Locale.ROOT, ", dev %s %.4f", metricName, score) : ""));
                        if (best == null || score > bestScore) {
                            best = x.clone();
                            bestScore = score;
                            bestC = c;
                            bestChoice = choice;
                        }
                    }
                }
            }
        }
        s.record("C", Double.toString(bestC));
        Map<String, String> settings = new TreeMap<>(s.resolved());
        bestChoice.putInto(settings, labels);
        settings.put("tuned_on_dev", Boolean.toString(tune && (cs.size() > 1 || weightings.size() > 1)));
        if (tune) {
            settings.put("dev_score", String.format(Locale.ROOT, "%.4f", bestScore));
        }
        settings.put("features", Integer.toString(dim));
        return new TfidfLogRegClassifier(labels, settings, featurizer, toScorer(best, dim, k));
    }

    static double[] sampleWeights(int[] y, int k, String weighting) {
        return Imbalance.sampleWeights(y, k, weighting);
    }

    /** Mean negative log-likelihood of the gold labels (natural log), scikit-learn's {@code log_loss}. */
    static double logLoss(double[] x, int dim, int k, List<SparseVector> rows, int[] gold) {
        LinearScorer scorer = toScorer(x, dim, k);
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            SparseVector r = rows.get(i);
            scorer.probabilities(r.indices(), r.values(), r.size(), p);
            sum -= Math.log(Math.max(p[gold[i]], 1e-15)); // scikit-learn clips at eps as well
        }
        return sum / rows.size();
    }

    /** The dev probabilities of the weights {@code x}, as the trained model would give them before any threshold. */
    private static double[][] probabilities(double[] x, int dim, int k, List<SparseVector> rows) {
        LinearScorer scorer = toScorer(x, dim, k);
        double[][] out = new double[rows.size()][k];
        for (int i = 0; i < rows.size(); i++) {
            SparseVector r = rows.get(i);
            scorer.probabilities(r.indices(), r.values(), r.size(), out[i]);
        }
        return out;
    }

    static LinearScorer toScorer(double[] x, int dim, int k) {
        float[] w = new float[dim * k];
        float[] b = new float[k];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) x[i];
        }
        for (int c = 0; c < k; c++) {
            b[c] = (float) x[dim * k + c];
        }
        return new LinearScorer(w, b);
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        Path configFile = dir.resolve(TfidfLogRegClassifier.CONFIG);
        ModelConfig config = ModelConfig.read(configFile, TfidfLogRegClassifier.FORMAT);
        JsonNode root = config.root();
        List<String> labels = config.labels();
        Map<String, String> settings = new TreeMap<>(config.settings());
        boolean sublinear = root.path("sublinear_tf").asBoolean(false);
        JsonNode blocks = root.path("blocks");
        if (!blocks.isArray() || blocks.isEmpty()) {
            throw new IOException(configFile + ": field 'blocks' is missing or empty");
        }
        long total = 0;
        for (JsonNode b : blocks) {
            total += b.path("features").asLong(-1);
            if (b.path("features").asLong(-1) < 0) {
                throw new IOException(configFile + ": a block has no valid 'features' count");
            }
        }
        if (total != root.path("features").asLong(-1)) {
            throw new IOException(configFile + ": field 'features' (" + root.path("features").asText()
                    + ") differs from the sum over blocks (" + total + ")");
        }
        int dim = Math.toIntExact(total);
        int k = labels.size();
        long[] vocab = LittleEndianFiles.readLongs(dir.resolve(TfidfLogRegClassifier.VOCAB), dim);
        float[] all = LittleEndianFiles.readFloats(dir.resolve(TfidfLogRegClassifier.WEIGHTS),
                (long) dim + (long) dim * k + k);
        List<SparseFeaturizer> featurizers = new ArrayList<>();
        List<float[]> idfs = new ArrayList<>();
        int pos = 0;
        for (JsonNode b : blocks) {
            int size = b.path("features").asInt();
            NgramExtractor ex;
            Vocabulary vocabulary;
            try {
                ex = new NgramExtractor(new Tokenizer(b.path("min_word_length").asInt(2)), b.path("word_min").asInt(),
                        b.path("word_max").asInt(), b.path("char_min").asInt(), b.path("char_max").asInt());
                vocabulary = Vocabulary.of(Arrays.copyOfRange(vocab, pos, pos + size));
            } catch (IllegalArgumentException e) {
                throw new IOException(configFile + " / " + TfidfLogRegClassifier.VOCAB + ": " + e.getMessage(), e);
            }
            featurizers.add(new SparseFeaturizer(ex, vocabulary));
            idfs.add(Arrays.copyOfRange(all, pos, pos + size));
            pos += size;
        }
        float[] w = Arrays.copyOfRange(all, dim, dim + dim * k);
        float[] bias = Arrays.copyOfRange(all, dim + dim * k, dim + dim * k + k);
        try {
            return new TfidfLogRegClassifier(labels, settings, new TfidfFeaturizer(featurizers, idfs, sublinear),
                    new LinearScorer(w, bias));
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
    }
}
