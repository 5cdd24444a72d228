package org.stancebench.model.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fast, deterministic Unicode word tokenizer, close to scikit-learn's default
 * {@code token_pattern=r"(?u)\b\w\w+\b"} after lower-casing, but keeping emoji and symbols.
 *
 * <p>Rules, applied to {@code text.toLowerCase(Locale.ROOT)}:
 * <ul>
 *   <li>A word token is a maximal run of word characters: letters, digits (Nd, Nl, No), the
 *       underscore, and combining marks (Mn, Mc, Me) after the first character (unlike Python's
 *       {@code \w}, marks do not split Devanagari or Arabic words). Runs shorter than
 *       {@code minWordLength} code points are dropped ({@code 2} is scikit-learn's behaviour).</li>
 *   <li>Every symbol code point (Sm, Sc, Sk, So: emoji, currency, math signs) is a token of its
 *       own, whatever {@code minWordLength} is.</li>
 *   <li>Everything else (punctuation, whitespace, control, format characters such as the emoji
 *       zero-width joiner) separates tokens and is dropped.</li>
 * </ul>
 * Immutable and thread-safe; the fast path writes into a caller-owned {@link TokenBuffer}.
 */
public final class Tokenizer {
    /** scikit-learn-like: words of at least two code points, plus symbol tokens. */
    public static final Tokenizer SKLEARN_LIKE = new Tokenizer(2);

    private final int minWordLength;

    /** A tokenizer dropping word tokens shorter than {@code minWordLength} code points. */
    public Tokenizer(int minWordLength) {
        if (minWordLength < 1) {
            throw new IllegalArgumentException("minWordLength must be >= 1, got " + minWordLength);
        }
        this.minWordLength = minWordLength;
    }

    /** The minimum length of a word token, in code points. */
    public int minWordLength() {
        return minWordLength;
    }

    /** The tokens of {@code text} as strings: the slow, allocating path, for tests and tools. */
    public List<String> tokenize(String text) {
        TokenBuffer buffer = new TokenBuffer();
        tokenize(text, buffer);
        List<String> out = new ArrayList<>(buffer.count());
        for (int i = 0; i < buffer.count(); i++) {
            out.add(buffer.token(i));
        }
        return out;
    }

    /**
     * Tokenizes {@code text} into {@code out} (cleared first): the tokens' UTF-8 bytes joined by
     * single spaces, with each token's byte range, and the lower-cased text. Allocates only the
     * lower-cased string (and grows the buffer when a text is longer than any before).
     */
    public void tokenize(String text, TokenBuffer out) {
        String s = text.toLowerCase(Locale.ROOT);
        out.reset(s);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (isWordStart(cp)) {
                int mark = out.beginToken();
                int length = 0;
                int j = i;
                while (j < n) {
                    int c = s.codePointAt(j);
                    if (!isWordStart(c) && !isMark(c)) {
                        break;
                    }
                    out.append(c);
                    length++;
                    j += Character.charCount(c);
                }
                if (length >= minWordLength) {
                    out.endToken();
                } else {
                    out.rollback(mark);
                }
                i = j;
            } else {
                if (isSymbol(cp)) {
                    out.beginToken();
                    out.append(cp);
                    out.endToken();
                }
                i += Character.charCount(cp);
            }
        }
    }

    static boolean isWordStart(int cp) {
        if (cp == '_') {
            return true;
        }
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    static boolean isMark(int cp) {
        if (cp < 128) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    static boolean isSymbol(int cp) {
        int type = Character.getType(cp);
        return type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL
                || type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL;
    }

    /** Python's {@code str.split()} whitespace: Java whitespace plus no-break spaces (Zs, Zl, Zp). */
    static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    @Override
    public String toString() {
        return "Tokenizer[minWordLength=" + minWordLength + "]";
    }
}
