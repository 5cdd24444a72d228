package org.stancebench.eval.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One example's prediction: gold and predicted label, and the probabilities in the dataset's label
 * order when the classifier gave them. With cross-validation, {@code repeat} and {@code seed} say
 * which out-of-fold prediction this is (each example appears once per repeat and seed).
 *
 * @param probs probabilities in label order, or null when only a label was predicted
 * @param repeat the cross-validation repeat, null on a fixed split
 * @param seed the training seed, null when unknown (for example a predictions file)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionRecord(String id, String gold, String predicted, List<Double> probs,
                               Integer repeat, Long seed) implements Serializable {
    public PredictionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predicted, "predicted");
        probs = probs == null ? null : List.copyOf(probs);
    }
}
