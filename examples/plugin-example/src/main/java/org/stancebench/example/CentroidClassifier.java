package org.stancebench.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;

/**
 * A trained {@code centroid-example} model: one mean feature vector per label; a text's
 * probabilities are a softmax over the negative squared distances to the centroids.
 *
 * <p>A label with no training example has no centroid and gets only the floor probability
 * {@link #FLOOR}, so every probability vector still covers the whole label set and sums to 1.
 * Saved as one text file, {@code centroids.txt}: the settings, then one line per label.
 */
final class CentroidClassifier implements Classifier {
    static final double FLOOR = 1e-3;
    private static final String FILE = "centroids.txt";
    private static final int SURFACE = 4;

    private final List<String> labels;
    private final int buckets;
    private final double temperature;
    /** One centroid per label, null for a label absent from training. */
    private final double[][] centroids;

    private CentroidClassifier(List<String> labels, int buckets, double temperature, double[][] centroids) {
        this.labels = List.copyOf(labels);
        this.buckets = buckets;
        this.temperature = temperature;
        this.centroids = centroids;
    }

    static CentroidClassifier train(TrainingData data, int buckets, double temperature, Consumer<String> progress) {
        List<String> labels = data.labels();
        double[][] sums = new double[labels.size()][];
        int[] counts = new int[labels.size()];
        for (LabeledText t : data.train()) {
            int k = labels.indexOf(t.label());
            double[] x = features(t.text(), buckets);
            if (sums[k] == null) {
                sums[k] = new double[x.length];
            }
            for (int i = 0; i < x.length; i++) {
                sums[k][i] += x[i];
            }
            counts[k]++;
        }
        for (int k = 0; k < labels.size(); k++) {
            if (sums[k] != null) {
                for (int i = 0; i < sums[k].length; i++) {
                    sums[k][i] /= counts[k];
                }
            }
        }
        progress.accept(CentroidFactory.NAME + ": " + data.train().size() + " examples, "
                + Arrays.stream(counts).filter(c -> c > 0).count() + " centroids");
        return new CentroidClassifier(labels, buckets, temperature, sums);
    }

    /** Hashed, length-normalised word counts, then log length and the rates of '!', '?' and quotes. */
    static double[] features(String text, int buckets) {
        double[] x = new double[buckets + SURFACE];
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
        int n = 0;
        for (String w : words) {
            if (!w.isEmpty()) {
                x[Math.floorMod(w.hashCode(), buckets)]++;
                n++;
            }
        }
        for (int i = 0; i < buckets && n > 0; i++) {
            x[i] /= n;
        }
        double length = Math.max(1, text.length());
        x[buckets] = Math.log1p(text.length()) / 10;
        x[buckets + 1] = text.chars().filter(c -> c == '!').count() / length * 10;
        x[buckets + 2] = text.chars().filter(c -> c == '?').count() / length * 10;
        x[buckets + 3] = text.chars().filter(c -> c == '"' || c == '\u201c' || c == '\u201d').count() / length * 10;
        return x;
    }

    @Override
    public String name() {
        return CentroidFactory.NAME;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("buckets", Integer.toString(buckets), "temperature", Double.toString(temperature));
    }

    @Override
    public double[] predictProba(String text) {
        double[] x = features(text, buckets);
        double[] score = new double[labels.size()];
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < score.length; k++) {
            if (centroids[k] == null) {
                score[k] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                double diff = x[i] - centroids[k][i];
                d += diff * diff;
            }
            score[k] = -d / temperature;
            best = Math.max(best, score[k]);
        }
        double[] p = new double[score.length];
        if (best == Double.NEGATIVE_INFINITY) {
            Arrays.fill(p, 1.0 / p.length);
            return p;
        }
        double total = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(score[k] - best);
            total += p[k];
        }
        double mass = 1 - FLOOR * p.length;
        for (int k = 0; k < p.length; k++) {
            p[k] = FLOOR + mass * p[k] / total;
        }
        return p;
    }

    @Override
    public void save(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("buckets\t" + buckets);
        lines.add("temperature\t" + temperature);
        for (int k = 0; k < labels.size(); k++) {
            StringBuilder sb = new StringBuilder(labels.get(k));
            if (centroids[k] == null) {
                sb.append("\t-");
            } else {
                for (double v : centroids[k]) {
                    sb.append('\t').append(v);
                }
            }
            lines.add(sb.toString());
        }
        Files.write(dir.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    static CentroidClassifier load(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": missing", e);
        }
        if (lines.size() < 3) {
            throw new IOException(file + ": expected buckets, temperature and at least one label line, got "
                    + lines.size() + " lines");
        }
        int buckets = (int) number(file, 1, lines.get(0), "buckets");
        double temperature = number(file, 2, lines.get(1), "temperature");
        List<String> labels = new ArrayList<>();
        double[][] centroids = new double[lines.size() - 2][];
        for (int i = 2; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\t");
            labels.add(parts[0]);
            if (parts.length == 2 && parts[1].equals("-")) {
                continue;
            }
            if (parts.length != buckets + SURFACE + 1) {
                throw new IOException(file + " line " + (i + 1) + ": expected " + (buckets + SURFACE)
                        + " centroid values, got " + (parts.length - 1));
            }
            centroids[i - 2] = new double[buckets + SURFACE];
            for (int j = 1; j < parts.length; j++) {
                try {
                    centroids[i - 2][j - 1] = Double.parseDouble(parts[j]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (i + 1) + ": not a number: '" + parts[j] + "'", e);
                }
            }
        }
        return new CentroidClassifier(labels, buckets, temperature, centroids);
    }

    private static double number(Path file, int line, String text, String key) throws IOException {
        String[] parts = text.split("\t");
        if (parts.length != 2 || !parts[0].equals(key)) {
            throw new IOException(file + " line " + line + ": expected '" + key + "<TAB>value'");
        }
        try {
            return Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + line + ": " + key + " is not a number: '" + parts[1] + "'", e);
        }
    }
}
