package org.stancebench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.stancebench.api.TrainingData;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.dataset.storage.DatasetWriter;

/**
 * The seed dataset, built by the dataset module into a directory and read back: its train split
 * (dev for tuning) and all its texts, the benchmark texts when no corpus is given.
 */
record SeedData(TrainingData training, List<String> texts) {

    SeedData {
        texts = List.copyOf(texts);
    }

    /** Builds the seed dataset with the dataset module's default seed into {@code dir} and loads it. */
    static SeedData build(Path dir) throws IOException {
        SeedDataset.build(dir, DatasetWriter.DEFAULT_SEED);
        Dataset dataset = Dataset.load(dir);
        return new SeedData(dataset.trainingData("train", "dev"),
                dataset.examples().stream().map(Example::text).toList());
    }
}
