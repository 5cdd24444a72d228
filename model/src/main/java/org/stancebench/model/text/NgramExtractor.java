package org.stancebench.model.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.model.hashing.Murmur3;

/**
 * Extracts word n-grams and scikit-learn {@code char_wb} character n-grams from a text, each as a
 * 64-bit fingerprint, without building a String per n-gram.
 *
 * <p>Semantics (the same n-grams as scikit-learn's {@code CountVectorizer} with
 * {@code analyzer="word", ngram_range=(wordMin, wordMax)} over this {@link Tokenizer}'s tokens, and
 * {@code analyzer="char_wb", ngram_range=(charMin, charMax)}, lower-cased):
 * <ul>
 *   <li>a word n-gram is n consecutive tokens joined by single spaces;</li>
 *   <li>char_wb splits the lower-cased text on whitespace (Python's {@code str.split()}), pads each
 *       piece with one space on both sides, and takes every run of n code points inside it; a padded
 *       piece no longer than n is taken whole, once, and stops longer n for that piece (exactly
 *       scikit-learn's {@code _char_wb_ngrams}).</li>
 * </ul>
 * The fingerprint of an n-gram is {@link Murmur3#hash64} of its UTF-8 bytes with the n-gram's kind
 * as seed, so word and character n-grams of different lengths never share a fingerprint by
 * construction (only by a 64-bit collision). Immutable and thread-safe.
 *
 * @see #fingerprint(int, String)
 */
public final class NgramExtractor {
    private static final int CHAR_KIND_BASE = 32;

    private final Tokenizer tokenizer;
    private final int wordMin;
    private final int wordMax;
    private final int charMin;
    private final int charMax;

    /**
     * An extractor of word n-grams of lengths {@code wordMin..wordMax} and char_wb n-grams of
     * lengths {@code charMin..charMax}; a range of {@code 0..0} switches that family off.
     */
    public NgramExtractor(Tokenizer tokenizer, int wordMin, int wordMax, int charMin, int charMax) {
        this.tokenizer = java.util.Objects.requireNonNull(tokenizer, "tokenizer");
        checkRange("word", wordMin, wordMax, 9);
        checkRange("char", charMin, charMax, 31);
        if (wordMax == 0 && charMax == 0) {
            throw new IllegalArgumentException("both word and char n-grams are switched off");
        }
        this.wordMin = wordMin;
        this.wordMax = wordMax;
        this.charMin = charMin;
        this.charMax = charMax;
    }

    private static void checkRange(String family, int min, int max, int limit) {
        boolean off = min == 0 && max == 0;
        if (!off && (min < 1 || max < min || max > limit)) {
            throw new IllegalArgumentException(family + " n-gram range must be 0..0 (off) or 1 <= min <= max <= "
                    + limit + ", got " + min + ".." + max);
        }
    }

    /** The kind of a word n-gram of {@code n} tokens (also its hash seed). */
    public static int wordKind(int n) {
        return n;
    }

    /** The kind of a char_wb n-gram of {@code n} code points (also its hash seed). */
    public static int charKind(int n) {
        return CHAR_KIND_BASE + n;
    }

    /** Whether {@code kind} is a word n-gram kind. */
    public static boolean isWordKind(int kind) {
        return kind < CHAR_KIND_BASE;
    }

    /** The number of tokens or code points of an n-gram of this kind. */
    public static int order(int kind) {
        return kind < CHAR_KIND_BASE ? kind : kind - CHAR_KIND_BASE;
    }

    /** The fingerprint of {@code ngram} (its exact text, lower-cased already) of {@code kind}. */
    public static long fingerprint(int kind, String ngram) {
        byte[] b = ngram.getBytes(StandardCharsets.UTF_8);
        return Murmur3.hash64(b, 0, b.length, kind);
    }

    /** The tokenizer. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Smallest word n-gram length, 0 when word n-grams are off. */
    public int wordMin() {
        return wordMin;
    }

    /** Largest word n-gram length, 0 when word n-grams are off. */
    public int wordMax() {
        return wordMax;
    }

    /** Smallest char_wb n-gram length, 0 when char n-grams are off. */
    public int charMin() {
        return charMin;
    }

    /** Largest char_wb n-gram length, 0 when char n-grams are off. */
    public int charMax() {
        return charMax;
    }

    /** Extracts every n-gram occurrence of {@code text} into {@code out} (cleared first). */
    public void extract(String text, NgramBuffer out) {
        out.clear();
        TokenBuffer tb = out.tokens;
        if (wordMax > 0) {
            tokenizer.tokenize(text, tb);
        } else {
            // char_wb needs only the lower-cased text, not the tokens.
            tb.reset(text.toLowerCase(java.util.Locale.ROOT));
        }
        if (wordMax > 0) {
            byte[] bytes = tb.bytes();
            int count = tb.count();
            for (int n = wordMin; n <= wordMax; n++) {
                int kind = wordKind(n);
                for (int i = 0; i + n <= count; i++) {
                    int start = tb.start(i);
                    out.add(kind, Murmur3.hash64(bytes, start, tb.end(i + n - 1) - start, kind));
                }
            }
        }
        if (charMax > 0) {
            extractCharWb(tb.lowered(), out);
        }
    }

    private void extractCharWb(String s, NgramBuffer out) {
        int len = s.length();
        int i = 0;
        while (i < len) {
            int cp = s.codePointAt(i);
            if (Tokenizer.isSpace(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int j = i;
            while (j < len) {
                int c = s.codePointAt(j);
                if (Tokenizer.isSpace(c)) {
                    break;
                }
                j += Character.charCount(c);
            }
            charWbPiece(s, i, j, out);
            i = j;
        }
    }

    /** The n-grams of one whitespace-free piece {@code s[from, to)}, padded with spaces. */
    private void charWbPiece(String s, int from, int to, NgramBuffer out) {
        int chars = to - from;
        out.ensureChunk(chars * 3 + 2, chars + 2);
        byte[] b = out.chunk;
        int[] off = out.offsets;
        int pos = 0;
        int m = 0;
        off[m++] = pos;
        b[pos++] = ' ';
        for (int k = from; k < to; ) {
            int c = s.codePointAt(k);
            off[m++] = pos;
            pos = Utf8.encode(c, b, pos);
            k += Character.charCount(c);
        }
        off[m++] = pos;
        b[pos++] = ' ';
        off[m] = pos;
        // m code points now, off[k] their starts, off[m] the end.
        for (int n = charMin; n <= charMax; n++) {
            int kind = charKind(n);
            if (m <= n) {
                out.add(kind, Murmur3.hash64(b, 0, pos, kind));
                break;
            }
            for (int k = 0; k + n <= m; k++) {
                out.add(kind, Murmur3.hash64(b, off[k], off[k + n] - off[k], kind));
            }
        }
    }

    /**
     * The n-grams of {@code text} as (kind, string) pairs, in extraction order: the slow,
     * allocating reference path, for tests and for inspecting a vocabulary.
     */
    public List<Ngram> ngrams(String text) {
        List<Ngram> out = new ArrayList<>();
        List<String> tokens = tokenizer.tokenize(text);
        if (wordMax > 0) {
            for (int n = wordMin; n <= wordMax; n++) {
                for (int i = 0; i + n <= tokens.size(); i++) {
                    out.add(new Ngram(wordKind(n), String.join(" ", tokens.subList(i, i + n))));
                }
            }
        }
        if (charMax > 0) {
            String lowered = text.toLowerCase(java.util.Locale.ROOT);
            List<String> pieces = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            lowered.codePoints().forEach(cp -> {
                if (Tokenizer.isSpace(cp)) {
                    if (piece.length() > 0) {
                        pieces.add(piece.toString());
                        piece.setLength(0);
                    }
                } else {
                    piece.appendCodePoint(cp);
                }
            });
            if (piece.length() > 0) {
                pieces.add(piece.toString());
            }
            for (String p : pieces) {
                int[] cps = (" " + p + " ").codePoints().toArray();
                for (int n = charMin; n <= charMax; n++) {
                    if (cps.length <= n) {
                        out.add(new Ngram(charKind(n), new String(cps, 0, cps.length)));
                        break;
                    }
                    for (int k = 0; k + n <= cps.length; k++) {
                        out.add(new Ngram(charKind(n), new String(cps, k, n)));
                    }
                }
            }
        }
        return out;
    }

    /** One n-gram occurrence as text, from the reference path {@link #ngrams(String)}. */
    public record Ngram(int kind, String text) {
        public Ngram {
            java.util.Objects.requireNonNull(text, "text");
        }

        /** This n-gram's fingerprint, equal to the fast path's. */
        public long fingerprint() {
            return NgramExtractor.fingerprint(kind, text);
        }
    }

    @Override
    public String toString() {
        return "NgramExtractor[" + tokenizer + ", word=" + wordMin + ".." + wordMax + ", char_wb="
                + charMin + ".." + charMax + "]";
    }
}
