package org.stancebench.model.lexicon;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One cue of a lexicon: a literal phrase (or emoji) or a regular expression that, when present in a
 * normalised text, adds {@code weight} to {@code label}'s score.
 *
 * @param label the label the cue supports
 * @param text the cue as written in the file (a {@code re:} prefix marks a regular expression)
 * @param weight the score added when the cue is present, finite
 * @param comment why the cue is there
 */
record Cue(String label, String text, double weight, String comment) {
    static final String REGEX_PREFIX = "re:";

    Cue {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(comment, "comment");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite, got " + weight);
        }
    }

    /** Whether the cue is a regular expression. */
    boolean isRegex() {
        return text.startsWith(REGEX_PREFIX);
    }

    /** A matcher for this cue over texts normalised with {@link Lexicon#normalise(String)}. */
    Matcher matcher() {
        if (isRegex()) {
            Pattern p = Pattern.compile(text.substring(REGEX_PREFIX.length()), Pattern.UNICODE_CHARACTER_CLASS);
            return normalised -> p.matcher(normalised).find();
        }
        String literal = Lexicon.normalise(text);
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("the cue is empty after normalisation");
        }
        boolean wordStart = Character.isLetterOrDigit(literal.codePointAt(0));
        boolean wordEnd = Character.isLetterOrDigit(literal.codePointBefore(literal.length()));
        return normalised -> containsAtBoundaries(normalised, literal, wordStart, wordEnd);
    }

    private static boolean containsAtBoundaries(String s, String literal, boolean wordStart, boolean wordEnd) {
        int from = 0;
        while (true) {
            int at = s.indexOf(literal, from);
            if (at < 0) {
                return false;
            }
            int end = at + literal.length();
            boolean startOk = !wordStart || at == 0 || !Character.isLetterOrDigit(s.codePointBefore(at));
            boolean endOk = !wordEnd || end == s.length() || !Character.isLetterOrDigit(s.codePointAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    /** Tests a normalised text for a cue. */
    interface Matcher {
        boolean matches(String normalised);
    }
}
