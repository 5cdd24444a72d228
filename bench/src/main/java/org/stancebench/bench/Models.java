package org.stancebench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.store.ModelStore;

/**
 * How the benchmarks find, save and load classifiers: through the classifier registry and the model
 * store of the model module, so that what is measured is exactly what {@code stancebench train}
 * writes and {@code predict} loads (checksums verified on every load).
 */
public final class Models {

    private Models() {
    }

    /** Every registered classifier family, sorted by name. */
    public static List<ClassifierFactory> registered() {
        return ClassifierRegistry.all();
    }

    public static void save(Classifier model, TrainingData data, TrainingOptions options, Path dir) throws IOException {
        ModelStore.save(model, data, options, dir, true);
    }

    /** Loads a saved model after verifying it; the caller closes it. */
    public static Classifier load(Path dir) throws IOException {
        return ModelStore.load(dir).classifier();
    }
}
