package org.stancebench.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.eval.results.Calibration;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.metrics.ConfusionMatrix;
import org.stancebench.metrics.Metrics;

class MetricsTest {
    private static final double EPS = 1e-12;

    // Hand case: gold rows a, b, c; predicted columns.
    //   a: 3 1 0 | b: 1 1 0 | c: 0 1 2   (n = 9)
    static final int[] HAND_GOLD = {0, 0, 0, 0, 1, 1, 2, 2, 2};
    static final int[] HAND_PRED = {0, 0, 0, 1, 0, 1, 1, 2, 2};

    @Test
    void handConfusionMatrix() {
        ConfusionMatrix m = ConfusionMatrix.of(3, HAND_GOLD, HAND_PRED);
        // Hand computation: diagonal 3 + 1 + 2 = 6 of 9.
        assertEquals(6.0 / 9, m.accuracy(), EPS);
        // Hand: precision a = 3/4, b = 1/3, c = 2/2; recall a = 3/4, b = 1/2, c = 2/3.
        assertEquals(0.75, m.precision(0), EPS);
        assertEquals(1.0 / 3, m.precision(1), EPS);
        assertEquals(1.0, m.precision(2), EPS);
        assertEquals(0.75, m.recall(0), EPS);
        assertEquals(0.5, m.recall(1), EPS);
        assertEquals(2.0 / 3, m.recall(2), EPS);
        // Hand: F1 = 2tp / (2tp + fp + fn): a 6/8, b 2/5, c 4/5.
        assertEquals(0.75, m.f1(0), EPS);
        assertEquals(0.4, m.f1(1), EPS);
        assertEquals(0.8, m.f1(2), EPS);
        // Hand: (0.75 + 0.4 + 0.8) / 3 = 0.65; scikit-learn 1.2.1 f1_score(average="macro") = 0.65.
        assertEquals(0.65, m.macroF1(), EPS);
        // Hand: (4*0.75 + 2*0.4 + 3*0.8) / 9 = 6.2/9; scikit-learn 1.2.1 average="weighted" 0.6888888888888889.
        assertEquals(0.6888888888888889, m.weightedF1(), EPS);
        // Hand: po = 54/81, pe = (4*4 + 2*3 + 3*2)/81 = 28/81, kappa = 26/53;
        // scikit-learn 1.2.1 cohen_kappa_score = 0.49056603773584906.
        assertEquals(26.0 / 53, m.kappa(), EPS);
        assertEquals(0.49056603773584906, m.kappa(), EPS);
        assertEquals(4, m.support(0));
        assertArrayEquals(new long[] {0, 1, 2}, m.counts()[2]);
    }

    @Test
    void undefinedPrecisionAndRecallAreZeroLikeScikitLearn() {
        // gold 0 0 1 1, predicted 0 0 0 2: label 1 never predicted, label 2 never in gold.
        ConfusionMatrix m = ConfusionMatrix.of(3, new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 2});
        // scikit-learn 1.2.1 precision_score(average=None, labels=[0,1,2], zero_division=0) = [2/3, 0, 0]
        assertEquals(2.0 / 3, m.precision(0), EPS);
        assertEquals(0.0, m.precision(1), EPS);
        assertEquals(0.0, m.precision(2), EPS);
        // recall_score(..., zero_division=0) = [1, 0, 0]
        assertEquals(1.0, m.recall(0), EPS);
        assertEquals(0.0, m.recall(2), EPS);
        // f1_score(average="macro", zero_division=0) = 0.26666666666666666
        assertEquals(0.26666666666666666, m.macroF1(), EPS);
    }

    @Test
    void macroF1SkipsLabelsAbsentFromGoldAndPredictions() {
        // Label 2 appears nowhere: scikit-learn's default labels (those present) average over 0 and 1.
        ConfusionMatrix m = ConfusionMatrix.of(3, new int[] {0, 1}, new int[] {0, 1});
        assertEquals(1.0, m.macroF1(), EPS);
    }

    @Test
    void kappaOfOneLabelEverywhereIsZero() {
        ConfusionMatrix m = ConfusionMatrix.of(2, new int[] {1, 1, 1}, new int[] {1, 1, 1});
        assertEquals(0.0, m.kappa(), EPS);
    }

    // A seeded 30-example, 4-class case from eval/src/test/python/reference_values.py.
    static final int[] GOLD = {3, 2, 2, 3, 2, 3, 3, 0, 0, 1, 1, 3, 3, 0, 1, 3, 0, 3, 0, 1, 3, 1, 1, 1, 2, 1, 3, 1,
        1, 2};
    static final double[][] PROBS = {{0.4908, 0.0719, 0.0113, 0.426}, {0.4912, 0.0921, 0.3952, 0.0215},
        {0.0001, 0.0125, 0.707, 0.2804}, {0.261, 0.1248, 0.4607, 0.1535}, {0.0265, 0.1016, 0.6019, 0.27},
        {0.1219, 0.2362, 0.0646, 0.5773}, {0.0392, 0.1616, 0.3372, 0.462}, {0.387, 0.4675, 0.0163, 0.1292},
        {0.4189, 0.3152, 0.0852, 0.1807}, {0.0346, 0.5039, 0.3097, 0.1518}, {0.2138, 0.4924, 0.2782, 0.0156},
        {0.3301, 0.1603, 0.1053, 0.4043}, {0.2069, 0.1921, 0.4661, 0.1349}, {0.437, 0.0812, 0.3787, 0.1031},
        {0.1772, 0.4054, 0.2917, 0.1257}, {0.1818, 0.7601, 0.0553, 0.0028}, {0.7897, 0.008, 0.069, 0.1333},
        {0.1748, 0.0778, 0.3604, 0.387}, {0.7332, 0.2573, 0.0072, 0.0023}, {0.177, 0.6182, 0.0584, 0.1464},
        {0.1103, 0.0142, 0.0015, 0.874}, {0.0135, 0.1855, 0.6192, 0.1818}, {0.2493, 0.5951, 0.0197, 0.1359},
        {0.0061, 0.4899, 0.1603, 0.3437}, {0.0018, 0.0358, 0.9171, 0.0453}, {0.2299, 0.4561, 0.2343, 0.0797},
        {0.1482, 0.0425, 0.109, 0.7003}, {0.8205, 0.0425, 0.021, 0.116}, {0.211, 0.3882, 0.2725, 0.1283},
        {0.2041, 0.3056, 0.4701, 0.0202}};
    static final int[] PRED = {0, 0, 2, 2, 2, 3, 3, 1, 0, 1, 1, 3, 2, 0, 1, 1, 0, 3, 0, 1, 3, 2, 1, 1, 2, 1, 3, 0, 1,
        2};
    static final List<String> LABELS = List.of("w", "x", "y", "z");

    static ScoredExamples seeded() {
        List<PredictionRecord> records = new ArrayList<>();
        for (int i = 0; i < GOLD.length; i++) {
            List<Double> p = new ArrayList<>();
            for (double v : PROBS[i]) {
                p.add(v);
            }
            records.add(new PredictionRecord("e" + i, LABELS.get(GOLD[i]), LABELS.get(PRED[i]), p, null, null));
        }
        return new ScoredExamples(LABELS, records);
    }

    @Test
    void seededCaseMatchesScikitLearn() {
        ScoredExamples data = seeded();
        Map<String, Double> m = new MetricSuite(LABELS, "macro-f1").all(data, data.all());
        // scikit-learn 1.2.1 sklearn.metrics.accuracy_score(gold, pred)
        assertEquals(0.7333333333333333, m.get("accuracy"), EPS);
        // scikit-learn 1.2.1 f1_score(gold, pred, average="macro", zero_division=0)
        assertEquals(0.7208333333333333, m.get("macro-f1"), EPS);
        // scikit-learn 1.2.1 f1_score(gold, pred, average="weighted", zero_division=0)
        assertEquals(0.7388888888888889, m.get("weighted-f1"), EPS);
        // scikit-learn 1.2.1 cohen_kappa_score(gold, pred)
        assertEquals(0.6417910447761195, m.get("kappa"), EPS);
        // scikit-learn 1.2.1 log_loss(gold, probs, labels=[0,1,2,3])
        assertEquals(1.0226150548241835, m.get("log-loss"), 1e-9);
        // numpy: ((probs - onehot(gold))**2).sum(axis=1).mean()
        assertEquals(0.5009929126666667, m.get("brier"), 1e-12);
        // numpy: 15 bins (i/15, (i+1)/15] of max prob, sum n_b/n |acc_b - conf_b|
        assertEquals(0.25784999999999997, m.get("ece"), 1e-12);
        // scikit-learn 1.2.1 precision_recall_fscore_support(gold, pred, labels=[0,1,2,3], zero_division=0)
        double[] precision = {0.5714285714285714, 0.8, 0.5714285714285714, 1.0};
        double[] recall = {0.8, 0.8, 0.8, 0.6};
        double[] f1 = {0.6666666666666666, 0.8000000000000002, 0.6666666666666666, 0.7499999999999999};
        for (int c = 0; c < 4; c++) {
            assertEquals(precision[c], m.get("precision:" + LABELS.get(c)), EPS);
            assertEquals(recall[c], m.get("recall:" + LABELS.get(c)), EPS);
            assertEquals(f1[c], m.get("f1:" + LABELS.get(c)), EPS);
        }
        // scikit-learn 1.2.1 confusion_matrix(gold, pred, labels=[0,1,2,3])
        long[][] expected = {{4, 1, 0, 0}, {1, 8, 1, 0}, {1, 0, 4, 0}, {1, 1, 2, 6}};
        ConfusionMatrix cm = ConfusionMatrix.of(4, GOLD, PRED);
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(expected[r], cm.counts()[r]);
        }
    }

    @Test
    void logLossClipsZeroProbabilities() {
        double[][] probs = {{0.0, 1.0}, {0.5, 0.5}};
        // Hand: (-ln(1e-15) - ln(0.5)) / 2 = (34.538776394910684 + 0.6931471805599453) / 2;
        // scikit-learn 1.2.1 log_loss([0, 0], probs, labels=[0, 1], eps=1e-15) = 17.615961787735315.
        // (Its default since 1.2, eps="auto", clips at 2.2e-16 instead and gives more.)
        assertEquals((34.538776394910684 + 0.6931471805599453) / 2,
                ProbabilityMetrics.logLoss(new int[] {0, 0}, probs, new int[] {0, 1}), 1e-12);
        assertEquals(17.615961787735315, ProbabilityMetrics.logLoss(new int[] {0, 0}, probs, new int[] {0, 1}), 1e-9);
    }

    @Test
    void brierOfPerfectAndWorstPredictions() {
        // Hand: perfect = 0; confidently wrong = (1-0)^2 + (0-1)^2 = 2.
        assertEquals(0.0, ProbabilityMetrics.brier(new int[] {1}, new double[][] {{0, 1}}, new int[] {0}), EPS);
        assertEquals(2.0, ProbabilityMetrics.brier(new int[] {0}, new double[][] {{0, 1}}, new int[] {0}), EPS);
    }

    @Test
    void calibrationBinsByHand() {
        // Confidences 0.95 (right), 0.95 (wrong), 0.5 (right); bins of width 1/15.
        int[] gold = {0, 0, 1};
        int[] pred = {0, 1, 1};
        double[][] probs = {{0.95, 0.05}, {0.05, 0.95}, {0.5, 0.5}};
        // 0.5 ties: predicted label 1 counts as right here (the caller chose it).
        Calibration c = ProbabilityMetrics.calibration(gold, pred, probs, new int[] {0, 1, 2});
        assertEquals(15, c.bins().size());
        // Hand: 0.95 is in bin 14 = (14/15, 1]; 0.5 in bin 7 = (7/15, 8/15].
        assertEquals(2, c.bins().get(14).count());
        assertEquals(0.5, c.bins().get(14).accuracy(), EPS);
        assertEquals(0.95, c.bins().get(14).meanConfidence(), EPS);
        assertEquals(1, c.bins().get(7).count());
        // Hand: ECE = 2/3 * |0.5 - 0.95| + 1/3 * |1 - 0.5| = 0.3 + 0.1666... = 0.4666...
        assertEquals(2.0 / 3 * 0.45 + 1.0 / 3 * 0.5, c.ece(), EPS);
    }

    @ParameterizedTest
    @CsvSource({
        "0.0, 0", "0.06666666666666667, 0", "0.0667, 1", "0.5, 7", "1.0, 14", "0.9999, 14",
    })
    void binEdgesAreLeftOpenRightClosed(double confidence, int bin) {
        assertEquals(bin, ProbabilityMetrics.bin(confidence, 15));
    }

    @Test
    void officialMetrics() {
        List<String> stance = List.of("none", "against", "favor");
        // gold/pred over none, against, favor: F1(against) = 2*1/(2+1+0) = 2/3; F1(favor) = 2*1/(2+0+1) = 2/3.
        int[] gold = {1, 1, 2, 0};
        int[] pred = {1, 0, 2, 2};
        ConfusionMatrix m = ConfusionMatrix.of(3, gold, pred);
        // Hand: (2/3 + 2/3) / 2
        assertEquals(2.0 / 3, Metrics.resolve("tweeteval-stance", stance).applyAsDouble(m), EPS);
        assertEquals("tweeteval-stance", Metrics.defaultFor("tweeteval-stance", stance));
        assertEquals("f1-irony", Metrics.defaultFor("irony", List.of("non_irony", "irony")));
        assertEquals("f1:sarcastic", Metrics.defaultFor("isarcasmeval", List.of("not_sarcastic", "sarcastic")));
        assertEquals("macro-f1", Metrics.defaultFor("seed", List.of("hopeful", "skeptical", "sarcastic",
                "neutral")));
        ConfusionMatrix irony = ConfusionMatrix.of(2, new int[] {1, 1, 0}, new int[] {1, 0, 0});
        // Hand: F1(irony) = 2*1 / (2 + 0 + 1) = 2/3
        assertEquals(2.0 / 3, Metrics.resolve("f1-irony", List.of("non_irony", "irony")).applyAsDouble(irony), EPS);
        assertEquals(2.0 / 3, Metrics.resolve("f1:irony", List.of("non_irony", "irony")).applyAsDouble(irony), EPS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.resolve("f1-irony", stance));
        assertEquals("metric f1-irony needs label 'irony', which is not in [none, against, favor]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.resolve("bleu", stance));
    }

    @Test
    void officialMetricAppearsAmongHeadlineMetrics() {
        ScoredExamples data = seeded();
        Map<String, Double> m = new MetricSuite(LABELS, "f1:z").headline(data, data.all());
        // scikit-learn 1.2.1 f1 of class 3 (see above)
        assertEquals(0.7499999999999999, m.get("f1:z"), EPS);
    }
}
