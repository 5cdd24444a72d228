package org.stancebench.experiments.protocol;

import java.util.ArrayList;
import java.util.List;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.Fold;

/** An in-memory dataset for protocol tests: 36 examples of 3 labels, 3 folds x 2 repeats. */
final class TinyDataset {
    static final List<String> LABELS = List.of("hopeful", "skeptical", "neutral");
    private static final String[] WORDS = {"great", "doubt", "today"};

    private TinyDataset() {
    }

    static Dataset create() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            int label = i % 3;
            // Every fifth example starts with another label's word, so the classifier errs sometimes.
            String word = WORDS[i % 5 == 0 ? (label + 1) % 3 : label];
            String split = i % 4 == 0 ? "test" : i % 4 == 1 ? "dev" : "train";
            examples.add(new Example(String.format("tiny/e%02d", i), word + " text number " + i,
                    LABELS.get(label), "sentence", "test", split, null, "0".repeat(64)));
        }
        List<Fold> folds = new ArrayList<>();
        for (int repeat = 0; repeat < 2; repeat++) {
            for (int fold = 0; fold < 3; fold++) {
                List<String> train = new ArrayList<>();
                List<String> test = new ArrayList<>();
                for (int i = 0; i < 36; i++) {
                    // Stratified: within each label, position i/3 decides the fold, shifted per repeat.
                    boolean held = ((i / 3) + repeat) % 3 == fold;
                    (held ? test : train).add(examples.get(i).id());
                }
                folds.add(new Fold(repeat, fold, train, test));
            }
        }
        return new Dataset("tiny", LABELS, examples, folds, "fp-tiny");
    }
}
