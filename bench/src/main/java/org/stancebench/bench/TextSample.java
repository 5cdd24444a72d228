package org.stancebench.bench;

import java.util.Objects;

/**
 * Which real texts a benchmark run fed its classifiers: where they come from, how many, and their
 * mean length in whitespace-separated tokens.
 *
 * <p>Immutable; {@code count} is positive and {@code meanTokens} not negative.
 *
 * @param source for example {@code seed} (the seed dataset's texts) or {@code tweeteval/irony/test}
 */
public record TextSample(String source, int count, double meanTokens) {
    public TextSample {
        Objects.requireNonNull(source, "source");
        if (count < 1) {
            throw new IllegalArgumentException("a text sample needs at least one text");
        }
        if (!(meanTokens >= 0)) {
            throw new IllegalArgumentException("meanTokens must not be negative, got " + meanTokens);
        }
    }
}
