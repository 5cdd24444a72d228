package org.stancebench.dataset.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Carves seeded, stratified dev and test splits out of a list of labelled items, keeping items that
 * share a cluster key (an identical text, a VAST post with several topics) on the same side.
 *
 * <p>Guarantees: the result depends only on the items' labels and keys (in order), the fractions and
 * the seed; within each stratum (the clusters whose most frequent label is the stratum's label, ties
 * going to the label that sorts first) the test split receives clusters until it holds at least
 * {@code round(testFraction * stratum size)} items, then dev likewise, and the rest stay in train, so
 * label proportions are kept to within one cluster per stratum.
 */
public final class StratifiedCarver {
    private final double devFraction;
    private final double testFraction;
    private final long seed;

    /**
     * A carver.
     *
     * @param devFraction share of items for dev, in [0, 1)
     * @param testFraction share of items for test, in [0, 1); {@code devFraction + testFraction < 1}
     * @param seed the seed of the only random step, the order in which clusters are drawn
     */
    public StratifiedCarver(double devFraction, double testFraction, long seed) {
        if (!(devFraction >= 0 && devFraction < 1) || !(testFraction >= 0 && testFraction < 1)
                || devFraction + testFraction >= 1) {
            throw new IllegalArgumentException(String.format(
                    "dev and test fractions must be in [0, 1) with a sum below 1, got %s and %s",
                    devFraction, testFraction));
        }
        this.devFraction = devFraction;
        this.testFraction = testFraction;
        this.seed = seed;
    }

    public double devFraction() {
        return devFraction;
    }

    public double testFraction() {
        return testFraction;
    }

    public long seed() {
        return seed;
    }

    /**
     * Assigns {@code train}, {@code dev} or {@code test} to each item.
     *
     * @param labels the label of each item
     * @param clusterKeys the cluster of each item (items with equal keys stay together)
     * @return the split of each item, in item order
     */
    public List<String> carve(List<String> labels, List<String> clusterKeys) {
        if (labels.size() != clusterKeys.size()) {
            throw new IllegalArgumentException("labels and cluster keys differ in length");
        }
        Map<String, List<Integer>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            clusters.computeIfAbsent(clusterKeys.get(i), k -> new ArrayList<>()).add(i);
        }
        Map<String, List<List<Integer>>> strata = new TreeMap<>();
        for (List<Integer> members : clusters.values()) {
            strata.computeIfAbsent(majorityLabel(labels, members), k -> new ArrayList<>()).add(members);
        }
        String[] split = new String[labels.size()];
        Arrays.fill(split, "train");
        SplittableRandom random = new SplittableRandom(seed);
        for (List<List<Integer>> stratum : strata.values()) {
            shuffle(stratum, random);
            int size = stratum.stream().mapToInt(List::size).sum();
            long testTarget = Math.round(testFraction * size);
            long devTarget = Math.round(devFraction * size);
            int inTest = 0;
            int inDev = 0;
            for (List<Integer> members : stratum) {
                String to;
                if (inTest < testTarget) {
                    to = "test";
                    inTest += members.size();
                } else if (inDev < devTarget) {
                    to = "dev";
                    inDev += members.size();
                } else {
                    break;
                }
                for (int i : members) {
                    split[i] = to;
                }
            }
        }
        return List.of(split);
    }

    private static String majorityLabel(List<String> labels, List<Integer> members) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i : members) {
            counts.merge(labels.get(i), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow()
                .getKey();
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
