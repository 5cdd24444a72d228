package org.stancebench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;

/**
 * The data a benchmark run trains on and measures with: training data for every classifier and the
 * real texts fed to them. Texts are kept on one line each (line breaks become spaces) and empty
 * texts are dropped, so the same texts can be handed to the command-line peers line by line.
 *
 * @param training what every classifier is trained on
 * @param texts the benchmark texts, in order
 * @param sample where the texts come from, for the summary
 */
record BenchInputs(TrainingData training, List<String> texts, TextSample sample) {

    BenchInputs {
        texts = List.copyOf(texts);
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no benchmark texts");
        }
    }

    /** The corpus the texts come from when a corpora directory is given. */
    static final String IRONY = "tweeteval/irony";

    static BenchInputs prepare(BenchOptions options, Path work) throws IOException {
        TrainingData training;
        List<String> seedTexts = null;
        if ("irony".equals(options.trainOn())) {
            training = irony(options.corpora());
        } else {
            SeedData seed = SeedData.build(work.resolve("seed-dataset"));
            training = seed.training();
            seedTexts = seed.texts();
        }
        List<String> texts;
        String source;
        if (options.corpora() != null) {
            texts = lines(options.corpora().resolve(IRONY).resolve("test_text.txt"));
            source = IRONY + "/test";
        } else {
            texts = seedTexts;
            source = "seed";
        }
        texts = texts.stream().map(t -> t.replaceAll("[\\r\\n]+", " ").strip()).filter(t -> !t.isEmpty()).toList();
        return new BenchInputs(training, texts, new TextSample(source, texts.size(), meanTokens(texts)));
    }

    static double meanTokens(List<String> texts) {
        long tokens = 0;
        for (String t : texts) {
            tokens += t.isBlank() ? 0 : t.strip().split("\\s+").length;
        }
        return texts.isEmpty() ? 0 : (double) tokens / texts.size();
    }

    /** TweetEval irony: train split for training, val split as development data. */
    static TrainingData irony(Path corpora) throws IOException {
        Path dir = corpora.resolve(IRONY);
        Map<String, String> mapping = new LinkedHashMap<>();
        Path mappingFile = dir.resolve("mapping.txt");
        for (String line : lines(mappingFile)) {
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                throw new IOException(mappingFile + ": expected 'id TAB name', got '" + line + "'");
            }
            mapping.put(parts[0].strip(), parts[1].strip());
        }
        return new TrainingData(List.copyOf(mapping.values()), split(dir, "train", mapping),
                split(dir, "val", mapping), "tweeteval-irony");
    }

    private static List<LabeledText> split(Path dir, String split, Map<String, String> mapping) throws IOException {
        List<String> texts = lines(dir.resolve(split + "_text.txt"));
        Path labelFile = dir.resolve(split + "_labels.txt");
        List<String> labels = lines(labelFile);
        if (texts.size() != labels.size()) {
            throw new IOException(labelFile + ": " + labels.size() + " labels for " + texts.size() + " texts");
        }
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String label = mapping.get(labels.get(i).strip());
            if (label == null) {
                throw new IOException(labelFile + ":" + (i + 1) + ": unknown label id '" + labels.get(i) + "'");
            }
            out.add(new LabeledText("irony/" + split + "/" + (i + 1), texts.get(i), label));
        }
        return out;
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        // TweetEval's mapping.txt has no final newline; other files may end with an empty line.
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
