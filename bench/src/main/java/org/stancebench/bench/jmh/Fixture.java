package org.stancebench.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.api.Classifier;
import org.stancebench.bench.Models;

/**
 * What a JMH fork reads from the work directory the bench runner prepared: the real texts and the
 * saved models. The directory is passed to forks as the system property {@value #WORK_PROPERTY}.
 *
 * <p>Layout: {@code texts.txt} (one text per line), {@code train.tsv} (label TAB text, for peers),
 * {@code models/NAME/} (one saved model per classifier).
 */
public final class Fixture {

    /** The system property naming the work directory in forks. */
    public static final String WORK_PROPERTY = "stancebench.bench.work";

    /**
     * For tests of the runner's failure handling only: a regular expression of classifier names
     * whose models {@link #load(String)} refuses to load, so their benchmarks fail in setup as a
     * broken fixture would. The bench runner passes it on to forks when its own JVM has it set.
     */
    public static final String FAIL_PROPERTY = "stancebench.bench.failFixture";

    private Fixture() {
    }

    static Path workDir() {
        String dir = System.getProperty(WORK_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("system property " + WORK_PROPERTY
                    + " is not set: run the benchmarks through 'stancebench bench'");
        }
        return Path.of(dir);
    }

    public static Path textsFile(Path work) {
        return work.resolve("texts.txt");
    }

    /** {@link FileBench#LINES} lines: the real texts repeated, for the command-line comparison. */
    public static Path linesFile(Path work) {
        return work.resolve("lines.txt");
    }

    /** Training examples as {@code label TAB text} lines, for peers trained on the same data. */
    public static Path trainFile(Path work) {
        return work.resolve("train.tsv");
    }

    public static Path modelDir(Path work, String classifier) {
        return work.resolve("models").resolve(classifier);
    }

    /** The real texts, in file order. */
    static List<String> texts() {
        try {
            return Files.readAllLines(textsFile(workDir()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the saved model of {@code classifier}; the caller closes it. */
    static Classifier load(String classifier) {
        String fail = System.getProperty(FAIL_PROPERTY);
        if (fail != null && java.util.regex.Pattern.compile(fail).matcher(classifier).find()) {
            throw new IllegalStateException(classifier + ": not loaded, " + FAIL_PROPERTY + " matches it");
        }
        try {
            return Models.load(modelDir(workDir(), classifier));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Consecutive batches of {@code size} texts, wrapping around so every batch is full. */
    public static List<List<String>> batches(List<String> texts, int size) {
        int count = Math.max(1, texts.size() / size);
        List<List<String>> out = new ArrayList<>(count);
        int next = 0;
        for (int b = 0; b < count; b++) {
            List<String> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(texts.get(next));
                next = (next + 1) % texts.size();
            }
            out.add(List.copyOf(batch));
        }
        return List.copyOf(out);
    }

    /**
     * {@code count} texts of exactly {@code tokens} whitespace-separated tokens, made by reading the
     * real texts' tokens in order, wrapping around; text {@code i} starts {@code i * 7} tokens further
     * on so the texts differ. Deterministic.
     */
    static List<String> ofLength(List<String> texts, int tokens, int count) {
        List<String> words = new ArrayList<>();
        for (String t : texts) {
            for (String w : t.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the texts have no tokens");
        }
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            int start = i * 7;
            for (int k = 0; k < tokens; k++) {
                if (k > 0) {
                    sb.append(' ');
                }
                sb.append(words.get((start + k) % words.size()));
            }
            out.add(sb.toString());
        }
        return List.copyOf(out);
    }
}
