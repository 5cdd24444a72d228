package org.stancebench.dataset.splitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.Fold;
import org.stancebench.io.ContentHash;

class SplitsTest {

    /** 40 a, 25 b, 10 c, 5 d; every 7th text repeats the previous one (same label, same hash). */
    static List<Splits.Item> items() {
        List<Splits.Item> items = new ArrayList<>();
        int[] sizes = {40, 25, 10, 5};
        String[] labels = {"a", "b", "c", "d"};
        int n = 0;
        for (int l = 0; l < labels.length; l++) {
            for (int i = 0; i < sizes[l]; i++) {
                String text = labels[l] + (i % 7 == 6 ? i - 1 : i);
                items.add(new Splits.Item("x/" + n++, labels[l], ContentHash.sha256(text)));
            }
        }
        return items;
    }

    @ParameterizedTest
    @ValueSource(longs = {13, 1, 2, 99, -5})
    void splitIsStratifiedPerLabel(long seed) {
        List<Splits.Item> items = items();
        Map<String, String> split = Splits.trainDevTest(items, seed, 0.2, 0.2);
        assertEquals(items.size(), split.size());
        for (String label : List.of("a", "b", "c", "d")) {
            Map<String, Set<String>> groupsBySplit = new HashMap<>();
            Set<String> all = new HashSet<>();
            for (Splits.Item it : items) {
                if (it.label().equals(label)) {
                    groupsBySplit.computeIfAbsent(split.get(it.id()), s -> new HashSet<>()).add(it.sha256());
                    all.add(it.sha256());
                }
            }
            int n = all.size();
            // Each label's distinct texts split 60/20/20, within rounding (at most one group off).
            for (Map.Entry<String, Double> want : Map.of("train", 0.6, "dev", 0.2, "test", 0.2).entrySet()) {
                int got = groupsBySplit.getOrDefault(want.getKey(), Set.of()).size();
                assertTrue(Math.abs(got - want.getValue() * n) <= 1.0,
                        label + " " + want.getKey() + ": " + got + " of " + n);
            }
        }
    }

    @Test
    void identicalTextsNeverOnTwoSides() {
        List<Splits.Item> items = items();
        for (long seed = 0; seed < 20; seed++) {
            Map<String, String> split = Splits.trainDevTest(items, seed, 0.2, 0.2);
            Map<String, String> splitOfText = new HashMap<>();
            for (Splits.Item it : items) {
                String before = splitOfText.putIfAbsent(it.sha256(), split.get(it.id()));
                assertTrue(before == null || before.equals(split.get(it.id())), "seed " + seed + ": " + it.id());
            }
        }
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        List<Splits.Item> items = items();
        assertEquals(Splits.trainDevTest(items, 13, 0.2, 0.2), Splits.trainDevTest(items, 13, 0.2, 0.2));
        assertNotEquals(Splits.trainDevTest(items, 13, 0.2, 0.2), Splits.trainDevTest(items, 14, 0.2, 0.2));
        assertEquals(Splits.folds(items, 13, 5, 3), Splits.folds(items, 13, 5, 3));
        assertNotEquals(Splits.folds(items, 13, 5, 3), Splits.folds(items, 14, 5, 3));
    }

    @Test
    void everyItemHeldOutOncePerRepeatWithBalancedLabels() {
        List<Splits.Item> items = items();
        List<Fold> folds = Splits.folds(items, 13, 5, 3);
        assertEquals(15, folds.size());
        for (int r = 0; r < 3; r++) {
            Map<String, Integer> heldOut = new HashMap<>();
            for (Fold f : folds) {
                if (f.repeat() != r) {
                    continue;
                }
                assertEquals(items.size(), f.trainIds().size() + f.testIds().size());
                f.testIds().forEach(id -> heldOut.merge(id, 1, Integer::sum));
                Set<String> trainTexts = new HashSet<>();
                Set<String> testTexts = new HashSet<>();
                Map<String, Integer> testLabels = new HashMap<>();
                for (Splits.Item it : items) {
                    if (f.testIds().contains(it.id())) {
                        testTexts.add(it.sha256());
                        testLabels.merge(it.label(), 1, Integer::sum);
                    } else {
                        trainTexts.add(it.sha256());
                    }
                }
                trainTexts.retainAll(testTexts);
                assertEquals(Set.of(), trainTexts, "identical text on both sides of a fold");
                // d has 5 distinct texts and 5 folds: exactly one per fold.
                assertEquals(1, testLabels.getOrDefault("d", 0), "fold " + f.fold());
            }
            assertEquals(items.size(), heldOut.size());
            assertTrue(heldOut.values().stream().allMatch(c -> c == 1));
        }
    }

    @Test
    void foldsShrinkOnlyBelowTheNumberOfDistinctTexts() {
        List<Splits.Item> items = items();
        // c has 9 distinct texts and d 5, yet 10 folds are kept: a rare label no longer caps the folds.
        assertEquals(10, Splits.effectiveFolds(items, 10));
        assertEquals(3, Splits.effectiveFolds(items, 3));
        assertEquals(Map.of("c", 9, "d", 5), Splits.rareLabels(items, 10));
        assertEquals(Map.of(), Splits.rareLabels(items, 5));
        List<Splits.Item> tiny = List.of(new Splits.Item("1", "a", "h1"), new Splits.Item("2", "a", "h2"),
                new Splits.Item("3", "b", "h3"));
        assertEquals(3, Splits.effectiveFolds(tiny, 5));
        assertEquals(2, Splits.effectiveFolds(tiny, 2));
        assertThrows(IllegalArgumentException.class, () -> Splits.effectiveFolds(tiny, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Splits.effectiveFolds(List.of(new Splits.Item("1", "a", "h1")), 5));
    }

    @Test
    void labelWithOneTextIsHeldOutOnceAndEveryFoldHasTestExamples() {
        List<Splits.Item> items = new ArrayList<>(items());
        items.add(new Splits.Item("x/single", "e", ContentHash.sha256("only e")));
        List<Fold> folds = Splits.folds(items, 13, 5, 2);
        assertEquals(10, folds.size());
        for (int r = 0; r < 2; r++) {
            int repeat = r;
            long heldOut = folds.stream().filter(f -> f.repeat() == repeat && f.testIds().contains("x/single")).count();
            assertEquals(1, heldOut, "repeat " + r);
        }
        assertTrue(folds.stream().allMatch(f -> !f.testIds().isEmpty() && !f.trainIds().isEmpty()));
    }

    @Test
    void crossSplitDuplicatesKeepTheTestCopy() {
        Example train = new Example("t/1", "same", "a", "post", "s", "train", null, ContentHash.sha256("same"));
        Example test = new Example("t/2", "same", "a", "post", "s", "test", null, ContentHash.sha256("same"));
        Example other = new Example("t/3", "other", "a", "post", "s", "train", null, ContentHash.sha256("other"));
        assertEquals(List.of(test, other), Splits.removeCrossSplitDuplicates(List.of(train, test, other)));
    }
}
