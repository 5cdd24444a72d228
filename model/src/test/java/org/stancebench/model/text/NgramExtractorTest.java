package org.stancebench.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NgramExtractorTest {

    private static List<String> texts(List<NgramExtractor.Ngram> ngrams, boolean words) {
        List<String> out = new ArrayList<>();
        for (NgramExtractor.Ngram g : ngrams) {
            if (NgramExtractor.isWordKind(g.kind()) == words) {
                out.add(g.text());
            }
        }
        return out;
    }

    @Test
    void wordAndCharWbNgramsByHand() {
        // Hand computation with scikit-learn's documented semantics: word 1-2-grams of the tokens
        // [hi, bob, hi]; char_wb 2-3-grams of the pieces " hi ", " bob, ", " hi! ".
        NgramExtractor ex = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 1, 2, 2, 3);
        List<NgramExtractor.Ngram> grams = ex.ngrams("Hi bob, hi!");
        assertEquals(List.of("hi", "bob", "hi", "hi bob", "bob hi"), texts(grams, true));
        assertEquals(List.of(
                " h", "hi", "i ", " hi", "hi ",
                " b", "bo", "ob", "b,", ", ", " bo", "bob", "ob,", "b, ",
                " h", "hi", "i!", "! ", " hi", "hi!", "i! "), texts(grams, false));
    }

    @Test
    void shortPieceIsTakenWholeOnceAsInScikitLearn() {
        // scikit-learn _char_wb_ngrams on "a" with ngram_range=(2, 5): ' a', 'a ', ' a ' (then break).
        NgramExtractor ex = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 0, 0, 2, 5);
        assertEquals(List.of(" a", "a ", " a "), texts(ex.ngrams("A"), false));
    }

    @Test
    void charNgramsCountCodePointsNotChars() {
        NgramExtractor ex = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 0, 0, 2, 2);
        assertEquals(List.of(" 😀", "😀!", "! "), texts(ex.ngrams("😀!"), false));
    }

    @Test
    void fastPathMatchesReferencePathOnRandomUnicode() {
        String[] pieces = {"a", "B", "é", "ß", "İ", "Ж", "ж", "न", "्", "東", "😀", "❤", "\uFE0F", "‍",
            " ", " ", "\t", "\u00A0", "\n", ",", "!", "#", "@", "_", "1", "$", "+", "don't", "word"};
        SplittableRandom random = new SplittableRandom(7);
        List<NgramExtractor> extractors = List.of(
                new NgramExtractor(Tokenizer.SKLEARN_LIKE, 1, 2, 2, 5),
                new NgramExtractor(new Tokenizer(1), 1, 3, 0, 0),
                new NgramExtractor(Tokenizer.SKLEARN_LIKE, 0, 0, 1, 4));
        NgramBuffer buffer = new NgramBuffer();
        for (int t = 0; t < 300; t++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            for (NgramExtractor ex : extractors) {
                List<NgramExtractor.Ngram> ref = ex.ngrams(text);
                ex.extract(text, buffer);
                assertEquals(ref.size(), buffer.size(), () -> "count for '" + text + "' with " + ex);
                for (int i = 0; i < ref.size(); i++) {
                    assertEquals(ref.get(i).kind(), buffer.kind(i), "kind");
                    assertEquals(ref.get(i).fingerprint(), buffer.fingerprint(i),
                            "fingerprint of '" + ref.get(i).text() + "' in '" + text + "'");
                }
            }
        }
    }

    @Test
    void kindsSeparateFamilies() {
        // The same string as a word unigram and as a char 2-gram must be different features.
        assertEquals(false, NgramExtractor.fingerprint(NgramExtractor.wordKind(1), "ab")
                == NgramExtractor.fingerprint(NgramExtractor.charKind(2), "ab"));
        assertEquals(2, NgramExtractor.order(NgramExtractor.charKind(2)));
        assertEquals(2, NgramExtractor.order(NgramExtractor.wordKind(2)));
    }

    @Test
    void longTextIsHandled() {
        NgramExtractor ex = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 1, 2, 2, 5);
        NgramBuffer buffer = new NgramBuffer();
        ex.extract("x".repeat(100_000), buffer);
        // one token (1 unigram, 0 bigrams); the padded piece has 100,002 code points:
        // n-grams of length n: 100,003 - n, for n = 2..5.
        int expected = 1 + (100_001 + 100_000 + 99_999 + 99_998);
        assertEquals(expected, buffer.size());
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> new NgramExtractor(Tokenizer.SKLEARN_LIKE, 2, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new NgramExtractor(Tokenizer.SKLEARN_LIKE, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new NgramExtractor(Tokenizer.SKLEARN_LIKE, 0, 1, 0, 0));
    }
}
