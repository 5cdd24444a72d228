package org.stancebench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProbabilitiesTest {

    @Test
    void softmaxMatchesTheClosedForm() {
        double[] s = {1, 2, 3};
        Probabilities.softmaxInPlace(s);
        // Hand: e^k / (e + e^2 + e^3) for k = 1, 2, 3.
        double z = Math.E + Math.exp(2) + Math.exp(3);
        assertEquals(Math.E / z, s[0], 1e-15);
        assertEquals(Math.exp(2) / z, s[1], 1e-15);
        assertEquals(Math.exp(3) / z, s[2], 1e-15);
    }

    @Test
    void softmaxIsStableForLargeScores() {
        double[] s = {1000, 1000};
        Probabilities.softmaxInPlace(s);
        assertEquals(0.5, s[0]);
        assertEquals(0.5, s[1]);
    }

    @Test
    void argmaxTakesTheFirstOnTies() {
        assertEquals(1, Probabilities.argmax(new double[] {0.2, 0.4, 0.4}));
        assertEquals(2, Probabilities.argmax(new double[] {0.1, 0.2, 0.7}));
        assertEquals(0, Probabilities.argmax(new double[] {0.5, 0.5}));
    }
}
