package org.stancebench.dataset.splitting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.Fold;

/**
 * Seeded, stratified assignment of examples to train/dev/test splits and to repeated k-fold
 * cross-validation folds.
 *
 * <p>Both work on <em>groups</em> of identical texts (equal SHA-256), never on single examples, so
 * identical texts always land on the same side of a split and in the same fold. A group is counted
 * under the label of its first member. Within each label, groups are taken in input order, shuffled
 * with a {@link SplittableRandom} seeded from the given seed, then cut (splits) or dealt round-robin
 * (folds); labels are visited in sorted order. Same items in the same order and same seed give the
 * same assignment; nothing else is random.
 */
public final class Splits {

    /** Split names in their canonical order. */
    public static final List<String> SPLIT_NAMES = List.of("train", "dev", "test");

    /** Folds use their own random stream, so changing the split fractions never changes the folds. */
    private static final long FOLD_SALT = 0x5DEECE66DL;

    private Splits() {
    }

    /**
     * What a split or fold assignment needs to know about one example.
     *
     * @param id unique example id
     * @param label its gold label (the stratum)
     * @param sha256 hash of its text (the group)
     */
    public record Item(String id, String label, String sha256) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(sha256, "sha256");
        }

        /** The item view of an example. */
        public static Item of(Example e) {
            return new Item(e.id(), e.label(), e.sha256());
        }
    }

    /**
     * Assigns every item to {@code train}, {@code dev} or {@code test}. Per label with n groups, the
     * test part gets round(n * testFraction) groups and dev round(n * devFraction) (halves round up),
     * shrunk when needed so that train keeps at least one group.
     *
     * @return split name by item id, in input order
     */
    public static Map<String, String> trainDevTest(List<Item> items, long seed, double devFraction,
                                                   double testFraction) {
        if (!(devFraction >= 0 && testFraction >= 0 && devFraction + testFraction < 1)) {
            throw new IllegalArgumentException("dev and test fractions must be >= 0 and sum to < 1, got "
                    + devFraction + " and " + testFraction);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, String> byGroup = new HashMap<>();
        for (Map.Entry<String, List<String>> stratum : strata(items).entrySet()) {
            List<String> groups = new ArrayList<>(stratum.getValue());
            shuffle(groups, rng);
            int n = groups.size();
            int test = (int) Math.floor(n * testFraction + 0.5);
            int dev = (int) Math.floor(n * devFraction + 0.5);
            while (n > 0 && test + dev > n - 1) {
                if (dev >= test && dev > 0) {
                    dev--;
                } else {
                    test--;
                }
            }
            for (int i = 0; i < n; i++) {
                byGroup.put(groups.get(i), i < test ? "test" : i < test + dev ? "dev" : "train");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Item item : items) {
            out.put(item.id(), byGroup.get(item.sha256()));
        }
        return out;
    }

    /**
     * The number of folds actually used: {@code requested}, lowered only when there are fewer distinct
     * texts than folds, so that no fold is empty. A label with fewer distinct texts than folds is held
     * out in only some folds (as in scikit-learn's {@code StratifiedKFold}); see {@link #rareLabels}.
     *
     * @throws IllegalArgumentException when {@code requested < 2} or there are fewer than 2 distinct texts
     */
    public static int effectiveFolds(List<Item> items, int requested) {
        if (requested < 2) {
            throw new IllegalArgumentException("folds must be >= 2, got " + requested);
        }
        int groups = strata(items).values().stream().mapToInt(List::size).sum();
        if (groups < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 distinct texts, got " + groups);
        }
        return Math.min(requested, groups);
    }

    /**
     * Labels with fewer distinct texts than {@code folds}, with their count: such a label is missing
     * from some folds' held-out part, and a label with one text is missing from one fold's training part.
     */
    public static Map<String, Integer> rareLabels(List<Item> items, int folds) {
        Map<String, Integer> out = new TreeMap<>();
        strata(items).forEach((label, groups) -> {
            if (groups.size() < folds) {
                out.put(label, groups.size());
            }
        });
        return out;
    }

    /**
     * Repeated stratified k-fold assignments over all items, with k = {@link #effectiveFolds}. Within a
     * repeat, each label's shuffled groups are dealt to folds 0, 1, ... k-1, 0, ..., the dealing
     * continuing from where the previous label stopped so that fold sizes differ by at most one.
     *
     * @return repeats x k folds, ordered by repeat then fold; ids in input order
     */
    public static List<Fold> folds(List<Item> items, long seed, int folds, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        int k = effectiveFolds(items, folds);
        Map<String, List<String>> strata = strata(items);
        SplittableRandom rng = new SplittableRandom(seed ^ FOLD_SALT);
        List<Fold> out = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            Map<String, Integer> foldOfGroup = new HashMap<>();
            int next = 0;
            for (List<String> stratum : strata.values()) {
                List<String> groups = new ArrayList<>(stratum);
                shuffle(groups, rng);
                for (String g : groups) {
                    foldOfGroup.put(g, next % k);
                    next++;
                }
            }
            for (int f = 0; f < k; f++) {
                List<String> train = new ArrayList<>();
                List<String> test = new ArrayList<>();
                for (Item item : items) {
                    (foldOfGroup.get(item.sha256()) == f ? test : train).add(item.id());
                }
                out.add(new Fold(r, f, train, test));
            }
        }
        return out;
    }

    /**
     * Drops examples whose text also occurs in a later-priority split (test over dev over train), so
     * that a corpus whose published splits share texts can still be written. Returns the kept
     * examples in input order; a text repeated within one split is kept every time.
     */
    public static List<Example> removeCrossSplitDuplicates(List<Example> examples) {
        Map<String, Integer> best = new HashMap<>();
        for (Example e : examples) {
            best.merge(e.sha256(), priority(e.split()), Math::max);
        }
        List<Example> out = new ArrayList<>();
        for (Example e : examples) {
            if (priority(e.split()) == best.get(e.sha256())) {
                out.add(e);
            }
        }
        return out;
    }

    private static int priority(String split) {
        int i = SPLIT_NAMES.indexOf(split);
        if (i < 0) {
            throw new IllegalArgumentException("unknown split '" + split + "'; expected one of " + SPLIT_NAMES);
        }
        return i;
    }

    /** Groups (text hashes) per label, labels sorted, groups in order of first appearance. */
    private static Map<String, List<String>> strata(List<Item> items) {
        Map<String, List<String>> strata = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("duplicate example id " + item.id());
            }
            if (seen.add(item.sha256())) {
                strata.computeIfAbsent(item.label(), l -> new ArrayList<>()).add(item.sha256());
            }
        }
        return strata;
    }

    private static void shuffle(List<String> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
