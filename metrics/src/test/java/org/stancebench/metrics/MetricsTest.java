package org.stancebench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsTest {

    // Hand computation: gold 0 0 1 1 2, predicted 0 1 1 1 0.
    // class 0: tp 1, fp 1, fn 1 -> F1 2/4 = 0.5; class 1: tp 2, fp 1, fn 0 -> 4/5 = 0.8;
    // class 2: tp 0, fn 1 -> 0. Macro over the three = 1.3 / 3.
    private static final int[] GOLD = {0, 0, 1, 1, 2};
    private static final int[] PRED = {0, 1, 1, 1, 0};
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void namedMetricsByHand() {
        assertEquals(0.8, Metrics.criterion("f1:b", ABC).applyAsDouble(GOLD, PRED), 1e-12);
        // mean of F1(a) = 0.5 and F1(b) = 0.8, TweetEval stance's form
        assertEquals(0.65, Metrics.criterion("f1:a+b", ABC).applyAsDouble(GOLD, PRED), 1e-12);
        assertEquals(1.3 / 3, Metrics.criterion("macro-f1", ABC).applyAsDouble(GOLD, PRED), 1e-12);
        assertEquals(0.6, Metrics.criterion("accuracy", ABC).applyAsDouble(GOLD, PRED), 1e-12);
        List<String> stance = List.of("none", "against", "favor");
        assertEquals(Metrics.criterion("f1:against+favor", stance).applyAsDouble(GOLD, PRED),
                Metrics.criterion("tweeteval-stance", stance).applyAsDouble(GOLD, PRED));
    }

    @Test
    void macroOverAllLabelsCountsAnAbsentLabelAsZero() {
        // Four labels, the fourth never in gold or predicted: present-labels macro 1.3/3, all-labels 1.3/4.
        List<String> abcd = List.of("a", "b", "c", "d");
        assertEquals(1.3 / 3, Metrics.criterion("macro-f1", abcd).applyAsDouble(GOLD, PRED), 1e-12);
        assertEquals(1.3 / 4, Metrics.criterion("macro-f1-all", abcd).applyAsDouble(GOLD, PRED), 1e-12);
        // The spelling of earlier tune_metric settings computed the all-labels mean, and still does.
        assertEquals("macro-f1-all", Metrics.canonical("macro_f1"));
        assertEquals(1.3 / 4, Metrics.criterion("macro_f1", abcd).applyAsDouble(GOLD, PRED), 1e-12);
    }

    @Test
    void unknownNamesAndLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.criterion("f1:zz", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Metrics.criterion("precision", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Metrics.criterion("f1:a+", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Metrics.criterion("tweeteval-stance", ABC));
    }

    @Test
    void officialMetricFollowsTheLabelSet() {
        assertEquals("tweeteval-stance", Metrics.defaultFor("tweeteval-stance-abortion", List.of("none", "against", "favor")));
        assertEquals("f1-irony", Metrics.defaultFor("tweeteval-irony", List.of("non_irony", "irony")));
        assertEquals("f1:sarcastic", Metrics.defaultFor("isarcasmeval", List.of("not_sarcastic", "sarcastic")));
        assertEquals("macro-f1", Metrics.defaultFor("seed", List.of("hopeful", "skeptical", "sarcastic", "neutral")));
    }

    @Test
    void singleClassMetricsNameTheirClass() {
        assertEquals(Optional.of("sarcastic"), Metrics.singleClass("f1:sarcastic"));
        assertEquals(Optional.of("irony"), Metrics.singleClass("f1-irony"));
        assertEquals(Optional.empty(), Metrics.singleClass("f1:against+favor"));
        assertEquals(Optional.empty(), Metrics.singleClass("tweeteval-stance"));
        assertEquals(Optional.empty(), Metrics.singleClass("macro-f1"));
        assertEquals(Optional.empty(), Metrics.singleClass("f1:"));
    }
}
