package org.stancebench.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained text classifier: predicts a probability for every label of its label set.
 *
 * <p>Guarantees every implementation keeps: {@link #predictProba(String)} returns one finite,
 * non-negative value per entry of {@link #labels()}, in that order, summing to 1 (within 1e-6);
 * it accepts any string, including the empty one; predictions are a pure function of the saved
 * state, so a model loaded from what {@link #save(Path)} wrote predicts exactly the same values.
 * A classifier may hold native memory, so it is {@link AutoCloseable}; close it when done.
 */
public interface Classifier extends AutoCloseable {

    /** The registered name of the classifier family, for example {@code naive-bayes}. */
    String name();

    /** The label set, in the order of every probability vector this classifier returns. */
    List<String> labels();

    /** The settings this model was trained with, including defaults, for provenance. */
    Map<String, String> settings();

    /** Class probabilities for one text, in the order of {@link #labels()}. */
    double[] predictProba(String text);

    /**
     * Class probabilities for a batch of texts, one array per text in input order. The default
     * predicts one at a time; classifiers that batch faster override it, with identical results.
     */
    default List<double[]> predictProba(List<String> texts) {
        List<double[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(predictProba(text));
        }
        return out;
    }

    /**
     * Writes everything {@link ClassifierFactory#load(Path)} needs into {@code dir}, which exists and
     * is empty. Provenance and checksums are written around this by the model store, not here.
     */
    void save(Path dir) throws IOException;

    /** Releases native memory, if any. The default does nothing. */
    @Override
    default void close() {
    }
}
