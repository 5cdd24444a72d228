package org.stancebench.dataset.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stancebench.metrics.ConfusionMatrix;

class AnnotationAgreementTest {

    @Test
    void kappaOfTheSeedPassesMatchesTheHandComputation() {
        // Rows: sb-a1 (hopeful, skeptical, sarcastic, neutral); columns: sb-a2. One unit hopeful vs neutral.
        ConfusionMatrix counts = table(new long[][] {{18, 0, 0, 1}, {0, 11, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 10}});
        // Hand: po = 40/41, pe = (19*18 + 11*11 + 1*1 + 10*11) / 41^2 = 574/1681,
        // kappa = (1640 - 574) / (1681 - 574) = 1066/1107 = 26/27.
        assertEquals(26.0 / 27.0, AnnotationAgreement.kappa(counts), 1e-15);
    }

    @Test
    void kappaAtChancePerfectAndUndefined() {
        assertEquals(0.0, AnnotationAgreement.kappa(table(new long[][] {{1, 1}, {1, 1}})), 1e-15);
        assertEquals(1.0, AnnotationAgreement.kappa(table(new long[][] {{3, 0}, {0, 2}})), 1e-15);
        // Hand: po = 0, pe = (2*2 + 2*2)/16 = 0.5, kappa = -1.
        assertEquals(-1.0, AnnotationAgreement.kappa(table(new long[][] {{0, 2}, {2, 0}})), 1e-15);
        assertTrue(Double.isNaN(AnnotationAgreement.kappa(table(new long[][] {{4, 0}, {0, 0}}))), "one label only");
        assertTrue(Double.isNaN(AnnotationAgreement.kappa(table(new long[][] {{0, 0}, {0, 0}}))), "no units");
    }

    private static ConfusionMatrix table(long[][] counts) {
        ConfusionMatrix m = new ConfusionMatrix(counts.length);
        for (int a = 0; a < counts.length; a++) {
            for (int b = 0; b < counts.length; b++) {
                for (long n = 0; n < counts[a][b]; n++) {
                    m.add(a, b);
                }
            }
        }
        return m;
    }

    @Test
    void intervalIsSeededAndHoldsTheEstimate() {
        int[] a = {0, 0, 1, 1, 2, 2, 0, 1, 2, 0, 1, 1, 0, 2, 2, 1};
        int[] b = {0, 1, 1, 1, 2, 0, 0, 2, 2, 0, 1, 0, 0, 2, 1, 1};
        AnnotationAgreement.Group g = AnnotationAgreement.of("all", a, b, 3, 13);
        assertEquals(g, AnnotationAgreement.of("all", a, b, 3, 13));
        AnnotationAgreement.Group other = AnnotationAgreement.of("all", a, b, 3, 14);
        assertEquals(g.kappa(), other.kappa());
        // Another seed moves the bounds only by resampling noise.
        assertEquals(g.low(), other.low(), 0.05);
        assertEquals(g.high(), other.high(), 0.05);
        assertTrue(g.low() < g.kappa() && g.kappa() < g.high(), g.toString());
        assertEquals(11, g.agreed());
        assertEquals(11.0 / 16, g.observed(), 1e-15);
    }

    @Test
    void percentileInterpolatesAsRsDefault() {
        // R 4.x: quantile(c(1, 2, 3, 4), c(0.025, 0.975)) gives 1.075 and 3.925 (type 7).
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.075, AnnotationAgreement.percentile(sorted, 0.025), 1e-12);
        assertEquals(3.925, AnnotationAgreement.percentile(sorted, 0.975), 1e-12);
    }
}
