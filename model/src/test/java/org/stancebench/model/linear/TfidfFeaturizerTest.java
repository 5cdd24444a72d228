package org.stancebench.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.SparseVector;
import org.stancebench.model.text.Tokenizer;
import org.junit.jupiter.api.Test;

class TfidfFeaturizerTest {

    private static final NgramExtractor WORDS = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 1, 1, 0, 0);

    private static float valueOf(TfidfFeaturizer f, SparseVector x, String word) {
        int index = f.blocks().get(0).index().indexOf(1, NgramExtractor.fingerprint(1, word));
        for (int i = 0; i < x.size(); i++) {
            if (x.index(i) == index) {
                return x.value(i);
            }
        }
        return 0f;
    }

    // Hand computation (Python math): docs "aa bb", "aa cc"; idf(aa) = ln(3/3) + 1 = 1,
    // idf(bb) = ln(3/2) + 1; text "aa bb bb": tf(bb) = 2, or 1 + ln 2 when sublinear; then L2.
    @ParameterizedTest
    @CsvSource({
        "false, 0.33517574332792605, 0.9421556246632359",
        "true, 0.3874113305052739, 0.9219069698164416",
    })
    void smoothIdfAndL2MatchHandComputation(boolean sublinear, double aa, double bb) {
        TfidfFeaturizer f = TfidfFeaturizer.fit(List.of("aa bb", "aa cc"), List.of(WORDS), 1, sublinear);
        SparseVector x = f.transform("aa bb bb dd");
        assertEquals(2, x.size());
        assertEquals(aa, valueOf(f, x, "aa"), 1e-6);
        assertEquals(bb, valueOf(f, x, "bb"), 1e-6);
        assertEquals(1.0, f.idf(0)[f.blocks().get(0).index().indexOf(1, NgramExtractor.fingerprint(1, "aa"))], 1e-7);
    }

    @Test
    void blocksAreNormalisedSeparatelyAndConcatenated() {
        NgramExtractor chars = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 0, 0, 2, 3);
        TfidfFeaturizer f = TfidfFeaturizer.fit(List.of("aa bb", "aa cc"), List.of(WORDS, chars), 1, false);
        SparseVector x = f.transform("aa bb cc");
        int wordDim = f.blocks().get(0).dimension();
        double word = 0;
        double chr = 0;
        for (int i = 0; i < x.size(); i++) {
            double sq = (double) x.value(i) * x.value(i);
            if (x.index(i) < wordDim) {
                word += sq;
            } else {
                chr += sq;
            }
        }
        // Like scikit-learn's FeatureUnion of two TfidfVectorizers: each block has unit norm.
        assertEquals(1.0, word, 1e-6);
        assertEquals(1.0, chr, 1e-6);
        assertEquals(f.dimension(), wordDim + f.blocks().get(1).dimension());
    }

    @Test
    void unknownTextGivesEmptyVector() {
        TfidfFeaturizer f = TfidfFeaturizer.fit(List.of("aa bb"), List.of(WORDS), 1, false);
        assertEquals(0, f.transform("zz yy").size());
        assertEquals(0, f.transform("").size());
    }
}
