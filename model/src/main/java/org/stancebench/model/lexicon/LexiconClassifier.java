package org.stancebench.model.lexicon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stancebench.api.Classifier;
import org.stancebench.api.Probabilities;
import org.stancebench.io.Json;
import org.stancebench.model.ClassCounts;

/**
 * A trained {@code lexicon} model: scores each label as its log training prior (add-{@code
 * prior-smoothing} smoothed) plus {@code scale} times the summed weights of the label's cues found
 * in the text, and returns the softmax of the scores.
 *
 * <p>A text with no cue gets the smoothed prior. Cues for labels outside the label set are
 * ignored, so on a task whose labels no cue names (say TweetEval's {@code irony}/{@code non_irony})
 * the model predicts the prior for every text. Saved as two files: {@value #CUES}, the cue file
 * byte for byte as used (so the model stays reviewable and self-contained), and {@value #STATE},
 * {@code {"format": 1, "settings": {...}, "prior": {"labels": [...], "counts": [...]},
 * "scale": ...}}.
 */
final class LexiconClassifier implements Classifier {
    static final String CUES = "cues.tsv";
    static final String STATE = "lexicon.json";

    /** The saved state besides the cue file. */
    record State(int format, SortedMap<String, String> settings, ClassCounts prior, double scale,
                 double priorSmoothing) {
        State {
            if (format != 1) {
                throw new IllegalArgumentException("format: unsupported " + format + " (expected 1)");
            }
            Objects.requireNonNull(settings, "settings: missing");
            settings = new TreeMap<>(settings);
            Objects.requireNonNull(prior, "prior: missing");
            if (!Double.isFinite(scale) || scale < 0) {
                throw new IllegalArgumentException("scale: must be finite and >= 0, got " + scale);
            }
            if (!Double.isFinite(priorSmoothing) || priorSmoothing <= 0) {
                throw new IllegalArgumentException("priorSmoothing: must be finite and > 0, got " + priorSmoothing);
            }
        }
    }

    private final byte[] cueFile;
    private final Lexicon lexicon;
    private final State state;
    private final double[] logPrior;

    LexiconClassifier(byte[] cueFile, Lexicon lexicon, State state) {
        this.cueFile = cueFile.clone();
        this.lexicon = lexicon;
        this.state = state;
        double[] prior = state.prior().smoothedPrior(state.priorSmoothing());
        this.logPrior = new double[prior.length];
        for (int i = 0; i < prior.length; i++) {
            logPrior[i] = Math.log(prior[i]);
        }
    }

    static LexiconClassifier load(Path dir) throws IOException {
        State state = Json.read(dir.resolve(STATE), State.class);
        Path cues = dir.resolve(CUES);
        if (!Files.isRegularFile(cues)) {
            throw new IOException(cues + ": missing");
        }
        byte[] bytes = Files.readAllBytes(cues);
        Lexicon lexicon;
        try {
            lexicon = Lexicon.parse(new String(bytes, StandardCharsets.UTF_8), cues.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new LexiconClassifier(bytes, lexicon, state);
    }

    /** Class probabilities given the summed cue weights per label. */
    double[] probabilities(double[] cueScores, double scale) {
        double[] s = new double[logPrior.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = logPrior[k] + scale * cueScores[k];
        }
        Probabilities.softmaxInPlace(s);
        return s;
    }

    /** The summed cue weights per label for {@code text}. */
    double[] cueScores(String text) {
        return lexicon.cueScores(text, labels());
    }

    @Override
    public String name() {
        return LexiconFactory.NAME;
    }

    @Override
    public List<String> labels() {
        return state.prior().labels();
    }

    @Override
    public Map<String, String> settings() {
        return state.settings();
    }

    /** The cue weight scale in use (tuned on the development split when {@code scale=auto}). */
    double scale() {
        return state.scale();
    }

    @Override
    public double[] predictProba(String text) {
        Objects.requireNonNull(text, "text");
        return probabilities(cueScores(text), state.scale());
    }

    @Override
    public void save(Path dir) throws IOException {
        Files.write(dir.resolve(CUES), cueFile);
        Json.write(dir.resolve(STATE), state);
    }
}
