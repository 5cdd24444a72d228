package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StratifiedCarverTest {

    private static List<String> labels(int a, int b) {
        List<String> labels = new ArrayList<>(Collections.nCopies(a, "a"));
        labels.addAll(Collections.nCopies(b, "b"));
        return labels;
    }

    private static List<String> distinctKeys(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("k" + i);
        }
        return keys;
    }

    @Test
    void keepsLabelProportionsInEverySplit() {
        List<String> labels = labels(100, 50);
        List<String> splits = new StratifiedCarver(0.2, 0.1, 7).carve(labels, distinctKeys(150));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            counts.merge(splits.get(i) + "/" + labels.get(i), 1, Integer::sum);
        }
        // hand computation: test round(0.1*100)=10 a, round(0.1*50)=5 b; dev 20 a, 10 b; rest train
        assertEquals(Map.of("test/a", 10, "test/b", 5, "dev/a", 20, "dev/b", 10, "train/a", 70, "train/b", 35), counts);
    }

    @Test
    void sameSeedSameSplitsDifferentSeedDifferentSplits() {
        List<String> labels = labels(60, 40);
        List<String> keys = distinctKeys(100);
        List<String> first = new StratifiedCarver(0.15, 0.15, 42).carve(labels, keys);
        assertEquals(first, new StratifiedCarver(0.15, 0.15, 42).carve(labels, keys));
        assertNotEquals(first, new StratifiedCarver(0.15, 0.15, 43).carve(labels, keys));
    }

    @Test
    void itemsSharingAKeyStayTogether() {
        List<String> labels = labels(40, 40);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            keys.add("post" + (i % 20)); // 20 clusters of 4, each mixing both labels
        }
        for (long seed = 0; seed < 20; seed++) {
            List<String> splits = new StratifiedCarver(0.25, 0.25, seed).carve(labels, keys);
            Map<String, String> splitOfKey = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                String previous = splitOfKey.putIfAbsent(keys.get(i), splits.get(i));
                if (previous != null) {
                    assertEquals(previous, splits.get(i), "seed " + seed + ", cluster " + keys.get(i));
                }
            }
        }
    }

    @Test
    void zeroFractionsLeaveEverythingInTrain() {
        assertEquals(Collections.nCopies(10, "train"), new StratifiedCarver(0, 0, 1).carve(labels(5, 5), distinctKeys(10)));
    }

    @ParameterizedTest
    @CsvSource({"-0.1, 0.1", "0.5, 0.5", "1.0, 0", "0, 1.0", "NaN, 0.1"})
    void rejectsImpossibleFractions(double dev, double test) {
        assertThrows(IllegalArgumentException.class, () -> new StratifiedCarver(dev, test, 1));
    }
}
