package org.stancebench.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;

/**
 * How many training examples each label has, in label-set order: the class prior that the floor
 * classifiers predict and that others use as a prior.
 *
 * <p>Immutable and JSON-serializable as {@code {"labels": [...], "counts": [...]}}. Counts are
 * integers so that a saved prior reloads exactly. The total is positive.
 */
public record ClassCounts(List<String> labels, List<Long> counts) {
    public ClassCounts {
        if (labels == null || counts == null) {
            throw new IllegalArgumentException("labels/counts: missing");
        }
        labels = List.copyOf(labels);
        counts = List.copyOf(counts);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels: empty");
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels: duplicates in " + labels);
        }
        if (counts.size() != labels.size()) {
            throw new IllegalArgumentException("counts: " + counts.size() + " values for " + labels.size() + " labels");
        }
        long total = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts: negative value " + c);
            }
            total += c;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("counts: no examples");
        }
    }

    /**
     * Counts the labels of {@code data.train()}.
     *
     * @throws IllegalArgumentException when there are no training examples
     */
    public static ClassCounts of(TrainingData data) {
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < data.labels().size(); i++) {
            index.put(data.labels().get(i), i);
        }
        long[] counts = new long[data.labels().size()];
        for (LabeledText t : data.train()) {
            counts[index.get(t.label())]++;
        }
        List<Long> list = new ArrayList<>();
        for (long c : counts) {
            list.add(c);
        }
        return new ClassCounts(data.labels(), list);
    }

    /** The total number of examples. */
    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** The maximum-likelihood prior: count / total per label. */
    public double[] prior() {
        return smoothedPrior(0);
    }

    /** The additively smoothed prior: (count + alpha) / (total + alpha * labels). */
    public double[] smoothedPrior(double alpha) {
        double denominator = total() + alpha * labels.size();
        double[] p = new double[labels.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (counts.get(i) + alpha) / denominator;
        }
        return p;
    }
}
