package org.stancebench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixtureTest {

    static final List<String> TEXTS = List.of("one two three", "four  five", "six");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 16, 512})
    void madeTextsHaveExactlyTheAskedTokenCount(int tokens) {
        List<String> made = Fixture.ofLength(TEXTS, tokens, 5);
        assertEquals(5, made.size());
        for (String t : made) {
            assertEquals(tokens, t.split(" ").length, t);
        }
        assertEquals(made, Fixture.ofLength(TEXTS, tokens, 5), "deterministic");
    }

    @Test
    void madeTextsWrapAroundTheRealWords() {
        // Hand-computed: words are one..six; text 1 starts 7 words on, i.e. at "two".
        assertEquals(List.of("one two three four", "two three four five"), Fixture.ofLength(TEXTS, 4, 2));
    }

    @Test
    void batchesAreFullAndWrapAround() {
        assertEquals(List.of(List.of("one two three", "four  five")), Fixture.batches(TEXTS, 2));
        assertEquals(List.of(List.of("one two three", "four  five", "six", "one two three", "four  five")),
                Fixture.batches(TEXTS, 5));
    }
}
