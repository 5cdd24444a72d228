package org.stancebench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;
import org.stancebench.api.Classifier;
import org.stancebench.model.linear.LinearScorer;
import org.stancebench.model.linear.TfidfFeaturizer;
import org.stancebench.model.linear.TfidfLogRegClassifier;
import org.stancebench.model.minilm.MiniLmEncoder;
import org.stancebench.model.text.NgramBuffer;
import org.stancebench.model.text.NgramExtractor;
import org.stancebench.model.text.SparseFeaturizer;
import org.stancebench.model.text.TokenBuffer;
import org.stancebench.model.text.Tokenizer;

/**
 * One stage of an inference pipeline at a time, so that a slowdown can be located: tokenizing,
 * featurizing and scoring for the sparse classifiers, tokenizing and the forward pass for MiniLM.
 * Method names end with the batch size when it is not 1.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
public class StageBench {

    /** Texts per call of a stage benchmark method. */
    static int batchOf(String method) {
        return method.endsWith("32") ? 32 : 1;
    }

    /**
     * A loaded sparse model taken apart into its public stages: the tokenizer, the n-gram
     * extractors and feature blocks, the TF-IDF featurizer and the linear scorer, with the real
     * texts already featurized for the scoring stage.
     */
    @State(Scope.Thread)
    public static class Sparse {
        @Param({"tfidf-logreg"})
        public String sparseClassifier;

        Classifier model;
        Tokenizer tokenizer;
        List<NgramExtractor> extractors;
        TfidfFeaturizer featurizer;
        LinearScorer scorer;
        TokenBuffer tokens = new TokenBuffer();
        NgramBuffer ngrams = new NgramBuffer();
        TfidfFeaturizer.Scratch scratch;
        List<String> texts;
        int[][] indices;
        float[][] values;
        double[] probabilities;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            model = Fixture.load(sparseClassifier);
            if (!(model instanceof TfidfLogRegClassifier tfidf)) {
                throw new IllegalStateException(sparseClassifier + " has no stage benchmarks (not a "
                        + "TF-IDF linear model): " + model.getClass().getName());
            }
            featurizer = tfidf.featurizer();
            scorer = tfidf.scorer();
            extractors = featurizer.blocks().stream().map(SparseFeaturizer::extractor).toList();
            tokenizer = extractors.get(0).tokenizer();
            scratch = featurizer.newScratch();
            texts = Fixture.texts();
            indices = new int[texts.size()][];
            values = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                int n = featurizer.transform(texts.get(i), scratch);
                indices[i] = java.util.Arrays.copyOf(scratch.indices(), n);
                values[i] = java.util.Arrays.copyOf(scratch.values(), n);
            }
            probabilities = new double[scorer.classes()];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            model.close();
        }

        int nextIndex() {
            int i = next;
            next = next + 1 == texts.size() ? 0 : next + 1;
            return i;
        }
    }

    /** Tokenizing alone (lower-casing and word boundaries). */
    @Benchmark
    public int sparseTokenize(Sparse s) {
        s.tokenizer.tokenize(s.texts.get(s.nextIndex()), s.tokens);
        return s.tokens.count();
    }

    /** Tokenizing and n-gram extraction with hashing, every feature block. */
    @Benchmark
    public int sparseNgrams(Sparse s) {
        String text = s.texts.get(s.nextIndex());
        int total = 0;
        for (NgramExtractor e : s.extractors) {
            e.extract(text, s.ngrams);
            total += s.ngrams.size();
        }
        return total;
    }

    /** The whole featurizer: n-grams, index look-up, TF-IDF weighting and normalisation. */
    @Benchmark
    public int sparseFeaturize(Sparse s) {
        return s.featurizer.transform(s.texts.get(s.nextIndex()), s.scratch);
    }

    /** The forward pass alone: scores and softmax over an already featurized text. */
    @Benchmark
    public double[] sparseScore(Sparse s) {
        int i = s.nextIndex();
        s.scorer.probabilities(s.indices[i], s.values[i], s.indices[i].length, s.probabilities);
        return s.probabilities;
    }

    /**
     * The shared MiniLM encoder (the one {@code minilm-probe} and {@code minilm-zeroshot} use) with
     * the real texts in batches of 32, raw and tokenised.
     */
    @State(Scope.Benchmark)
    public static class MiniLm {
        MiniLmEncoder encoder;
        List<List<String>> batches;
        List<List<MiniLmEncoder.Tokens>> tokenized;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            encoder = MiniLmEncoder.shared();
            batches = Fixture.batches(Fixture.texts(), 32);
            tokenized = batches.stream().map(encoder::tokenize).toList();
        }

        int nextIndex() {
            int i = next;
            next = next + 1 == batches.size() ? 0 : next + 1;
            return i;
        }
    }

    @Benchmark
    public List<MiniLmEncoder.Tokens> minilmTokenize32(MiniLm s) {
        return s.encoder.tokenize(s.batches.get(s.nextIndex()));
    }

    @Benchmark
    public float[][] minilmForward32(MiniLm s) {
        return s.encoder.forward(s.tokenized.get(s.nextIndex()));
    }
}
