package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.Probabilities;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.store.ModelStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stancebench train}: trains a registered classifier on one split of a dataset directory
 * (another split for tuning only) and saves it, with its provenance, to a model directory.
 *
 * <p>Progress goes to stderr; stdout gets where the model was saved and a short summary. The model
 * directory appears whole or not at all, and an existing one is replaced only with
 * {@code --overwrite}.
 */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train a classifier on a dataset split and save it, with its provenance, to a model directory.")
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "Registered classifier name (see 'stancebench models').")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DATASET_DIR",
            description = "Dataset directory (from 'stancebench dataset build' or 'dataset import').")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR",
            description = "Model directory to create.")
    Path out;

    @Option(names = "--seed", defaultValue = "13", paramLabel = "N",
            description = "Seed every random step of training derives from.")
    long seed;

    @Option(names = "--split", defaultValue = "train", paramLabel = "SPLIT",
            description = "Split to train on.")
    String split;

    @Option(names = "--dev-split", defaultValue = "dev", paramLabel = "SPLIT",
            description = "Split for early stopping or tuning only, or 'none'.")
    String devSplit;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Classifier setting (repeatable), for example --set alpha=0.5.")
    Map<String, String> settings = new TreeMap<>();

    @Option(names = "--overwrite", description = "Replace MODEL_DIR if it is an existing model directory.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        ClassifierFactory factory = ClassifierRegistry.get(model);
        ModelStore.checkTarget(out, overwrite);
        Dataset dataset = Dataset.load(data);
        String dev = devSplit.equals("none") ? null : devSplit;
        if (dev != null && dev.equals(split)) {
            throw new IllegalArgumentException("--dev-split '" + dev + "' is the training split; choose another or 'none'");
        }
        TrainingData trainingData = dataset.trainingData(split, dev);
        err.printf("training %s on %s: %d %s examples, %d %s examples for tuning, labels %s, seed %d%n",
                model, data, trainingData.train().size(), split, trainingData.dev().size(),
                dev == null ? "(no dev)" : dev, trainingData.labels(), seed);
        err.flush();
        TrainingOptions options = new TrainingOptions(seed, settings, message -> {
            err.println("  " + message);
            err.flush();
        });
        long start = System.nanoTime();
        try (Classifier classifier = factory.train(trainingData, options)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelStore.save(classifier, trainingData, options, out, overwrite);
            stdout.printf("saved %s model to %s%n", model, out);
            stdout.printf("  trained on %d examples of split '%s' of dataset %s (fingerprint %s) in %.1f s, seed %d%n",
                    trainingData.train().size(), split, dataset.name(), shortFingerprint(dataset.fingerprint()),
                    seconds, seed);
            stdout.printf("  settings: %s%n", classifier.settings().isEmpty() ? "none" : new TreeMap<>(classifier.settings()));
            if (!trainingData.dev().isEmpty()) {
                stdout.printf("  %s accuracy: %s%n", dev, accuracy(classifier, trainingData.dev()));
            }
            stdout.flush();
        }
        return 0;
    }

    private static String shortFingerprint(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }

    /** Accuracy of argmax predictions, as a quick sanity check (evaluation proper is 'evaluate'). */
    static String accuracy(Classifier classifier, List<LabeledText> examples) {
        List<double[]> probs = classifier.predictProba(examples.stream().map(LabeledText::text).toList());
        int correct = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (classifier.labels().get(Probabilities.argmax(probs.get(i))).equals(examples.get(i).label())) {
                correct++;
            }
        }
        return String.format(Locale.ROOT, "%.3f (%d of %d)", (double) correct / examples.size(), correct, examples.size());
    }
}
