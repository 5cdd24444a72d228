package org.stancebench.model.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancebench.model.hashing.LongIntMap;

class SparseFeaturizerTest {

    private static final NgramExtractor WORDS = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 1, 1, 0, 0);

    @Test
    void vocabularyKeepsNgramsWithEnoughDocuments() {
        // Hand computation: document frequencies are the 2, cat 2, sat 1, dog 1.
        Vocabulary v = Vocabulary.fit(List.of("the cat sat", "the dog", "cat cat"), WORDS, 2);
        assertEquals(2, v.size());
        long the = NgramExtractor.fingerprint(1, "the");
        long cat = NgramExtractor.fingerprint(1, "cat");
        int expectedThe = Long.compare(the, cat) < 0 ? 0 : 1;
        assertEquals(expectedThe, v.indexOf(1, the));
        assertEquals(1 - expectedThe, v.indexOf(1, cat));
        assertEquals(-1, v.indexOf(1, NgramExtractor.fingerprint(1, "sat")));
    }

    @Test
    void vocabularyIsIndependentOfDocumentOrder() {
        List<String> docs = List.of("one two three", "two three four", "five six", "six one");
        List<String> reversed = new ArrayList<>(docs);
        java.util.Collections.reverse(reversed);
        NgramExtractor ex = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 1, 2, 2, 4);
        assertArrayEquals(Vocabulary.fit(docs, ex, 1).fingerprints(), Vocabulary.fit(reversed, ex, 1).fingerprints());
    }

    @Test
    void countsMatchHandComputation() {
        Vocabulary v = Vocabulary.fit(List.of("the cat sat", "the dog", "cat cat"), WORDS, 1);
        SparseFeaturizer f = new SparseFeaturizer(WORDS, v);
        SparseVector x = f.featurize("Cat the CAT bird cat");
        // cat x3, the x1, bird unknown: entries in first-occurrence order.
        int cat = v.indexOf(1, NgramExtractor.fingerprint(1, "cat"));
        int the = v.indexOf(1, NgramExtractor.fingerprint(1, "the"));
        assertEquals(new SparseVector(4, new int[] {cat, the}, new float[] {3f, 1f}), x);
    }

    @Test
    void scratchIsReusableAcrossTexts() {
        NgramExtractor ex = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 1, 2, 2, 5);
        List<String> docs = List.of("I love this 😍", "This is NOT great...", "", "données très bien");
        SparseFeaturizer f = new SparseFeaturizer(ex, new HashingIndex(1 << 10));
        SparseFeaturizer.Scratch scratch = f.newScratch();
        for (int round = 0; round < 2; round++) {
            for (String d : docs) {
                int n = f.featurize(d, scratch);
                SparseVector fresh = f.featurize(d);
                assertEquals(fresh.size(), n);
                for (int i = 0; i < n; i++) {
                    assertEquals(fresh.index(i), scratch.indices()[i]);
                    assertEquals(fresh.value(i), scratch.values()[i]);
                }
            }
        }
    }

    @Test
    void hashingCountsEqualReferenceBucketCounts() {
        NgramExtractor ex = new NgramExtractor(Tokenizer.SKLEARN_LIKE, 1, 2, 2, 5);
        HashingIndex index = new HashingIndex(97);
        String text = "the the cat, the hat 🐱🐱";
        Map<Integer, Float> expected = new HashMap<>();
        for (NgramExtractor.Ngram g : ex.ngrams(text)) {
            expected.merge((int) Math.floorMod(g.fingerprint(), 97L), 1f, Float::sum);
        }
        SparseVector x = new SparseFeaturizer(ex, index).featurize(text);
        Map<Integer, Float> actual = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            actual.put(x.index(i), x.value(i));
        }
        assertEquals(expected, actual);
    }

    @Test
    void vocabularyOfRejectsUnsortedFingerprints() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(new long[] {3, 1}));
    }

    @Test
    void longIntMapGrowsAndCounts() {
        LongIntMap map = new LongIntMap(2);
        for (long k = -500; k < 500; k++) {
            map.increment(k * 0x9E3779B97F4A7C15L, 1);
        }
        map.increment(7 * 0x9E3779B97F4A7C15L, 5);
        assertEquals(1000, map.size());
        assertEquals(6, map.get(7 * 0x9E3779B97F4A7C15L));
        assertEquals(-1, map.get(12345));
    }
}
