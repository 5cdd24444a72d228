package org.stancebench.model.cnn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word vocabulary of a {@code textcnn} model: id 0 is padding, id 1 stands for every unknown
 * word, then the training words seen at least {@code minCount} times, most frequent first (ties in
 * code-point order, so the same data always gives the same ids).
 */
final class CnnVocabulary {

    static final int PAD = 0;
    static final int UNKNOWN = 1;
    static final String PAD_TOKEN = "<pad>";
    static final String UNKNOWN_TOKEN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    CnnVocabulary(List<String> tokens) {
        if (tokens.size() < 2 || !tokens.get(PAD).equals(PAD_TOKEN) || !tokens.get(UNKNOWN).equals(UNKNOWN_TOKEN)) {
            throw new IllegalArgumentException("vocabulary must start with " + PAD_TOKEN + " and " + UNKNOWN_TOKEN);
        }
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("vocabulary has duplicate token '" + tokens.get(i) + "' at " + i);
            }
        }
    }

    static CnnVocabulary build(List<List<String>> texts, int minCount, int maxSize) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> text : texts) {
            for (String t : text) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>();
        counts.forEach((w, c) -> {
            if (c >= minCount && !w.equals(PAD_TOKEN) && !w.equals(UNKNOWN_TOKEN)) {
                words.add(w);
            }
        });
        words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Comparator.naturalOrder()));
        List<String> all = new ArrayList<>(List.of(PAD_TOKEN, UNKNOWN_TOKEN));
        all.addAll(words.subList(0, Math.min(words.size(), Math.max(0, maxSize - 2))));
        return new CnnVocabulary(all);
    }

    int size() {
        return tokens.size();
    }

    List<String> tokens() {
        return tokens;
    }

    /** Ids of {@code words}, padded with {@link #PAD} to at least {@code minLength}. */
    int[] ids(List<String> words, int minLength) {
        int[] out = new int[Math.max(words.size(), minLength)];
        for (int i = 0; i < words.size(); i++) {
            out[i] = ids.getOrDefault(words.get(i), UNKNOWN);
        }
        return out;
    }
}
