package org.stancebench.eval.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.stancebench.eval.metrics.ScoredExamples;
import org.stancebench.eval.results.BootstrapInfo;

/**
 * Seeded percentile-bootstrap confidence intervals for any set of named statistics of predictions.
 *
 * <p>Resampling unit: the example. Each resample draws as many examples as there are, with
 * replacement, and takes all of each drawn example's predictions (every repeat and seed under
 * cross-validation), so repeated predictions of one example never narrow the interval. Stratified
 * resampling draws within each gold class separately, keeping class sizes fixed. The interval is
 * the percentile interval with R's type-7 quantiles. The generator is Commons Math's
 * {@link Well19937c} seeded with the given seed: same data and options, same intervals.
 */
public final class Bootstrap {
    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Default generator seed. */
    public static final long DEFAULT_SEED = 20260101L;

    private Bootstrap() {
    }

    /** The default options: 1,000 resamples, seed {@value #DEFAULT_SEED}, not stratified, 95%. */
    public static BootstrapInfo defaults() {
        return new BootstrapInfo(DEFAULT_RESAMPLES, DEFAULT_SEED, false, 0.95);
    }

    /**
     * For every key {@code statistic} returns, the interval {@code {low, high}} over resamples.
     *
     * @param statistic maps prediction indices (with repeats) to named values; it must return the
     *     same keys for every index set
     */
    public static Map<String, double[]> intervals(ScoredExamples data,
                                                  Function<int[], Map<String, Double>> statistic,
                                                  BootstrapInfo options) {
        int[][] members = data.members();
        if (members.length == 0) {
            throw new IllegalArgumentException("cannot bootstrap an empty set of predictions");
        }
        List<int[]> strata = strata(data, options.stratified());
        RandomGenerator rng = new Well19937c(options.seed());
        int total = data.size();
        Map<String, double[]> samples = new LinkedHashMap<>();
        for (int r = 0; r < options.resamples(); r++) {
            int[] indices = new int[total];
            int filled = 0;
            for (int[] stratum : strata) {
                for (int j = 0; j < stratum.length; j++) {
                    int[] example = members[stratum[rng.nextInt(stratum.length)]];
                    if (filled + example.length > indices.length) {
                        indices = Arrays.copyOf(indices, Math.max(indices.length * 2, filled + example.length));
                    }
                    System.arraycopy(example, 0, indices, filled, example.length);
                    filled += example.length;
                }
            }
            Map<String, Double> values = statistic.apply(filled == indices.length ? indices
                    : Arrays.copyOf(indices, filled));
            for (Map.Entry<String, Double> e : values.entrySet()) {
                samples.computeIfAbsent(e.getKey(), k -> new double[options.resamples()])[r] = e.getValue();
            }
        }
        double alpha = (1 - options.confidence()) / 2;
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] v = e.getValue();
            Arrays.sort(v);
            out.put(e.getKey(), new double[] {quantile(v, alpha), quantile(v, 1 - alpha)});
        }
        return out;
    }

    private static List<int[]> strata(ScoredExamples data, boolean stratified) {
        int[][] members = data.members();
        if (!stratified) {
            int[] all = new int[members.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return List.of(all);
        }
        Map<Integer, List<Integer>> byGold = new HashMap<>();
        for (int e = 0; e < members.length; e++) {
            byGold.computeIfAbsent(data.gold()[members[e][0]], k -> new ArrayList<>()).add(e);
        }
        List<int[]> out = new ArrayList<>();
        byGold.keySet().stream().sorted().forEach(g ->
                out.add(byGold.get(g).stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /**
     * The {@code q} quantile of sorted values by linear interpolation between order statistics
     * (R's type 7, numpy's default).
     */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
