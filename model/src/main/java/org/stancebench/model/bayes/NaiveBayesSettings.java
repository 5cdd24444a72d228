package org.stancebench.model.bayes;

import java.util.Map;
import java.util.SortedMap;
import java.util.Set;
import org.stancebench.metrics.Metrics;
import org.stancebench.model.DecisionThreshold;
import org.stancebench.model.Imbalance;
import org.stancebench.model.Settings;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.Tokenizer;

/**
 * The parsed settings of {@code naive-bayes}: n-gram ranges ({@code MIN-MAX}, or {@code off}),
 * minimum word length, minimum document frequency, the smoothing {@code alpha} (a number, or
 * {@code auto}), and the imbalance settings ({@code class_weight}, {@code tune_metric},
 * {@code threshold}; see {@link Imbalance}).
 */
record NaiveBayesSettings(int wordMin, int wordMax, int charMin, int charMax, int minWordLength, int minDf,
                          String alpha, String classWeight, String tuneMetric, SortedMap<String, String> resolved) {

    static NaiveBayesSettings of(Map<String, String> given) {
        Settings s = new Settings(NaiveBayesFactory.NAME, given);
        int[] word = s.range("word-ngrams", "1-2", 9);
        int[] chars = s.range("char-ngrams", "2-4", 31);
        if (word[1] == 0 && chars[1] == 0) {
            throw new IllegalArgumentException(NaiveBayesFactory.NAME
                    + ": settings 'word-ngrams' and 'char-ngrams' are both off");
        }
        String alpha = s.string("alpha", "1").strip();
        if (!alpha.equals("auto")) {
            s.number("alpha", "1", 0);
        }
        int minWordLength = s.integer("min-word-length", 2, 1, 100);
        int minDf = s.integer("min-df", 1, 1, Integer.MAX_VALUE);
        String classWeight = s.choice(Imbalance.CLASS_WEIGHT, "auto", Set.of("auto", "none", "balanced"));
        String tuneMetric = s.string(Imbalance.TUNE_METRIC, Metrics.MACRO_F1_ALL).strip();
        s.string(DecisionThreshold.SETTING, "auto");
        s.rejectUnknown(DecisionThreshold.LABEL_SETTING);
        return new NaiveBayesSettings(word[0], word[1], chars[0], chars[1], minWordLength, minDf, alpha, classWeight,
                tuneMetric, s.resolved());
    }

    NgramExtractor extractor() {
        return new NgramExtractor(new Tokenizer(minWordLength), wordMin, wordMax, charMin, charMax);
    }
}
