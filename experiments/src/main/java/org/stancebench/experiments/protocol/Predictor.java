package org.stancebench.experiments.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.stancebench.api.Classifier;
import org.stancebench.api.Probabilities;
import org.stancebench.dataset.Example;
import org.stancebench.eval.results.PredictionRecord;

/**
 * Runs a classifier over examples and records its predictions in the dataset's label order.
 *
 * <p>The classifier's labels may come in another order than the dataset's; probabilities are
 * reordered by name, and a dataset label the classifier does not know gets probability 0. A
 * classifier label the dataset does not know is an error. The predicted label is the first label
 * (in dataset order) with the highest probability.
 */
public final class Predictor {
    /** Texts per call of {@link Classifier#predictProba(List)}. */
    static final int BATCH = 64;

    private Predictor() {
    }

    public static List<PredictionRecord> predict(Classifier classifier, List<String> labels, List<Example> examples,
                                          Integer repeat, Long seed, Consumer<String> progress, String what) {
        int[] map = mapping(classifier.labels(), labels, classifier.name());
        List<PredictionRecord> out = new ArrayList<>(examples.size());
        for (int start = 0; start < examples.size(); start += BATCH) {
            List<Example> batch = examples.subList(start, Math.min(examples.size(), start + BATCH));
            List<double[]> probs = classifier.predictProba(batch.stream().map(Example::text).toList());
            if (probs.size() != batch.size()) {
                throw new IllegalStateException("classifier " + classifier.name() + " returned " + probs.size()
                        + " predictions for " + batch.size() + " texts");
            }
            for (int i = 0; i < batch.size(); i++) {
                out.add(record(batch.get(i), probs.get(i), map, labels, repeat, seed, classifier.name()));
            }
            if (examples.size() > BATCH) {
                progress.accept(what + "predicted " + Math.min(examples.size(), start + BATCH) + "/"
                        + examples.size());
            }
        }
        return out;
    }

    /** For each classifier label position, its index in the dataset's labels. */
    private static int[] mapping(List<String> classifierLabels, List<String> labels, String name) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int[] map = new int[classifierLabels.size()];
        for (int j = 0; j < map.length; j++) {
            Integer i = index.get(classifierLabels.get(j));
            if (i == null) {
                throw new IllegalArgumentException("classifier " + name + " predicts label '"
                        + classifierLabels.get(j) + "', which the dataset does not have (labels " + labels + ")");
            }
            map[j] = i;
        }
        return map;
    }

    private static PredictionRecord record(Example e, double[] p, int[] map, List<String> labels,
                                           Integer repeat, Long seed, String name) {
        if (p.length != map.length) {
            throw new IllegalStateException("classifier " + name + " returned " + p.length
                    + " probabilities for " + map.length + " labels on " + e.id());
        }
        double[] ordered = new double[labels.size()];
        for (int j = 0; j < p.length; j++) {
            if (!Double.isFinite(p[j])) {
                throw new IllegalStateException("classifier " + name + " returned a non-finite probability on "
                        + e.id());
            }
            ordered[map[j]] = p[j];
        }
        List<Double> boxed = new ArrayList<>(ordered.length);
        for (double v : ordered) {
            boxed.add(v);
        }
        return new PredictionRecord(e.id(), e.label(), labels.get(Probabilities.argmax(ordered)), boxed, repeat, seed);
    }
}
