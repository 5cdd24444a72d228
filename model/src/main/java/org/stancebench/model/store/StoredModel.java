package org.stancebench.model.store;

import java.util.Objects;
import org.stancebench.api.Classifier;

/**
 * A model loaded from a verified model directory: the classifier and its provenance record.
 *
 * <p>Obtained from {@link ModelStore#load(java.nio.file.Path)}, which has checked every file's
 * SHA-256 against the provenance before loading. Closing it closes the classifier (which may hold
 * native memory).
 */
public record StoredModel(Classifier classifier, ModelProvenance provenance) implements AutoCloseable {
    public StoredModel {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public void close() {
        classifier.close();
    }
}
