package org.stancebench.dataset.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a paragraph of English prose into sentences, by rule.
 *
 * <p>A sentence ends at {@code .}, {@code !}, {@code ?} or {@code …} (or a run of them), optionally
 * followed by closing quotes or brackets, when white space follows and the next sentence starts with
 * an upper-case letter, a digit or an opening quote or bracket. A single full stop does not end a
 * sentence after a known abbreviation ({@code Dr.}, {@code e.g.}, {@code Mr.} ...), an initial
 * ({@code J. R. Smith}) or a dotted acronym ({@code U.N.}). Numbers such as {@code 20,000} and
 * {@code 1.2} never split because no space follows their punctuation; dashes never split.
 *
 * <p>Guarantees: the output is never empty for a non-blank paragraph, every sentence is trimmed and
 * non-blank, and joining the sentences with single spaces gives back the paragraph with its white
 * space collapsed. Known limit: a dotted acronym or abbreviation that really ends a sentence
 * ({@code "... at the U.N. The next day ..."}) does not split.
 */
public final class SentenceSplitter {

    /** Lower-cased abbreviations, without their final full stop, after which a full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "dr", "mr", "mrs", "ms", "prof", "st", "sr", "jr", "rev", "hon", "gen", "col", "lt", "capt",
            "sgt", "cmdr", "adm", "gov", "sen", "rep", "pres", "amb", "mt", "ft", "vs", "approx", "cf", "al",
            "fig", "vol", "pp", "inc", "ltd", "co", "corp",
            "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "e.g", "i.e", "viz", "esp");
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?:\\p{L}\\.)+\\p{L}");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}");

    private SentenceSplitter() {
    }

    /** The sentences of {@code paragraph}, in order; an empty list for a blank paragraph. */
    public static List<String> split(String paragraph) {
        String text = paragraph.strip().replaceAll("\\s+", " ");
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isTerminator(c)) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isTerminator(text.charAt(end))) {
                end++;
            }
            boolean singleStop = c == '.' && end == i + 1;
            while (end < text.length() && isCloser(text.charAt(end))) {
                end++;
            }
            if (end >= text.length()) {
                break;
            }
            if (text.charAt(end) == ' ' && startsSentence(text, end + 1)
                    && !(singleStop && protectedStop(text, start, i))) {
                out.add(text.substring(start, end).strip());
                start = end + 1;
            }
            i = end;
        }
        String last = text.substring(start).strip();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '(' || c == '[' || c == '«';
    }

    private static boolean startsSentence(String text, int at) {
        int k = at;
        while (k < text.length() && isOpener(text.charAt(k))) {
            k++;
        }
        if (k >= text.length()) {
            return false;
        }
        int cp = text.codePointAt(k);
        return Character.isUpperCase(cp) || Character.isDigit(cp) || Character.isTitleCase(cp);
    }

    /** Whether the full stop at {@code dot} belongs to an abbreviation, an initial or an acronym. */
    private static boolean protectedStop(String text, int sentenceStart, int dot) {
        int k = dot;
        while (k > sentenceStart && text.charAt(k - 1) != ' ' && !isOpener(text.charAt(k - 1))) {
            k--;
        }
        String word = text.substring(k, dot);
        if (word.isEmpty()) {
            return false;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))
                || INITIAL.matcher(word).matches()
                || DOTTED_ACRONYM.matcher(word).matches();
    }
}
