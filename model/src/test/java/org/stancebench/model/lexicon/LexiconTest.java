package org.stancebench.model.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

class LexiconTest {
    private static final List<String> SEED_LABELS = List.of("hopeful", "skeptical", "sarcastic", "neutral");
    private static final String HEADER = "label\tcue\tweight\tcomment\n";

    @TempDir
    Path tmp;

    /** One training example per seed label: a uniform prior. */
    private static TrainingData uniformSeed() {
        List<LabeledText> train = new ArrayList<>();
        for (String l : SEED_LABELS) {
            train.add(new LabeledText(l, "x", l));
        }
        return TrainingData.of(SEED_LABELS, train);
    }

    private static TrainingData xy(int x, int y, List<LabeledText> dev) {
        List<LabeledText> train = new ArrayList<>();
        for (int i = 0; i < x + y; i++) {
            train.add(new LabeledText("t" + i, "t", i < x ? "x" : "y"));
        }
        return new TrainingData(List.of("x", "y"), train, dev, "test");
    }

    private Path cueFile(String body) throws IOException {
        Path file = tmp.resolve("cues-" + Integer.toHexString(body.hashCode()) + ".tsv");
        Files.writeString(file, body);
        return file;
    }

    @Test
    void theBuiltInCuesCoverExactlyTheSeedLabels() {
        assertEquals(List.of("hopeful", "skeptical", "sarcastic", "neutral"), LexiconFactory.builtinLabels());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Oh sure, that will fix everything|sarcastic",
        "Yeah right, as if|sarcastic",
        "New rollout plan, what could possibly go wrong?|sarcastic",
        "Another delay 🙄|sarcastic",
        "The “experts” have spoken|sarcastic",
        "I doubt it will work, where is the evidence?|skeptical",
        "Not convinced. I'll believe it when I see it|skeptical",
        "Fingers crossed, looking forward to it|hopeful",
        "Good news at last, real progress 🤞|hopeful",
        "According to the report, it will take place on 12 May|neutral",
    })
    void theBuiltInCuesPickTheObviousLabel(String text, String expected) {
        LexiconClassifier model = (LexiconClassifier) new LexiconFactory().train(uniformSeed(), TrainingOptions.seed(1));
        double[] p = model.predictProba(text);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        assertEquals(expected, SEED_LABELS.get(best), text + " -> " + java.util.Arrays.toString(p));
    }

    @Test
    void probabilitiesAreTheSoftmaxOfLogPriorPlusCueWeights() throws IOException {
        Path cues = cueFile(HEADER + "y\tfoo\t2\ttest cue\n");
        Classifier model = new LexiconFactory().train(xy(3, 1, List.of()),
                TrainingOptions.seed(1).with("cues", cues.toString()));
        // Hand computation: add-one prior (3+1)/6, (1+1)/6; with "foo": p(y) = (2/6)e^2 / (4/6 + (2/6)e^2)
        // = e^2 / (2 + e^2) = 0.7869860421615985.
        assertArrayEquals(new double[] {1 - 0.7869860421615985, 0.7869860421615985}, model.predictProba("Foo bar"), 1e-12);
        assertArrayEquals(new double[] {4.0 / 6, 2.0 / 6}, model.predictProba("bar"), 1e-12);
        assertArrayEquals(model.predictProba("foo"), model.predictProba("foo foo foo"), 0.0, "a cue counts once");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hope|I hope so|true",
        "hope|hope!|true",
        "hope|hopeless|false",
        "hope|no-hope|true",
        "oh sure|OH   SURE|true",
        "oh sure|oh\tsure|true",
        "i'll|I’ll go|true",
        "🙄|nice🙄|true",
        "re:!{3,}|wow!!!|true",
        "re:!{3,}|wow!!|false",
    })
    void matchesCuesAtWordBoundariesAfterNormalisation(String cue, String text, boolean expected) throws IOException {
        Lexicon lexicon = Lexicon.parse(HEADER + "x\t" + cue + "\t1\tc\n", "test");
        assertEquals(expected ? 1.0 : 0.0, lexicon.cueScores(text, List.of("x"))[0], text);
    }

    @Test
    void cuesForOtherLabelsAreIgnoredAndThePriorRemains() {
        Classifier model = new LexiconFactory().train(xy(1, 3, List.of()), TrainingOptions.seed(1));
        // No built-in cue names x or y: the add-one prior (1+1)/6, (3+1)/6 for every text.
        assertArrayEquals(new double[] {2.0 / 6, 4.0 / 6}, model.predictProba("Oh sure 🙄 yeah right"), 1e-15);
    }

    @Test
    void autoScaleIsTunedOnTheDevelopmentSplit() throws IOException {
        Path cues = cueFile(HEADER + "y\tfoo\t2\tmisleading cue\n");
        List<LabeledText> dev = List.of(new LabeledText("d1", "foo", "x"), new LabeledText("d2", "foo again", "x"));
        List<String> messages = new ArrayList<>();
        LexiconClassifier model = (LexiconClassifier) new LexiconFactory().train(xy(1, 1, dev),
                TrainingOptions.seed(1).with("cues", cues.toString()).with("scale", "auto").withProgress(messages::add));
        assertEquals(0.0, model.scale(), "a cue that is always wrong on dev is switched off");
        assertTrue(messages.stream().anyMatch(m -> m.contains("scale 0.0")), messages.toString());
        LexiconClassifier noDev = (LexiconClassifier) new LexiconFactory().train(xy(1, 1, List.of()),
                TrainingOptions.seed(1).with("cues", cues.toString()).with("scale", "auto"));
        assertEquals(1.0, noDev.scale());
        assertEquals(Map.of("cues", cues.toString(), "prior-smoothing", "1", "scale", "auto"), noDev.settings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "label\tcue\tweight\tcomment\\nx\tfoo\tlots\tc|:2: weight 'lots' is not a number",
        "label\tcue\tweight\tcomment\\nx\tfoo\t1|:2: expected 4 tab-separated fields, found 3",
        "# c\\nlabel\tcue\tweight\tcomment\\n\\nx\tre:(\t1\tc|:4: invalid regular expression",
        "label\tcue\tweight\tcomment\\nx\t \t1\tc|:2: empty cue",
        "x\tfoo\t1\tc|:1: expected the header",
        "# only a comment|no header line",
    })
    void refusesAMalformedCueFile(String body, String expected) throws IOException {
        Path cues = cueFile(body.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LexiconFactory()
                .train(xy(1, 1, List.of()), TrainingOptions.seed(1).with("cues", cues.toString())));
        assertTrue(e.getMessage().startsWith(cues.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void refusesAMissingCueFileAndBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LexiconFactory()
                .train(xy(1, 1, List.of()), TrainingOptions.seed(1).with("cues", tmp.resolve("nope.tsv").toString())));
        assertEquals("lexicon: setting 'cues': " + tmp.resolve("nope.tsv") + ": no such file", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LexiconFactory()
                .train(xy(1, 1, List.of()), TrainingOptions.seed(1).with("scale", "-1")));
        assertTrue(e.getMessage().contains("'scale' must be a number >= 0 or 'auto'"), e.getMessage());
    }

    @Test
    void aSavedModelKeepsItsCueFileEvenIfTheOriginalChanges() throws IOException {
        Path cues = cueFile(HEADER + "y\tfoo\t2\tc\n");
        Classifier model = new LexiconFactory().train(xy(3, 1, List.of()),
                TrainingOptions.seed(1).with("cues", cues.toString()));
        Path dir = Files.createDirectory(tmp.resolve("model"));
        model.save(dir);
        Files.writeString(cues, HEADER);
        assertArrayEquals(model.predictProba("foo"), new LexiconFactory().load(dir).predictProba("foo"), 0.0);
        assertEquals(Files.readString(dir.resolve("cues.tsv")), HEADER + "y\tfoo\t2\tc\n");
    }
}
