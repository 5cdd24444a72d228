package org.stancebench.api;

import java.util.Objects;

/**
 * One text with its gold label, as a classifier sees it during training.
 *
 * <p>Immutable. {@code id} identifies the example inside its dataset (for example {@code seed/c03});
 * {@code text} may be empty but never null; {@code label} is one of the task's labels.
 */
public record LabeledText(String id, String text, String label) {
    public LabeledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
