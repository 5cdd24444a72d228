package org.stancebench.model.minilm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.model.cnn.TextCnnFactory;

/**
 * Trains textcnn, minilm-probe and minilm-zeroshot on TweetEval irony (train, val for early
 * stopping) and prints test accuracy, F1 of the irony class and timings. Not a unit test.
 *
 * <p>Usage: {@code DenseIronyMain CORPORA_DIR [classifier...]}.
 */
final class DenseIronyMain {

    private DenseIronyMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0], "tweeteval", "irony");
        List<String> labels = List.of("non_irony", "irony");
        TrainingData data = new TrainingData(labels, read(dir, "train", labels), read(dir, "val", labels), "irony");
        List<LabeledText> test = read(dir, "test", labels);
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("textcnn", "minilm-probe", "minilm-zeroshot");
        for (String name : names) {
            ClassifierFactory f = switch (name) {
                case "textcnn" -> new TextCnnFactory();
                case "minilm-probe" -> new MiniLmProbeFactory();
                default -> new MiniLmZeroShotFactory();
            };
            long t0 = System.nanoTime();
            try (Classifier c = f.train(data, TrainingOptions.seed(1).withProgress(System.err::println))) {
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                List<double[]> p = c.predictProba(test.stream().map(LabeledText::text).toList());
                double predictSeconds = (System.nanoTime() - t1) / 1e9;
                int correct = 0;
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < test.size(); i++) {
                    int guess = p.get(i)[1] > p.get(i)[0] ? 1 : 0;
                    int gold = labels.indexOf(test.get(i).label());
                    correct += guess == gold ? 1 : 0;
                    tp += guess == 1 && gold == 1 ? 1 : 0;
                    fp += guess == 1 && gold == 0 ? 1 : 0;
                    fn += guess == 0 && gold == 1 ? 1 : 0;
                }
                System.out.printf("%s: train %.1f s, predict %d texts %.1f s, accuracy %.3f, F1(irony) %.3f%n", name,
                        trainSeconds, test.size(), predictSeconds, (double) correct / test.size(),
                        2.0 * tp / (2 * tp + fp + fn));
            }
        }
    }

    private static List<LabeledText> read(Path dir, String split, List<String> labels) throws Exception {
        List<String> texts = Files.readAllLines(dir.resolve(split + "_text.txt"));
        List<String> gold = Files.readAllLines(dir.resolve(split + "_labels.txt"));
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new LabeledText(split + i, texts.get(i), labels.get(Integer.parseInt(gold.get(i).strip()))));
        }
        return out;
    }
}
