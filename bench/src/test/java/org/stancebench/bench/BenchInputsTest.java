package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchInputsTest {

    @Test
    void meanTokensCountsWhitespaceTokens() {
        assertEquals(2.0, BenchInputs.meanTokens(List.of("one two three", "four  five", "six")), 1e-12); // (3 + 2 + 1) / 3
    }
}
