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
 * Registers the {@code stratified} floor classifier (see {@link StratifiedClassifier}). It has no
 * settings; the training seed decides the draws; the development split is not used.
 */
public final class StratifiedFactory implements ClassifierFactory {
    static final String NAME = "stratified";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "floor: a label drawn at random by the training class prior (seeded per text)";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        new Settings(NAME, options.settings()).rejectUnknown();
        return new StratifiedClassifier(options.seed(), ClassCounts.of(data));
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        return StratifiedClassifier.load(dir);
    }
}
