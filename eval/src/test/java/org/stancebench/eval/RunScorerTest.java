package org.stancebench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.results.FoldScore;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Protocol;
import org.stancebench.eval.results.RunResult;

class RunScorerTest {
    static final List<String> LABELS = List.of("a", "b");
    static final BootstrapInfo FAST = new BootstrapInfo(100, 3, false, 0.95);

    @Test
    void meanAndStdAreOverSeedAndRepeatGroups() {
        // Four examples, gold a b a b; seed 1 gets all right, seed 2 gets one wrong (acc 1 and 0.75).
        List<PredictionRecord> p = new ArrayList<>();
        String[] gold = {"a", "b", "a", "b"};
        for (int i = 0; i < 4; i++) {
            p.add(new PredictionRecord("e" + i, gold[i], gold[i], null, 0, 1L));
        }
        for (int i = 0; i < 4; i++) {
            p.add(new PredictionRecord("e" + i, gold[i], i == 0 ? "b" : gold[i], null, 0, 2L));
        }
        List<FoldScore> folds = List.of(new FoldScore(0, 0, 1, 2, 2, Map.of("accuracy", 1.0)),
                new FoldScore(0, 1, 1, 2, 2, Map.of("accuracy", 1.0)));
        RunResult run = RunScorer.score(new RunSpec("x@cv", "x", Protocol.cv(2, 1), List.of(1L, 2L), Map.of(), null),
                new MetricSuite(LABELS, "macro-f1"), p, folds, FAST);
        MetricValue acc = run.metric("accuracy");
        // Hand: pooled 7/8; mean (1 + 0.75)/2 = 0.875; sample std sqrt(((0.125)^2 * 2) / 1) = 0.1767766952966369.
        assertEquals(0.875, acc.value(), 1e-12);
        assertEquals(0.875, acc.mean(), 1e-12);
        assertEquals(0.1767766952966369, acc.std(), 1e-12);
        // Pooled support counts every copy: 2 gold 'a' examples x 2 seeds.
        assertEquals(4, run.perClass().get("a").support());
        assertEquals(List.of(List.of(3L, 1L), List.of(0L, 4L)), run.confusion().matrix());
        assertNull(run.calibration(), "labels only");
        assertEquals("macro-f1", run.official().name());
    }

    @Test
    void aSplitRunHasNoSpread() {
        List<PredictionRecord> p = List.of(new PredictionRecord("e0", "a", "a", List.of(0.8, 0.2), null, null),
                new PredictionRecord("e1", "b", "a", List.of(0.6, 0.4), null, null));
        RunResult run = RunScorer.score(new RunSpec("x@test", "x", Protocol.split("test"), List.of(), Map.of(), null),
                new MetricSuite(LABELS, "f1:a"), p, null, FAST);
        assertNull(run.metric("accuracy").mean());
        // Hand: F1(a) = 2*1/(2*1 + 1 + 0) = 2/3, the official metric here.
        assertEquals(2.0 / 3, run.metric("f1:a").value(), 1e-12);
        assertEquals(2.0 / 3, run.official().value(), 1e-12);
        // Hand: log loss = -(ln 0.8 + ln 0.4)/2
        assertEquals(-(Math.log(0.8) + Math.log(0.4)) / 2, run.metric("log-loss").value(), 1e-12);
    }

    @Test
    void noPredictionsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> RunScorer.score(
                new RunSpec("x@test", "x", Protocol.split("test"), List.of(), Map.of(), null),
                new MetricSuite(LABELS, "macro-f1"), List.of(), null, FAST));
    }
}
