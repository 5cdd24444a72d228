package org.stancebench.bench.jmh;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.stancebench.api.Classifier;
import org.stancebench.model.fasttext.FastTextClassifier;
import org.stancebench.model.fasttext.FastTextFeaturizer;
import org.stancebench.model.fasttext.FastTextScorer;
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
    public static int batchOf(String method) {
        return method.endsWith("32") ? 32 : 1;
    }

    /**
     * A loaded sparse model taken apart into its public stages: the tokenizer, the n-gram
     * extractors, the featurizer and the scorer (tfidf-logreg: TF-IDF then a linear layer; fasttext:
     * word and bucket look-up then averaged embeddings and a linear layer), with the real texts
     * already featurized for the scoring stage.
     */
    @State(Scope.Thread)
    public static class Sparse {
        @Param({"tfidf-logreg"})
        public String sparseClassifier;

        Classifier model;
        Tokenizer tokenizer;
        List<NgramExtractor> extractors;
        ToIntFunction<String> featurize;
        IntFunction<double[]> score;
        TokenBuffer tokens = new TokenBuffer();
        NgramBuffer ngrams = new NgramBuffer();
        List<String> texts;
        int[][] indices;
        float[][] values;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            model = Fixture.load(sparseClassifier);
            texts = Fixture.texts();
            indices = new int[texts.size()][];
            values = new float[texts.size()][];
            if (model instanceof TfidfLogRegClassifier tfidf) {
                TfidfFeaturizer featurizer = tfidf.featurizer();
                LinearScorer scorer = tfidf.scorer();
                extractors = featurizer.blocks().stream().map(SparseFeaturizer::extractor).toList();
                TfidfFeaturizer.Scratch scratch = featurizer.newScratch();
                featurize = text -> featurizer.transform(text, scratch);
                for (int i = 0; i < texts.size(); i++) {
                    int n = featurizer.transform(texts.get(i), scratch);
                    indices[i] = Arrays.copyOf(scratch.indices(), n);
                    values[i] = Arrays.copyOf(scratch.values(), n);
                }
                double[] out = new double[scorer.classes()];
                score = i -> {
                    scorer.probabilities(indices[i], values[i], indices[i].length, out);
                    return out;
                };
            } else if (model instanceof FastTextClassifier fast) {
                FastTextFeaturizer featurizer = fast.featurizer();
                FastTextScorer scorer = fast.scorer();
                extractors = List.of(featurizer.extractor());
                SparseFeaturizer.Scratch scratch = featurizer.newScratch();
                featurize = text -> featurizer.featurize(text, scratch);
                for (int i = 0; i < texts.size(); i++) {
                    int n = featurizer.featurize(texts.get(i), scratch);
                    indices[i] = Arrays.copyOf(scratch.indices(), n);
                    values[i] = Arrays.copyOf(scratch.values(), n);
                }
                double[] out = new double[scorer.classes()];
                float[] hidden = new float[scorer.scratchLength()];
                score = i -> {
                    scorer.probabilities(indices[i], values[i], indices[i].length, hidden, out);
                    return out;
                };
            } else {
                throw new IllegalStateException(sparseClassifier + " has no sparse stage benchmarks: "
                        + model.getClass().getName());
            }
            tokenizer = extractors.get(0).tokenizer();
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

    /** The whole featurizer: n-grams, index look-up, weighting. */
    @Benchmark
    public int sparseFeaturize(Sparse s) {
        return s.featurize.applyAsInt(s.texts.get(s.nextIndex()));
    }

    /** The forward pass alone, over an already featurized text. */
    @Benchmark
    public double[] sparseScore(Sparse s) {
        return s.score.apply(s.nextIndex());
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

    /** Everything after tokenizing: length-sorted batches cut by the cost model, the forward passes side by side, pooling. */
    @Benchmark
    public float[][] minilmForward32(MiniLm s) {
        return s.encoder.encodeTokens(s.tokenized.get(s.nextIndex()));
    }
}
