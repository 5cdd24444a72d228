package org.stancebench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

/**
 * How the benchmarks find, save and load classifiers: through the classifier registry and the model
 * store of the model module, so that what is measured is exactly what {@code stancebench train}
 * writes and {@code predict} loads.
 */
final class Models {

    private Models() {
    }

    /** Every registered classifier family, sorted by name. */
    static List<ClassifierFactory> registered() {
        List<ClassifierFactory> found = new ArrayList<>();
        ServiceLoader.load(ClassifierFactory.class).forEach(found::add);
        found.sort(Comparator.comparing(ClassifierFactory::name));
        return List.copyOf(found);
    }

    static void save(ClassifierFactory factory, Classifier model, TrainingData data, TrainingOptions options,
                     Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        model.save(dir);
    }

    /** Loads a saved model; the caller closes it. */
    static Classifier load(String classifier, Path dir) throws IOException {
        for (ClassifierFactory f : registered()) {
            if (f.name().equals(classifier)) {
                return f.load(dir);
            }
        }
        throw new IOException(dir + ": classifier '" + classifier + "' is not registered");
    }
}
