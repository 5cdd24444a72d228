package org.stancebench.model.text;

import java.util.ArrayList;
import java.util.List;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;

/** A toy four-label task whose classes are separated by their words, and awkward probe texts. */
public final class ToyTask {
    /** The seed task's labels. */
    public static final List<String> LABELS = List.of("hopeful", "skeptical", "sarcastic", "neutral");

    /** Texts every classifier must handle: empty, very long, emoji-only, non-Latin scripts. */
    public static final List<String> PROBES = List.of("", "hope for a bright tomorrow", "yeah right, just perfect",
            "x".repeat(100_000), "😀😀🙄", "Надеюсь на лучшее будущее", "希望 明天", "the agenda");

    private ToyTask() {
    }

    /** Twenty training texts (five per label) and eight dev texts. */
    public static TrainingData data() {
        String[][] cues = {
            {"hope", "bright", "better future", "optimistic", "looking forward"},
            {"doubt", "unconvinced", "evidence please", "questionable", "not sure"},
            {"oh great", "yeah right", "wonderful another", "sure genius", "just perfect"},
            {"meeting at", "the report", "scheduled for", "table lists", "the agenda"},
        };
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> dev = new ArrayList<>();
        for (int c = 0; c < cues.length; c++) {
            for (int i = 0; i < cues[c].length; i++) {
                String text = cues[c][i] + " about the plan " + (i % 2 == 0 ? "today" : "tomorrow") + " 🙂";
                train.add(new LabeledText("t" + c + i, text, LABELS.get(c)));
                if (i < 2) {
                    dev.add(new LabeledText("d" + c + i, cues[c][i] + " again", LABELS.get(c)));
                }
            }
        }
        return new TrainingData(LABELS, train, dev, "toy");
    }
}
