package org.stancebench.example;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

/**
 * The example plug-in's factory, {@code centroid-example}: a nearest-centroid classifier over
 * hashed word counts and a few surface features (length, exclamation and question marks, quotes).
 *
 * <p>Registered in this jar's {@code META-INF/services/org.stancebench.api.ClassifierFactory}, so
 * putting the jar on the class path (for the launcher: {@code STANCEBENCH_CLASSPATH}) is all it takes.
 * Training is deterministic and uses no randomness, so the seed does not change the model. Settings:
 * {@code buckets} (hashed word features, default 64) and {@code temperature} (of the softmax over
 * negative squared distances, default 1).
 */
public final class CentroidFactory implements ClassifierFactory {
    static final String NAME = "centroid-example";
    private static final Set<String> SETTINGS = Set.of("buckets", "temperature");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Example plug-in: nearest centroid over hashed words and surface features (examples/plugin-example)";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        for (String key : options.settings().keySet()) {
            if (!SETTINGS.contains(key)) {
                throw new IllegalArgumentException(NAME + ": unknown setting '" + key + "'; known: buckets, temperature");
            }
        }
        int buckets = parseInt("buckets", options.get("buckets", "64"));
        double temperature = parseDouble("temperature", options.get("temperature", "1"));
        return CentroidClassifier.train(data, buckets, temperature, options.progress());
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        return CentroidClassifier.load(dir);
    }

    private static int parseInt(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new IllegalArgumentException(NAME + ": setting " + key + " must be at least 1, got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NAME + ": setting " + key + " must be an integer, got '" + value + "'");
        }
    }

    private static double parseDouble(String key, String value) {
        try {
            double d = Double.parseDouble(value);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(NAME + ": setting " + key + " must be positive, got " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NAME + ": setting " + key + " must be a number, got '" + value + "'");
        }
    }
}
