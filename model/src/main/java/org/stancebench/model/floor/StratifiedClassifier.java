package org.stancebench.model.floor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.stancebench.api.Classifier;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Json;
import org.stancebench.model.ClassCounts;

/**
 * The {@code stratified} floor: for each text, draws a label at random with the training class
 * prior's probabilities and predicts it with probability 1.
 *
 * <p>Like scikit-learn's {@code DummyClassifier(strategy="stratified")}, except that the draw for a
 * text is a pure function of the saved state and the text, so predictions are reproducible and do
 * not depend on batch order: the generator is a {@link SplittableRandom} seeded with the first 8
 * bytes (big-endian) of SHA-256(training seed as 8 big-endian bytes, then the text in UTF-8), and
 * the label is the first whose cumulative training count exceeds {@code nextLong(total)}. Equal
 * texts therefore get equal labels. Saved as {@value #FILE}: {@code {"format": 1, "seed": ...,
 * "prior": {"labels": [...], "counts": [...]}}}.
 */
final class StratifiedClassifier implements Classifier {
    static final String FILE = "stratified.json";

    /** The saved state. */
    record State(int format, long seed, ClassCounts prior) {
        State {
            if (format != 1) {
                throw new IllegalArgumentException("format: unsupported " + format + " (expected 1)");
            }
            Objects.requireNonNull(prior, "prior: missing");
        }
    }

    private final long seed;
    private final ClassCounts prior;
    private final long[] cumulative;

    StratifiedClassifier(long seed, ClassCounts prior) {
        this.seed = seed;
        this.prior = prior;
        this.cumulative = new long[prior.counts().size()];
        long sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += prior.counts().get(i);
            cumulative[i] = sum;
        }
    }

    static StratifiedClassifier load(Path dir) throws IOException {
        State state = Json.read(dir.resolve(FILE), State.class);
        return new StratifiedClassifier(state.seed(), state.prior());
    }

    @Override
    public String name() {
        return StratifiedFactory.NAME;
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
        long draw = new SplittableRandom(textSeed(text)).nextLong(cumulative[cumulative.length - 1]);
        double[] p = new double[cumulative.length];
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                p[i] = 1.0;
                break;
            }
        }
        return p;
    }

    private long textSeed(String text) {
        Objects.requireNonNull(text, "text");
        MessageDigest sha = ContentHash.newDigest();
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    @Override
    public void save(Path dir) throws IOException {
        Json.write(dir.resolve(FILE), new State(1, seed, prior));
    }
}
