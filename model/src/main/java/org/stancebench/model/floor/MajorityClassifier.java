package org.stancebench.model.floor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stancebench.api.Classifier;
import org.stancebench.io.Json;
import org.stancebench.model.ClassCounts;

/**
 * The {@code majority} floor: predicts the training class prior for every text, whatever it says.
 *
 * <p>Like scikit-learn's {@code DummyClassifier(strategy="prior")}: the probabilities are the
 * training label frequencies (unsmoothed, so a label absent from training gets 0), hence the
 * predicted label is the most frequent training label, ties going to the label that comes first in
 * the label set. Saved as {@value #FILE}: {@code {"format": 1, "prior": {"labels": [...],
 * "counts": [...]}}}.
 */
final class MajorityClassifier implements Classifier {
    static final String FILE = "majority.json";

    /** The saved state. */
    record State(int format, ClassCounts prior) {
        State {
            if (format != 1) {
                throw new IllegalArgumentException("format: unsupported " + format + " (expected 1)");
            }
            Objects.requireNonNull(prior, "prior: missing");
        }
    }

    private final ClassCounts prior;
    private final double[] probabilities;

    MajorityClassifier(ClassCounts prior) {
        this.prior = prior;
        this.probabilities = prior.prior();
    }

    static MajorityClassifier load(Path dir) throws IOException {
        return new MajorityClassifier(Json.read(dir.resolve(FILE), State.class).prior());
    }

    @Override
    public String name() {
        return MajorityFactory.NAME;
    }

    @Override
    public List<String> labels() {
        return prior.labels();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public double[] predictProba(String text) {
        Objects.requireNonNull(text, "text");
        return probabilities.clone();
    }

    @Override
    public void save(Path dir) throws IOException {
        Json.write(dir.resolve(FILE), new State(1, prior));
    }
}
