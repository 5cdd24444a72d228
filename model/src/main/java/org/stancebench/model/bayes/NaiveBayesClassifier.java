package org.stancebench.model.bayes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stancebench.api.Classifier;
import org.stancebench.api.Probabilities;
import org.stancebench.io.Json;
import org.stancebench.model.ClassCounts;
import org.stancebench.model.DecisionThreshold;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.SparseFeaturizer;
import org.stancebench.model.text.Tokenizer;
import org.stancebench.model.text.Vocabulary;

/**
 * A trained multinomial naive Bayes model over n-gram counts.
 *
 * <p>For a text with n-gram counts x, the score of label c is
 * {@code log P(c) + sum_f x_f log theta_cf}, with {@code P(c) = N_c / N} the training class
 * frequency (as scikit-learn's {@code MultinomialNB(fit_prior=True)}: a label absent from training
 * gets probability 0) and {@code theta_cf = (N_cf + alpha) / (N_c' + alpha V)}, where N_cf counts
 * n-gram f in label c's training texts, N_c' all n-grams of label c and V the vocabulary size.
 * With {@code class_weight=balanced} every count of label c is weighted by {@code n / (k N_c)} (so
 * the prior is uniform over the k labels present), as scikit-learn's {@code sample_weight} does, and
 * a decision threshold in the settings is applied last ({@link DecisionThreshold}).
 * Probabilities are the softmax of the scores, computed by subtracting the largest score. N-grams
 * outside the training vocabulary are ignored, so a text with none of them gets the prior.
 *
 * <p>Saved as {@value #STATE} ({@code {"format": 1, "settings": {...}, "prior": {"labels": [...],
 * "counts": [...]}, "alpha": ..., "vocabularySize": V}}) and {@value #COUNTS}, big-endian binary:
 * the magic bytes {@code SBNB}, int format 1, int label count C, int V, then V longs (the n-gram
 * fingerprints of {@link Vocabulary}, strictly ascending), then C rows of V ints (N_cf). Model
 * parameters are recomputed from the integer counts on load exactly as after training, so a loaded
 * model predicts bit for bit what the trained one did.
 */
final class NaiveBayesClassifier implements Classifier {
    static final String STATE = "naive-bayes.json";
    static final String COUNTS = "counts.bin";
    private static final int MAGIC = 0x53424E42; // "SBNB"

    /** The saved state besides the counts. */
    record State(int format, SortedMap<String, String> settings, ClassCounts prior, double alpha, int vocabularySize) {
        State {
            if (format != 1) {
                throw new IllegalArgumentException("format: unsupported " + format + " (expected 1)");
            }
            Objects.requireNonNull(settings, "settings: missing");
            settings = new TreeMap<>(settings);
            Objects.requireNonNull(prior, "prior: missing");
            if (!Double.isFinite(alpha) || alpha <= 0) {
                throw new IllegalArgumentException("alpha: must be finite and > 0, got " + alpha);
            }
            if (vocabularySize < 0) {
                throw new IllegalArgumentException("vocabularySize: negative");
            }
        }
    }

    private final State state;
    private final Vocabulary vocabulary;
    private final int[][] counts;
    private final SparseFeaturizer featurizer;
    private final double[] logPrior;
    /** log theta, feature-major: {@code [f * labels + c]}, so one text's lookups stay close. */
    private final double[] logTheta;
    private final ThreadLocal<SparseFeaturizer.Scratch> scratch;
    private final DecisionThreshold threshold;

    NaiveBayesClassifier(State state, Vocabulary vocabulary, int[][] counts) {
        this.state = state;
        this.vocabulary = vocabulary;
        this.counts = counts;
        NaiveBayesSettings settings = NaiveBayesSettings.of(state.settings());
        this.featurizer = new SparseFeaturizer(settings.extractor(), vocabulary);
        int labels = state.prior().labels().size();
        int v = vocabulary.size();
        long total = state.prior().total();
        boolean balanced = settings.classWeight().equals("balanced");
        long present = state.prior().counts().stream().filter(n -> n > 0).count();
        this.logPrior = new double[labels];
        this.logTheta = new double[v * labels];
        for (int c = 0; c < labels; c++) {
            long nc = state.prior().counts().get(c);
            // balanced: every example weighs n / (k n_c), so each present label's weighted count is n / k
            double weight = balanced && nc > 0 ? (double) total / ((double) present * nc) : 1.0;
            logPrior[c] = nc == 0 ? Double.NEGATIVE_INFINITY : balanced ? -Math.log(present) : Math.log(nc) - Math.log(total);
            long sum = 0;
            for (int f = 0; f < v; f++) {
                sum += counts[c][f];
            }
            double logDenominator = Math.log(weight * sum + state.alpha() * v);
            for (int f = 0; f < v; f++) {
                logTheta[f * labels + c] = Math.log(weight * counts[c][f] + state.alpha()) - logDenominator;
            }
        }
        this.scratch = ThreadLocal.withInitial(featurizer::newScratch);
        this.threshold = DecisionThreshold.fromSettings(state.settings(), state.prior().labels());
    }

    /** A copy of this model with another smoothing {@code alpha}, for tuning. */
    NaiveBayesClassifier withAlpha(double alpha, SortedMap<String, String> settings) {
        return new NaiveBayesClassifier(new State(1, settings, state.prior(), alpha, state.vocabularySize()),
                vocabulary, counts);
    }

    double alpha() {
        return state.alpha();
    }

    int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public String name() {
        return NaiveBayesFactory.NAME;
    }

    @Override
    public List<String> labels() {
        return state.prior().labels();
    }

    @Override
    public Map<String, String> settings() {
        return state.settings();
    }

    @Override
    public double[] predictProba(String text) {
        Objects.requireNonNull(text, "text");
        SparseFeaturizer.Scratch s = scratch.get();
        int n = featurizer.featurize(text, s);
        int[] indices = s.indices();
        float[] values = s.values();
        int labels = logPrior.length;
        double[] score = logPrior.clone();
        for (int i = 0; i < n; i++) {
            int base = indices[i] * labels;
            double x = values[i];
            for (int c = 0; c < labels; c++) {
                score[c] += x * logTheta[base + c];
            }
        }
        Probabilities.softmaxInPlace(score);
        threshold.apply(score);
        return score;
    }

    @Override
    public void save(Path dir) throws IOException {
        Json.write(dir.resolve(STATE), state);
        try (OutputStream file = Files.newOutputStream(dir.resolve(COUNTS));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(1);
            out.writeInt(counts.length);
            out.writeInt(vocabulary.size());
            for (long fp : vocabulary.fingerprints()) {
                out.writeLong(fp);
            }
            for (int[] row : counts) {
                for (int value : row) {
                    out.writeInt(value);
                }
            }
        }
    }

    static NaiveBayesClassifier load(Path dir) throws IOException {
        State state = Json.read(dir.resolve(STATE), State.class);
        try {
            NaiveBayesSettings.of(state.settings());
            DecisionThreshold.fromSettings(state.settings(), state.prior().labels());
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(STATE) + ": " + e.getMessage(), e);
        }
        Path file = dir.resolve(COUNTS);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        int labels = state.prior().labels().size();
        int v = state.vocabularySize();
        long expectedLength = 16L + 8L * v + 4L * labels * v;
        long length = Files.size(file);
        if (length != expectedLength) {
            throw new IOException(file + ": " + length + " bytes, expected " + expectedLength + " for " + labels
                    + " labels and " + v + " features");
        }
        try (InputStream in = Files.newInputStream(file);
             DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            if (data.readInt() != MAGIC) {
                throw new IOException(file + ": not a naive-bayes counts file (bad magic bytes)");
            }
            int format = data.readInt();
            if (format != 1) {
                throw new IOException(file + ": unsupported format " + format + " (expected 1)");
            }
            int c = data.readInt();
            int size = data.readInt();
            if (c != labels || size != v) {
                throw new IOException(file + ": holds " + c + " labels x " + size + " features, but " + STATE
                        + " says " + labels + " x " + v);
            }
            long[] fingerprints = new long[v];
            for (int f = 0; f < v; f++) {
                fingerprints[f] = data.readLong();
            }
            Vocabulary vocabulary;
            try {
                vocabulary = Vocabulary.of(fingerprints);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            int[][] counts = new int[labels][v];
            for (int k = 0; k < labels; k++) {
                for (int f = 0; f < v; f++) {
                    int value = data.readInt();
                    if (value < 0) {
                        throw new IOException(file + ": negative count for label " + state.prior().labels().get(k)
                                + ", feature " + f);
                    }
                    counts[k][f] = value;
                }
            }
            return new NaiveBayesClassifier(state, vocabulary, counts);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
    }

    /** The featurizer's extractor settings, for tests. */
    NgramExtractor extractor() {
        return featurizer.extractor();
    }

    /** The tokenizer in use, for tests. */
    Tokenizer tokenizer() {
        return featurizer.extractor().tokenizer();
    }
}
