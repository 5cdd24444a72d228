package org.stancebench.model.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word tokenizer of {@code textcnn}: lower-cased runs of letters, marks, digits, apostrophes
 * and underscores, and every other non-space code point (punctuation, emoji) as a token of its own.
 *
 * <p>Private to textcnn on purpose: its vocabulary is saved with the model, so the tokenizer must
 * not change under a saved model. Stops after {@code maxTokens} tokens, so very long texts cost no
 * more than short ones.
 */
final class CnnTokenizer {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}_'’]+|[^\\s\\p{L}\\p{M}\\p{N}_'’]",
            Pattern.UNICODE_CHARACTER_CLASS);

    private CnnTokenizer() {
    }

    static List<String> tokens(String text, int maxTokens) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (out.size() < maxTokens && m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
