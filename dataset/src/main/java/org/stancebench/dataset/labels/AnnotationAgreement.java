package org.stancebench.dataset.labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.stancebench.dataset.page.PageUnit;
import org.stancebench.metrics.ConfusionMatrix;

/**
 * Agreement between two independent annotation passes over the same units: observed agreement and
 * Cohen's kappa, overall and per group of units, each with a 95% percentile-bootstrap interval.
 *
 * <p>Kappa is {@code (po - pe) / (1 - pe)} with {@code pe} from the two passes' own label marginals
 * (Cohen 1960), computed by the metrics module's {@link ConfusionMatrix#kappa()}. It is undefined when {@code pe = 1} (both passes use one and the same label for every
 * unit); such a group reports {@link Double#NaN}. The interval resamples units with replacement
 * ({@link #RESAMPLES} times, {@link SplittableRandom} seeded by the caller) and takes the 2.5th and
 * 97.5th percentiles of the resampled kappas; resamples where kappa is undefined are left out and
 * counted. Deterministic: the same passes and seed give the same figures.
 */
public final class AnnotationAgreement {

    /** Bootstrap resamples per interval. */
    public static final int RESAMPLES = 10_000;

    private AnnotationAgreement() {
    }

    /**
     * Agreement of one group of units.
     *
     * @param group the group's name, for example {@code all} or {@code sentence}
     * @param units how many units the group has
     * @param agreed on how many both passes gave the same label
     * @param kappa Cohen's kappa, NaN when undefined
     * @param low the interval's lower end, NaN when undefined
     * @param high the interval's upper end, NaN when undefined
     * @param undefinedResamples resamples left out of the interval because kappa was undefined there
     */
    public record Group(String group, int units, int agreed, double kappa, double low, double high,
                        int undefinedResamples) {
        public Group {
            Objects.requireNonNull(group, "group");
            if (agreed < 0 || agreed > units) {
                throw new IllegalArgumentException("agreed " + agreed + " outside 0.." + units);
            }
        }

        /** Observed agreement, {@code agreed / units}. */
        public double observed() {
            return units == 0 ? Double.NaN : (double) agreed / units;
        }
    }

    /**
     * Cohen's kappa of {@code m} (rows the first pass, columns the second); NaN when the expected
     * agreement is 1 or the matrix is empty, where the ratio is undefined.
     */
    public static double kappa(ConfusionMatrix m) {
        return m.total() == 0 || m.expectedAgreement() >= 1 ? Double.NaN : m.kappa();
    }

    /**
     * Agreement of {@code first} and {@code second} (label indices into a set of {@code labels}
     * labels, one per unit, same order), with a bootstrap interval seeded by {@code seed}.
     */
    public static Group of(String group, int[] first, int[] second, int labels, long seed) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("the passes label " + first.length + " and " + second.length + " units");
        }
        int n = first.length;
        int agreed = 0;
        for (int i = 0; i < n; i++) {
            agreed += first[i] == second[i] ? 1 : 0;
        }
        double kappa = kappa(table(first, second, labels, null));
        if (n == 0 || Double.isNaN(kappa)) {
            return new Group(group, n, agreed, kappa, Double.NaN, Double.NaN, 0);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[RESAMPLES];
        int kept = 0;
        int[] pick = new int[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                pick[i] = random.nextInt(n);
            }
            double k = kappa(table(first, second, labels, pick));
            if (!Double.isNaN(k)) {
                draws[kept++] = k;
            }
        }
        double[] sorted = Arrays.copyOf(draws, kept);
        Arrays.sort(sorted);
        return new Group(group, n, agreed, kappa, percentile(sorted, 0.025), percentile(sorted, 0.975), RESAMPLES - kept);
    }

    /**
     * Agreement of two passes over {@code units}: overall first, then one group per unit type in
     * order of first appearance, headline and subtitle together as {@code headline/subtitle}.
     */
    public static List<Group> of(List<PageUnit> units, LabelFile first, LabelFile second, List<String> labels, long seed) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        groups.put("all", new ArrayList<>());
        for (int i = 0; i < units.size(); i++) {
            groups.get("all").add(i);
            groups.computeIfAbsent(groupOf(units.get(i).unit()), g -> new ArrayList<>()).add(i);
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
            List<Integer> members = e.getValue();
            int[] a = new int[members.size()];
            int[] b = new int[members.size()];
            for (int j = 0; j < members.size(); j++) {
                String id = units.get(members.get(j)).id();
                a[j] = labels.indexOf(first.get(id).label());
                b[j] = labels.indexOf(second.get(id).label());
            }
            out.add(of(e.getKey(), a, b, labels.size(), seed));
        }
        return out;
    }

    private static String groupOf(String unitType) {
        return unitType.equals("headline") || unitType.equals("subtitle") ? "headline/subtitle" : unitType;
    }

    private static ConfusionMatrix table(int[] first, int[] second, int labels, int[] pick) {
        ConfusionMatrix m = new ConfusionMatrix(labels);
        for (int i = 0; i < first.length; i++) {
            int u = pick == null ? i : pick[i];
            m.add(first[u], second[u]);
        }
        return m;
    }

    /** Linear interpolation between closest ranks (the default of R's {@code quantile}, type 7). */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
