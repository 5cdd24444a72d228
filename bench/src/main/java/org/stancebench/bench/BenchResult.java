package org.stancebench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One measured figure of a benchmark summary: a classifier (or a peer tool), what was measured, at
 * which batch size, thread count and text length, and the score with its error.
 *
 * <p>Immutable. {@code score} is finite and not negative; {@code error} is the half-width of JMH's
 * 99.9% confidence interval of the score (or, for peers measured by the script, the same statistic
 * over repeated runs), in the same unit, finite and not negative. Fields that do not apply are null
 * and left out of the JSON.
 *
 * @param classifier the registered classifier name, or a peer name such as {@code sklearn:tfidf-logreg}
 * @param benchmark what was measured, for example {@code throughput}, {@code latency},
 *     {@code stage:featurize}; see {@code docs/bench-summary.md}
 * @param batchSize texts per call
 * @param threads threads calling at the same time (each with its own model instance)
 * @param textLength tokens per text when the texts were built to a fixed length, else null (real texts)
 * @param score the figure, in {@code unit}
 * @param error half-width of the 99.9% confidence interval of {@code score}
 * @param unit {@code texts/s} for throughputs, {@code us} for latencies
 * @param p50 median latency per call in microseconds, for latency rows
 * @param p99 99th percentile latency per call in microseconds, for latency rows
 * @param allocBytesPerText bytes allocated on the Java heap per text (JMH's gc.alloc.rate.norm over
 *     the batch size), when the GC profiler ran
 * @param modelBytes Java heap retained by one loaded model, on rows of end-to-end benchmarks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchResult(String classifier, String benchmark, int batchSize, int threads,
                          Integer textLength, double score, double error, String unit,
                          Double p50, Double p99, Double allocBytesPerText, Long modelBytes) {
    public BenchResult {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(unit, "unit");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (textLength != null && textLength < 1) {
            throw new IllegalArgumentException("textLength must be at least 1, got " + textLength);
        }
        if (!Double.isFinite(score) || score < 0) {
            throw new IllegalArgumentException("score must be finite and not negative, got " + score);
        }
        if (!Double.isFinite(error) || error < 0) {
            throw new IllegalArgumentException("error must be finite and not negative, got " + error);
        }
    }

    /** A row with only the required fields set. */
    public static BenchResult of(String classifier, String benchmark, int batchSize, int threads,
                                 double score, double error, String unit) {
        return new BenchResult(classifier, benchmark, batchSize, threads, null, score, error, unit,
                null, null, null, null);
    }

    /** A copy with {@code modelBytes} set. */
    public BenchResult withModelBytes(Long bytes) {
        return new BenchResult(classifier, benchmark, batchSize, threads, textLength, score, error, unit,
                p50, p99, allocBytesPerText, bytes);
    }
}
