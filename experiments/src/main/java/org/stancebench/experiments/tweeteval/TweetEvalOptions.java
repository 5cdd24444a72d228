package org.stancebench.experiments.tweeteval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link TweetEvalReproduction} runs: immutable.
 *
 * @param corpora the folder holding {@code tweeteval/}, or the tweeteval folder itself
 * @param classifiers registered classifier names, in order
 * @param tasks TweetEval tasks among stance, irony, emotion, in order
 * @param seeds training seeds; every seed is a separate run
 * @param grids per classifier, the values of each setting to choose from on val (every combination is
 *     tried); a classifier without an entry uses {@link TweetEvalReproduction#defaultGrid}
 * @param fixed per classifier, settings added to every setting of its grid
 * @param perTarget stance: one model per target (as published) rather than one pooled model
 * @param refit retrain the setting chosen on val on train plus val (its inner choices fixed) and
 *     report that model's test score
 */
public record TweetEvalOptions(Path corpora, List<String> classifiers, List<String> tasks, List<Long> seeds,
                               Map<String, Map<String, List<String>>> grids, Map<String, Map<String, String>> fixed,
                               boolean perTarget, boolean refit) {
    public TweetEvalOptions {
        Objects.requireNonNull(corpora, "corpora");
        classifiers = List.copyOf(classifiers);
        tasks = List.copyOf(tasks);
        seeds = List.copyOf(seeds);
        grids = Map.copyOf(new TreeMap<>(grids));
        fixed = Map.copyOf(new TreeMap<>(fixed));
        if (classifiers.isEmpty() || tasks.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("the TweetEval reproduction needs a classifier, a task and a seed");
        }
        for (String task : tasks) {
            TweetEvalReproduction.metricOf(task);
        }
    }

    /** The published baselines' reproduction: the default classifiers, all tasks, seed 13, per target. */
    public static TweetEvalOptions defaults(Path corpora) {
        return new TweetEvalOptions(corpora, TweetEvalReproduction.DEFAULT_CLASSIFIERS, TweetEvalReproduction.TASKS,
                List.of(13L), Map.of(), Map.of(), true, false);
    }
}
