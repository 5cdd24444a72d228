package org.stancebench.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MacroF1Test {

    // Hand computation: gold 0 0 1 1 2, predicted 0 1 1 1 0.
    // class 0: tp 1, fp 1, fn 1 -> F1 2/4 = 0.5; class 1: tp 2, fp 1, fn 0 -> 4/5 = 0.8;
    // class 2: tp 0, fn 1 -> 0. Macro = 1.3 / 3.
    private static final int[] GOLD = {0, 0, 1, 1, 2};
    private static final int[] PRED = {0, 1, 1, 1, 0};

    @Test
    void macroAndPerClassF1ByHand() {
        assertEquals(1.3 / 3, MacroF1.of(GOLD, PRED, 3), 1e-12);
        assertEquals(0.8, MacroF1.ofClass(GOLD, PRED, 1), 1e-12);
        assertEquals(0.8, MacroF1.criterion("f1:b", List.of("a", "b", "c")).applyAsDouble(GOLD, PRED), 1e-12);
        // mean of F1(a) = 0.5 and F1(b) = 0.8, TweetEval stance's form
        assertEquals(0.65, MacroF1.criterion("f1:a+b", List.of("a", "b", "c")).applyAsDouble(GOLD, PRED), 1e-12);
        assertEquals(1.3 / 3, MacroF1.criterion("macro_f1", List.of("a", "b", "c")).applyAsDouble(GOLD, PRED), 1e-12);
    }

    @Test
    void unknownCriteriaAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MacroF1.criterion("f1:zz", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> MacroF1.criterion("accuracy", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> MacroF1.criterion("f1:a+", List.of("a")));
    }
}
