package org.stancebench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.stancebench.api.TrainingData;

/** The seed dataset, built by the dataset module into a directory: its train split and all its texts. */
record SeedData(TrainingData training, List<String> texts) {

    static SeedData build(Path dir) throws IOException {
        throw new IllegalStateException("the seed dataset builder is not in this build yet; "
                + "use --corpora DIR --train-on irony");
    }
}
