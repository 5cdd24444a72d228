package org.stancebench.experiments.protocol;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

/**
 * A tiny deterministic classifier family for protocol tests: predicts the label most often seen with
 * a text's first word in training, mixed with the class prior; the seed perturbs probabilities
 * slightly so that seeds differ. Counts how many models it trained.
 */
final class KeywordFactory implements ClassifierFactory {
    int trained;

    @Override
    public String name() {
        return "keyword";
    }

    @Override
    public String description() {
        return "first-word lookup for tests";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        trained++;
        List<String> labels = data.labels();
        Map<String, double[]> byWord = new HashMap<>();
        double[] prior = new double[labels.size()];
        for (LabeledText t : data.train()) {
            int c = labels.indexOf(t.label());
            prior[c]++;
            byWord.computeIfAbsent(first(t.text()), w -> new double[labels.size()])[c]++;
        }
        SplittableRandom rng = new SplittableRandom(options.seed());
        double noise = 0.05 * rng.nextDouble();
        double weight = Double.parseDouble(options.get("weight", "1"));
        return new Classifier() {
            @Override
            public String name() {
                return "keyword";
            }

            @Override
            public List<String> labels() {
                // Reversed on purpose: the protocol must reorder by name.
                List<String> reversed = new java.util.ArrayList<>(labels);
                java.util.Collections.reverse(reversed);
                return reversed;
            }

            @Override
            public Map<String, String> settings() {
                return Map.of("weight", Double.toString(weight));
            }

            @Override
            public double[] predictProba(String text) {
                double[] counts = byWord.getOrDefault(first(text), new double[labels.size()]);
                double[] p = new double[labels.size()];
                double sum = 0;
                for (int c = 0; c < p.length; c++) {
                    p[c] = weight * counts[c] + prior[c] / data.train().size() + (c == 0 ? noise : 0);
                    sum += p[c];
                }
                double[] out = new double[p.length];
                for (int c = 0; c < p.length; c++) {
                    out[p.length - 1 - c] = p[c] / sum;
                }
                return out;
            }

            @Override
            public void save(Path dir) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public Classifier load(Path dir) {
        throw new UnsupportedOperationException();
    }

    private static String first(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
    }
}
