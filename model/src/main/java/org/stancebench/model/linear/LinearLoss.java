package org.stancebench.model.linear;

import java.util.Locale;

/** The training loss of a sparse linear model. */
public enum LinearLoss {
    /** Multinomial logistic regression: softmax cross-entropy (scikit-learn's LogisticRegression). */
    LOGISTIC,
    /**
     * One-vs-rest squared hinge: a multiclass linear SVM (scikit-learn's LinearSVC default loss);
     * probabilities are the softmax of its decision values, uncalibrated.
     */
    HINGE;

    /** Parses {@code logistic} or {@code hinge}. */
    public static LinearLoss parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "logistic", "log", "logreg" -> LOGISTIC;
            case "hinge", "squared_hinge", "svm" -> HINGE;
            default -> throw new IllegalArgumentException("loss must be 'logistic' or 'hinge', got '" + text + "'");
        };
    }

    /** The setting value naming this loss. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
