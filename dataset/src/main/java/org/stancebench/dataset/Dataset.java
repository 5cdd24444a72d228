package org.stancebench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset directory as written by {@code stancebench dataset build} or {@code dataset import},
 * read back: its examples, label set, folds and fingerprint.
 *
 * @param name the dataset's name from its manifest, for example {@code seed}
 * @param labels the label set in canonical order
 * @param examples every example, in file order
 * @param folds cross-validation folds over all examples (empty when the dataset has none)
 * @param fingerprint the whole-dataset fingerprint from {@code MANIFEST.json}
 */
public record Dataset(String name, List<String> labels, List<Example> examples, List<Fold> folds,
                      String fingerprint) {
    public Dataset {
        labels = List.copyOf(labels);
        examples = List.copyOf(examples);
        folds = List.copyOf(folds);
    }

    /**
     * Reads a dataset directory, checking its manifest's hashes first.
     *
     * @throws IOException with a one-line message naming the file and what is wrong
     */
    public static Dataset load(Path dir) throws IOException {
        throw new UnsupportedOperationException("implemented with issue 2");
    }

    /** The examples of one split ({@code train}, {@code dev} or {@code test}), in file order. */
    public List<Example> split(String split) {
        return examples.stream().filter(e -> e.split().equals(split)).toList();
    }
}
