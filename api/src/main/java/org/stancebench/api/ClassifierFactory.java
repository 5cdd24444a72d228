package org.stancebench.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A registered classifier family: trains new models and loads saved ones.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}, so a classifier from a jar on
 * the class path (a plug-in) is registered exactly like a built-in one: list it in
 * {@code META-INF/services/org.stancebench.api.ClassifierFactory}. Implementations have a public
 * no-argument constructor and are stateless.
 */
public interface ClassifierFactory {

    /** The unique registered name, lower case with dashes, for example {@code tfidf-logreg}. */
    String name();

    /** One line saying what the classifier is, for {@code stancebench models}. */
    String description();

    /**
     * Trains a model on {@code data.train()} (and {@code data.dev()} for early stopping or tuning
     * only). Training twice with equal data and options gives a model with identical predictions.
     *
     * @throws IllegalArgumentException when a setting is unknown or malformed
     */
    Classifier train(TrainingData data, TrainingOptions options);

    /**
     * Loads a model that {@link Classifier#save(Path)} wrote into {@code dir}.
     *
     * @throws IOException when the files are missing, unreadable or inconsistent, with a message
     *     naming the file and what is wrong
     */
    Classifier load(Path dir) throws IOException;
}
