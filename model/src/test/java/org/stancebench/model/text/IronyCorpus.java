package org.stancebench.model.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;

/**
 * TweetEval irony from {@code ../shared/corpora} (relative to the project root), for tests that
 * measure the sparse classifiers on real data; absent corpora give {@code null}.
 */
public final class IronyCorpus {
    /** The corpus: training data (train + val as dev) and the test split. */
    public record Splits(TrainingData data, List<LabeledText> test) {
    }

    private IronyCorpus() {
    }

    /** The irony folder, or null when the corpora are not present. */
    public static Path folder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/corpora/tweeteval/irony").normalize();
            if (Files.isRegularFile(candidate.resolve("train_text.txt"))) {
                return candidate;
            }
            if (p.getFileName() != null && p.getFileName().toString().equals("model")) {
                continue;
            }
        }
        return null;
    }

    /** Loads the splits, or returns null when the corpora are absent. */
    public static Splits load() throws IOException {
        Path dir = folder();
        if (dir == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("mapping.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                labels.add(line.split("\t")[1].trim());
            }
        }
        return new Splits(new TrainingData(labels, split(dir, "train", labels), split(dir, "val", labels),
                "tweeteval-irony"), split(dir, "test", labels));
    }

    /** F1 of the irony class of {@code model} on {@code test}, as TweetEval scores irony. */
    public static double ironyF1(org.stancebench.api.Classifier model, List<LabeledText> test) {
        int positive = model.labels().indexOf("irony");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (LabeledText t : test) {
            double[] p = model.predictProba(t.text());
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            boolean gold = model.labels().indexOf(t.label()) == positive;
            boolean pred = best == positive;
            tp += gold && pred ? 1 : 0;
            fp += !gold && pred ? 1 : 0;
            fn += gold && !pred ? 1 : 0;
        }
        return 2.0 * tp / (2 * tp + fp + fn);
    }

    /**
     * Predicts every test text {@code rounds} times, one text per call, on this thread, and returns
     * a line with texts per second by wall clock and by this thread's CPU time (the machine may be
     * shared, so CPU time is the steadier figure). Informational: JMH benchmarks are the reference.
     */
    public static String throughput(org.stancebench.api.Classifier model, List<LabeledText> test, int rounds) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (LabeledText t : test) {
            sink += model.predictProba(t.text())[0];
        }
        long w0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (LabeledText t : test) {
                sink += model.predictProba(t.text())[0];
            }
        }
        double wall = (System.nanoTime() - w0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        long n = (long) rounds * test.size();
        return String.format(java.util.Locale.ROOT, "%.0f texts/s wall, %.0f texts/s CPU (%d texts, checksum %.3f)",
                n / wall, n / cpu, n, sink);
    }

    /** Options with seed 1, progress to stderr, and the {@code key=value;...} settings in {@code property}. */
    public static org.stancebench.api.TrainingOptions options(String property) {
        org.stancebench.api.TrainingOptions options = org.stancebench.api.TrainingOptions.seed(1)
                .withProgress(System.err::println);
        for (String kv : System.getProperty(property, "").split(";")) {
            if (!kv.isBlank()) {
                String[] p = kv.split("=", 2);
                options = options.with(p[0].trim(), p[1].trim());
            }
        }
        return options;
    }

    private static List<LabeledText> split(Path dir, String name, List<String> labels) throws IOException {
        List<String> texts = Files.readAllLines(dir.resolve(name + "_text.txt"), StandardCharsets.UTF_8);
        List<String> ids = Files.readAllLines(dir.resolve(name + "_labels.txt"), StandardCharsets.UTF_8);
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).isBlank()) {
                continue;
            }
            out.add(new LabeledText(name + "/" + i, texts.get(i), labels.get(Integer.parseInt(ids.get(i).trim()))));
        }
        return out;
    }
}
