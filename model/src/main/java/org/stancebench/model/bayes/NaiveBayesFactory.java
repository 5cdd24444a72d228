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
import org.stancebench.metrics.Metrics;
import org.stancebench.model.ClassCounts;
import org.stancebench.model.Imbalance;
import org.stancebench.model.Settings;
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
 * kept n-gram, default 1), and {@code class_weight}, {@code threshold} and {@code tune_metric}
 * [macro-f1-all] as every trainable classifier ({@link Imbalance}: with a development split, each
 * weighting gets its own alpha, then the weighting and threshold with the best development
 * {@code tune_metric} are kept). Word and character n-gram counts enter one multinomial. Training
 * uses only the training split (the development split only for tuning); nothing is random, so the
 * seed is not used.
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
        boolean hasDev = !data.dev().isEmpty();
        Imbalance imbalance = Imbalance.read(new Settings(NAME, options.settings()), settings.tuneMetric(),
                Metrics.criterion(settings.tuneMetric(), data.labels()), data.labels(), hasDev);
        boolean auto = settings.alpha().equals("auto");
        int[] devGold = data.dev().stream().mapToInt(t -> labelIndex.get(t.label())).toArray();
        NaiveBayesClassifier bestModel = null;
        Imbalance.Choice bestChoice = null;
        for (String weighting : imbalance.weightings()) {
            SortedMap<String, String> resolved = new TreeMap<>(settings.resolved());
            imbalance.unscored(weighting).putInto(resolved, data.labels());
            NaiveBayesClassifier model = new NaiveBayesClassifier(
                    new NaiveBayesClassifier.State(1, resolved, prior, 1, vocabulary.size()), vocabulary, counts);
            if (!auto) {
                model = model.withAlpha(Double.parseDouble(settings.alpha()), resolved);
            } else if (hasDev) {
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
                options.progress().accept(NAME + ": class_weight " + weighting + ": alpha " + best.alpha()
                        + " has the best development log-likelihood");
                model = best;
            }
            Imbalance.Choice choice = imbalance.unscored(weighting);
            if (hasDev) {
                double[][] devProbs = new double[data.dev().size()][];
                for (int i = 0; i < devProbs.length; i++) {
                    devProbs[i] = model.predictProba(data.dev().get(i).text());
                }
                choice = imbalance.score(weighting, devProbs, devGold);
                options.progress().accept(String.format(java.util.Locale.ROOT, "%s: class_weight %s%s: dev %s %.4f", NAME,
                        weighting, choice.threshold().active() ? " threshold " + choice.threshold().value() : "",
                        settings.tuneMetric(), choice.score()));
            }
            if (bestChoice == null || choice.score() > bestChoice.score()) {
                bestChoice = choice;
                bestModel = model;
            }
        }
        SortedMap<String, String> chosen = new TreeMap<>(settings.resolved());
        bestChoice.putInto(chosen, data.labels());
        return bestModel.withAlpha(bestModel.alpha(), chosen);
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        return NaiveBayesClassifier.load(dir);
    }
}
