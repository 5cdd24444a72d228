package org.stancebench.model.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.ClassCounts;
import org.stancebench.model.Settings;

/**
 * Registers the {@code lexicon} classifier (see {@link LexiconClassifier}).
 *
 * <p>Settings: {@code cues} ({@code builtin}, the reviewed file {@code cues.tsv} in this package's
 * resources, or the path of another file in the same format), {@code prior-smoothing} (add-alpha
 * smoothing of the training class prior, default 1) and {@code scale} (a multiplier on all cue
 * weights, default 1; {@code auto} picks the value in {0, 0.25, 0.5, 1, 2, 4} with the highest
 * mean log-likelihood on the development split, ties to the smaller, or 1 when there is no
 * development split). Training reads only the class counts of the training split; the seed is not
 * used, since nothing is random.
 */
public final class LexiconFactory implements ClassifierFactory {
    static final String NAME = "lexicon";
    static final String BUILTIN = "builtin";
    static final String RESOURCE = "/org/stancebench/model/lexicon/cues.tsv";
    static final double[] SCALES = {0, 0.25, 0.5, 1, 2, 4};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "transparent cue words, phrases and emoji per label (reviewable cues.tsv) over the class prior";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        Settings settings = new Settings(NAME, options.settings());
        String cuesSetting = settings.string("cues", BUILTIN);
        double smoothing = settings.number("prior-smoothing", "1", 0);
        String scaleSetting = settings.string("scale", "1").strip();
        boolean auto = scaleSetting.equals("auto");
        double scale = auto ? 1 : nonNegative(settings, "scale", scaleSetting);
        settings.rejectUnknown();
        String source = cuesSetting.equals(BUILTIN) ? "builtin cues.tsv" : cuesSetting;
        byte[] bytes = readCues(cuesSetting);
        Lexicon lexicon = Lexicon.parse(new String(bytes, StandardCharsets.UTF_8), source);
        ClassCounts prior = ClassCounts.of(data);
        if (!lexicon.covers(new HashSet<>(data.labels()))) {
            options.progress().accept("lexicon: no cue names a label of " + data.labels()
                    + "; the model predicts the class prior for every text");
        }
        LexiconClassifier.State state = new LexiconClassifier.State(1, settings.resolved(), prior, scale, smoothing);
        LexiconClassifier model = new LexiconClassifier(bytes, lexicon, state);
        if (auto && !data.dev().isEmpty()) {
            double best = SCALES[0];
            double bestLogLikelihood = Double.NEGATIVE_INFINITY;
            for (double candidate : SCALES) {
                double ll = 0;
                for (LabeledText t : data.dev()) {
                    ll += Math.log(model.probabilities(model.cueScores(t.text()), candidate)[data.labels().indexOf(t.label())]);
                }
                if (ll > bestLogLikelihood) {
                    bestLogLikelihood = ll;
                    best = candidate;
                }
            }
            options.progress().accept("lexicon: scale " + best + " has the best development log-likelihood");
            model = new LexiconClassifier(bytes, lexicon,
                    new LexiconClassifier.State(1, settings.resolved(), prior, best, smoothing));
        }
        return model;
    }

    private static double nonNegative(Settings settings, String key, String v) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw settings.bad(key, v, "a number >= 0 or 'auto'");
    }

    private static byte[] readCues(String setting) {
        if (setting.equals(BUILTIN)) {
            try (InputStream in = LexiconFactory.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in cue file " + RESOURCE + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in cue file: " + e.getMessage(), e);
            }
        }
        try {
            return Files.readAllBytes(Path.of(setting));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(NAME + ": setting 'cues': " + setting + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(NAME + ": setting 'cues': " + setting + ": cannot read (" + e.getMessage() + ")");
        }
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        return LexiconClassifier.load(dir);
    }

    /** The built-in cue file's labels, for tests. */
    static List<String> builtinLabels() {
        return Lexicon.parse(new String(readCues(BUILTIN), StandardCharsets.UTF_8), "builtin").labels();
    }
}
