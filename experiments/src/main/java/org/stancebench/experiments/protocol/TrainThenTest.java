package org.stancebench.experiments.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;
import org.stancebench.model.store.ModelProvenance;

/**
 * Train once, then test: a model trained on the dataset's {@code train} split (its {@code dev} split
 * for tuning) with one seed, evaluated on another split ({@code test} by default). The run is named
 * {@code CLASSIFIER@SPLIT} and carries the model's provenance.
 */
public final class TrainThenTest {

    private TrainThenTest() {
    }

    /**
     * Trains {@code factory} with {@code seed} and {@code settings} and evaluates it on {@code split}.
     *
     * @throws IllegalArgumentException when the split is empty or the classifier's labels do not fit
     */
    public static RunResult run(ClassifierFactory factory, Dataset dataset, String split, long seed,
                                Map<String, String> settings, EvalOptions options) {
        options.progress().accept(factory.name() + ": training on train (tuning on dev), seed " + seed);
        TrainingData data = dataset.trainingData("train", "dev");
        TrainingOptions training = new TrainingOptions(seed, settings, m -> { });
        try (Classifier model = factory.train(data, training)) {
            JsonNode provenance;
            try {
                provenance = ResultsIo.mapper().readTree(ModelProvenance.describe(model, data, training, Map.of()).toJson());
            } catch (IOException e) {
                throw new IllegalStateException("cannot record the provenance of " + factory.name() + ": "
                        + e.getMessage(), e);
            }
            return Evaluation.onSplit(model, dataset, split, List.of(seed), provenance, options);
        }
    }
}
