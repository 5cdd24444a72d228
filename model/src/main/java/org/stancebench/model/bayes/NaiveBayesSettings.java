package org.stancebench.model.bayes;

import java.util.Map;
import org.stancebench.model.ClassifierSettings;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.Tokenizer;

/**
 * The parsed settings of {@code naive-bayes}: n-gram ranges ({@code MIN-MAX}, or {@code off}),
 * minimum word length, minimum document frequency and the smoothing {@code alpha} (a number, or
 * {@code auto}).
 */
record NaiveBayesSettings(int wordMin, int wordMax, int charMin, int charMax, int minWordLength, int minDf,
                          String alpha, ClassifierSettings raw) {
    static final Map<String, String> DEFAULTS = Map.of(
            "alpha", "1",
            "word-ngrams", "1-2",
            "char-ngrams", "2-4",
            "min-word-length", "2",
            "min-df", "1");

    static NaiveBayesSettings of(Map<String, String> given) {
        ClassifierSettings s = ClassifierSettings.resolve(NaiveBayesFactory.NAME, given, DEFAULTS);
        int[] word = range(s, "word-ngrams", 9);
        int[] chars = range(s, "char-ngrams", 31);
        if (word[1] == 0 && chars[1] == 0) {
            throw new IllegalArgumentException(NaiveBayesFactory.NAME
                    + ": settings 'word-ngrams' and 'char-ngrams' are both off");
        }
        String alpha = s.string("alpha").strip();
        if (!alpha.equals("auto")) {
            s.number("alpha", 0);
        }
        return new NaiveBayesSettings(word[0], word[1], chars[0], chars[1],
                s.integer("min-word-length", 1, 100), s.integer("min-df", 1, Integer.MAX_VALUE), alpha, s);
    }

    private static int[] range(ClassifierSettings s, String key, int limit) {
        String v = s.string(key).strip();
        if (v.equals("off")) {
            return new int[] {0, 0};
        }
        String[] parts = v.split("-", -1);
        try {
            int min = Integer.parseInt(parts[0].strip());
            int max = parts.length == 1 ? min : Integer.parseInt(parts[1].strip());
            if (parts.length <= 2 && min >= 1 && min <= max && max <= limit) {
                return new int[] {min, max};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(NaiveBayesFactory.NAME + ": setting '" + key
                + "' must be MIN-MAX with 1 <= MIN <= MAX <= " + limit + ", or off; got '" + v + "'");
    }

    NgramExtractor extractor() {
        return new NgramExtractor(new Tokenizer(minWordLength), wordMin, wordMax, charMin, charMax);
    }
}
