package org.stancebench.model.bayes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.ClassCounts;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.SparseFeaturizer;
import org.stancebench.model.text.Vocabulary;

/**
 * Registers the {@code naive-bayes} classifier (see {@link NaiveBayesClassifier}).
 *
 * <p>Settings: {@code alpha} (additive smoothing, default 1; {@code auto} picks the value in
 * {@link #ALPHAS} with the highest development log-likelihood, ties to the first, or 1 without a
 * development split), {@code word-ngrams} (default {@code 1-2}), {@code char-ngrams} (scikit-learn
 * {@code char_wb}, default {@code 2-4}; either may be {@code off}), {@code min-word-length}
 * (default 2, as scikit-learn's token pattern) and {@code min-df} (minimum document frequency of a
 * kept n-gram, default 1). Word and character n-gram counts enter one multinomial. Training uses
 * only the training split (the development split only for {@code alpha=auto}); nothing is random,
 * so the seed is not used.
 */
public final class NaiveBayesFactory implements ClassifierFactory {
    static final String NAME = "naive-bayes";
    static final double[] ALPHAS = {0.01, 0.03, 0.1, 0.3, 1, 3};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "multinomial naive Bayes over word 1-2-gram and character 2-4-gram counts";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        NaiveBayesSettings settings = NaiveBayesSettings.of(options.settings());
        ClassCounts prior = ClassCounts.of(data);
        NgramExtractor extractor = settings.extractor();
        List<String> texts = data.train().stream().map(LabeledText::text).toList();
        Vocabulary vocabulary = Vocabulary.fit(texts, extractor, settings.minDf());
        options.progress().accept(NAME + ": " + vocabulary.size() + " n-grams from " + texts.size() + " training texts");
        SparseFeaturizer featurizer = new SparseFeaturizer(extractor, vocabulary);
        SparseFeaturizer.Scratch scratch = featurizer.newScratch();
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < data.labels().size(); i++) {
            labelIndex.put(data.labels().get(i), i);
        }
        int[][] counts = new int[data.labels().size()][vocabulary.size()];
        for (LabeledText t : data.train()) {
            int[] row = counts[labelIndex.get(t.label())];
            int n = featurizer.featurize(t.text(), scratch);
            for (int i = 0; i < n; i++) {
                int f = scratch.indices()[i];
                row[f] = Math.addExact(row[f], Math.round(scratch.values()[i]));
            }
        }
        SortedMap<String, String> resolved = new TreeMap<>(settings.resolved());
        boolean auto = settings.alpha().equals("auto");
        double alpha = auto ? 1 : Double.parseDouble(settings.alpha());
        NaiveBayesClassifier model = new NaiveBayesClassifier(
                new NaiveBayesClassifier.State(1, resolved, prior, alpha, vocabulary.size()), vocabulary, counts);
        if (auto && !data.dev().isEmpty()) {
            NaiveBayesClassifier best = null;
            double bestLogLikelihood = Double.NEGATIVE_INFINITY;
            for (double candidate : ALPHAS) {
                NaiveBayesClassifier m = model.withAlpha(candidate, resolved);
                double ll = 0;
                for (LabeledText t : data.dev()) {
                    ll += Math.log(m.predictProba(t.text())[labelIndex.get(t.label())]);
                }
                if (best == null || ll > bestLogLikelihood) {
                    best = m;
                    bestLogLikelihood = ll;
                }
            }
            options.progress().accept(NAME + ": alpha " + best.alpha() + " has the best development log-likelihood");
            model = best;
        }
        return model;
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        return NaiveBayesClassifier.load(dir);
    }
}
