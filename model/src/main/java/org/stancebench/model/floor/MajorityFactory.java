package org.stancebench.model.floor;

import java.io.IOException;
import java.nio.file.Path;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.ClassCounts;
import org.stancebench.model.Settings;

/**
 * Registers the {@code majority} floor classifier (see {@link MajorityClassifier}). It has no
 * settings and ignores the seed and the development split.
 */
public final class MajorityFactory implements ClassifierFactory {
    static final String NAME = "majority";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "floor: predicts the training class prior for every text (most frequent label wins)";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        new Settings(NAME, options.settings()).rejectUnknown();
        return new MajorityClassifier(ClassCounts.of(data));
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        return MajorityClassifier.load(dir);
    }
}
