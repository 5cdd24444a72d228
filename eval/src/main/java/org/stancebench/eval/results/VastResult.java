package org.stancebench.eval.results;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One classifier of the VAST reproduction for one seed: every setting tried with its dev scores,
 * the one dev chose, and its official test scores (macro-F1 over con, pro and neutral, x100, with
 * bootstrap intervals) overall and on the zero-shot and few-shot topic subsets.
 *
 * @param classifier the registered classifier name
 * @param seed the training seed
 * @param chosen the index in {@code candidates} of the setting dev chose (the first on ties)
 * @param candidates every setting tried, in grid order
 * @param trainSize training rows (the published train file minus the carved dev)
 * @param devSize dev rows carved from the train file
 * @param devZeroShotSize dev rows whose topic has no training row
 * @param test the chosen setting's test scores by subset: {@link #SUBSETS}
 * @param seconds seconds of training and prediction summed over the classifier's units
 */
public record VastResult(String classifier, long seed, int chosen, List<Candidate> candidates, int trainSize,
                         int devSize, int devZeroShotSize, Map<String, Score> test, double seconds) {
    /** The test subsets, in table order: every row, the zero-shot rows ({@code seen?} = 0), the few-shot rows. */
    public static final List<String> SUBSETS = List.of("all", "zero-shot", "few-shot");

    public VastResult {
        candidates = List.copyOf(candidates);
        test = Map.copyOf(test);
        if (chosen < 0 || chosen >= candidates.size()) {
            throw new IllegalArgumentException("chosen candidate " + chosen + " out of range");
        }
        if (!test.keySet().equals(java.util.Set.copyOf(SUBSETS))) {
            throw new IllegalArgumentException("test scores must be given for " + SUBSETS + ", got " + test.keySet());
        }
    }

    /** The candidate dev chose. */
    public Candidate best() {
        return candidates.get(chosen);
    }

    /**
     * A score x100 with its percentile-bootstrap interval (the examples resampled).
     *
     * @param n examples scored
     */
    public record Score(double value, double low, double high, int n) {
    }

    /**
     * One setting tried: macro-F1 x100 on dev (all rows and the zero-shot rows) and on test (all
     * rows; kept for the record only, never used to choose).
     *
     * @param model the trained model's effective settings (inner choices such as C)
     */
    public record Candidate(TreeMap<String, String> settings, double dev, double devZeroShot, double test,
                            Map<String, String> model) {
        public Candidate {
            settings = new TreeMap<>(settings);
            model = Map.copyOf(model);
        }
    }

    /**
     * A published result: test macro-F1 x100 overall, zero-shot and few-shot, and where the numbers
     * were read.
     */
    public record Published(String model, double all, double zeroShot, double fewShot, String source) {
    }

    /** Where the published rows were read. */
    public static final String MPRF_TABLE_2 = "Allaway and McKeown (EMNLP 2020), as quoted in Table 2 of Zhang et "
            + "al., \"MPRF: Interpretable Stance Detection through Multi-Path Reasoning Framework\"";

    /**
     * The rows of the VAST paper's test table that could be read in a stored, nameable source (see
     * docs/vast.md), in the paper's order. The paper's CMaj, BoWV, C-FFNN, BERT-sep and BERT-joint
     * rows were not found in one and are not printed ({@link #NOT_FOUND}).
     */
    public static final List<Published> PUBLISHED = List.of(
            new Published("BiCond", 41.5, 42.8, 40.0, MPRF_TABLE_2),
            new Published("Cross-Net", 45.5, 43.4, 47.4, MPRF_TABLE_2),
            new Published("TGA Net", 66.5, 66.6, 66.3, MPRF_TABLE_2));

    /** Rows of the VAST paper's table whose numbers were not found in a source that can be named. */
    public static final List<String> NOT_FOUND = List.of("CMaj", "BoWV", "C-FFNN", "BERT-sep", "BERT-joint");
}
