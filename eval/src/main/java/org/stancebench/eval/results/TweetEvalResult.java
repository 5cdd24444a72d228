package org.stancebench.eval.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One task of the TweetEval reproduction for one classifier and seed: every setting tried, the one
 * val chose, and the official test score beside the published reference row.
 *
 * @param task stance, irony or emotion
 * @param classifier the registered classifier name
 * @param metric the official metric's name
 * @param perTarget whether stance was trained one model per target
 * @param seed the training seed
 * @param chosen the index in {@code candidates} of the setting val chose (the first on ties)
 * @param candidates every setting tried, in grid order
 * @param trainSize training examples (all targets)
 * @param testSize test examples (all targets)
 * @param seconds seconds of training and prediction summed over the task's units (grid and targets)
 * @param refitTest with {@code --refit}: the official test metric, x100, of the chosen setting
 *                  retrained on train plus val with its inner choices fixed; else null
 * @param testPredictions the reported model's test predictions (the five stance targets pooled in
 *     order), for paired tests between classifiers; null when not kept
 */
public record TweetEvalResult(String task, String classifier, String metric, boolean perTarget, long seed,
                              int chosen, List<Candidate> candidates, int trainSize, int testSize, double seconds,
                              Double refitTest, TestPredictions testPredictions) {
    public TweetEvalResult {
        candidates = List.copyOf(candidates);
        if (chosen < 0 || chosen >= candidates.size()) {
            throw new IllegalArgumentException("chosen candidate " + chosen + " out of range");
        }
    }

    /**
     * Test predictions as label indices into {@code labels}, gold beside predicted, one entry per
     * test example.
     */
    public record TestPredictions(List<String> labels, int[] gold, int[] predicted) {
        public TestPredictions {
            labels = List.copyOf(labels);
            if (gold.length != predicted.length) {
                throw new IllegalArgumentException("gold and predicted labels differ in length");
            }
        }
    }

    /** A result without its test predictions (they are then left out of paired tests). */
    public TweetEvalResult(String task, String classifier, String metric, boolean perTarget, long seed, int chosen,
                           List<Candidate> candidates, int trainSize, int testSize, double seconds, Double refitTest) {
        this(task, classifier, metric, perTarget, seed, chosen, candidates, trainSize, testSize, seconds, refitTest,
                null);
    }

    /** The candidate val chose. */
    public Candidate best() {
        return candidates.get(chosen);
    }

    /** The chosen setting's official metric on val, x100. */
    public double dev() {
        return best().dev();
    }

    /** The reported official metric on test, x100: of the refitted model when refitted. */
    public double test() {
        return refitTest != null ? refitTest : best().test();
    }

    /** The chosen settings (grid values only; the rest are the classifier's defaults). */
    public Map<String, String> settings() {
        return best().settings();
    }

    /** The published score of the classifier's reference row on this task. */
    public double published() {
        return PUBLISHED.get(referenceRow(classifier)).get(task);
    }

    /**
     * Settings a classifier tunes inside a fit and reports back ({@code tfidf-logreg}'s C,
     * {@code fasttext}'s lr and epochs, and every trainable classifier's class weights and decision
     * threshold), shown as its inner choices and fixed on a refit.
     */
    public static final List<String> INNER_CHOICES = List.of("C", "class_weight", "threshold", "lr", "epoch");

    /** Published test scores (TweetEval README leaderboard and paper), x100, per model then task. */
    public static final Map<String, Map<String, Double>> PUBLISHED = publishedRows();

    private static Map<String, Map<String, Double>> publishedRows() {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        rows.put("SVM", Map.of("stance", 67.3, "irony", 61.7, "emotion", 64.7));
        rows.put("FastText", Map.of("stance", 65.4, "irony", 63.1, "emotion", 65.2));
        rows.put("BLSTM", Map.of("stance", 59.4, "irony", 62.8, "emotion", 66.0));
        rows.put("RoBERTa-base", Map.of("stance", 68.0, "irony", 59.7, "emotion", 76.1));
        rows.put("RoBERTa-retrained", Map.of("stance", 69.3, "irony", 61.7, "emotion", 78.5));
        return rows;
    }

    /** The published row a classifier family is compared with: fastText, recurrent, or else the SVM. */
    public static String referenceRow(String classifier) {
        String c = classifier.toLowerCase(Locale.ROOT);
        if (c.contains("fasttext")) {
            return "FastText";
        }
        if (c.contains("lstm") || c.contains("rnn") || c.contains("gru") || c.contains("cnn")) {
            return "BLSTM";
        }
        return "SVM";
    }

    /**
     * One candidate setting of a task's grid, with its official metric on val and on test, x100.
     * Only val chooses; test is kept so that the report can show how far val's choice is from the
     * best test score of the grid (the cost of choosing honestly).
     *
     * @param settings the settings passed to the classifier (grid values and fixed settings)
     * @param dev the official metric on val
     * @param test the official metric on test
     * @param models per trained model (one per stance target, else one), the settings the
     *               classifier reports, with the values it tuned inside the fit (e.g. {@code C})
     */
    public record Candidate(Map<String, String> settings, double dev, double test,
                            Map<String, Map<String, String>> models) {
        public Candidate {
            settings = Collections.unmodifiableMap(new TreeMap<>(settings));
            Map<String, Map<String, String>> copy = new LinkedHashMap<>();
            models.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
            models = Collections.unmodifiableMap(copy);
        }
    }
}
