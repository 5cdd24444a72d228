package org.stancebench.model;

import java.util.ArrayList;
import java.util.List;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;

/** Small labelled datasets built in memory, for tests that must stay fast. */
public final class SyntheticData {
    public static final List<String> LABELS = List.of("hopeful", "skeptical", "sarcastic", "neutral");

    private static final String[][] TEXTS = {
        { // hopeful
            "The new clinic could finally help everyone in town",
            "I really hope the bridge opens this spring",
            "Great news, the library will stay open",
            "This plan might actually work, fingers crossed",
            "Looking forward to cleaner air next year",
            "Can't wait for the new park to open",
            "Things are getting better for local farmers",
            "Hopeful that the talks bring real progress",
            "A bright future for the school garden 🌱",
            "So glad the volunteers keep showing up",
        },
        { // skeptical
            "I doubt the new clinic will ever get funding",
            "Not convinced the bridge will open this spring",
            "Where is the evidence that this plan works",
            "Sounds good on paper but I have questions",
            "The numbers in this report do not add up",
            "I will believe it when I see it",
            "Questionable claims with no sources cited",
            "Unclear who pays for any of this",
            "Promises like these rarely survive the budget",
            "Skeptical that the talks change anything",
        },
        { // sarcastic
            "Oh sure, the bridge will open any day now",
            "Yeah right, another committee will fix it",
            "What could possibly go wrong with this plan 🙄",
            "Great, another meeting, just what we needed",
            "Wow, a press release, how revolutionary",
            "Oh great, the 'experts' have spoken",
            "Sure, because that worked so well last time",
            "Brilliant idea, said nobody ever",
            "Totally shocked that it is delayed again 🙄",
            "Oh wonderful, more paperwork",
        },
        { // neutral
            "The council meets on Tuesday at noon",
            "The bridge is twelve meters long",
            "The report has four chapters",
            "The clinic is on Main Street",
            "Registration closes on Friday",
            "The park covers two hectares",
            "The library opens at nine",
            "The budget was published in March",
            "Buses run every twenty minutes",
            "The school has three hundred pupils",
        },
    };

    private SyntheticData() {
    }

    /** 40 texts, 10 per seed label, with no development split. */
    public static TrainingData seedTask() {
        List<LabeledText> train = new ArrayList<>();
        for (int l = 0; l < LABELS.size(); l++) {
            for (int i = 0; i < TEXTS[l].length; i++) {
                train.add(new LabeledText("synthetic/" + LABELS.get(l) + i, TEXTS[l][i], LABELS.get(l)));
            }
        }
        return new TrainingData(LABELS, train, List.of(), "synthetic-seed-task");
    }

    /** The same texts with 8 per label in training and 2 per label in development. */
    public static TrainingData seedTaskWithDev() {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> dev = new ArrayList<>();
        for (LabeledText t : seedTask().train()) {
            int i = t.id().charAt(t.id().length() - 1) - '0';
            (i >= 8 ? dev : train).add(t);
        }
        return new TrainingData(LABELS, train, dev, "synthetic-seed-task-dev");
    }

    /** A two-label task with label names unlike the seed task's: sarcastic texts versus the rest. */
    public static TrainingData ironyTask() {
        List<LabeledText> train = new ArrayList<>();
        for (LabeledText t : seedTask().train()) {
            String label = t.label().equals("sarcastic") ? "irony" : "non_irony";
            train.add(new LabeledText(t.id(), t.text(), label));
        }
        return new TrainingData(List.of("non_irony", "irony"), train, List.of(), "synthetic-irony");
    }

    /** Texts every classifier must predict without error. */
    static List<String> edgeTexts() {
        return List.of(
                "",
                " ",
                "\t\n",
                "a".repeat(100_000),
                "word ".repeat(20_000),
                "🙄🙄🙄 😂 🎉",
                "🙄",
                "هذا القرار رائع حقا",
                "这座桥什么时候开通？",
                "Мост откроется весной",
                "Oh sure 🙄 «quotes» “curly” 'single' \"double\"",
                "\u0000\u0001 control \uFFFF",
                "\uD83D unpaired surrogate",
                "UPPER CASE TEXT!!!",
                "12345 67890");
    }
}
