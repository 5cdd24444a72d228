package org.stancebench.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancebench.api.Classifier;
import org.stancebench.api.LabeledText;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.results.EnvironmentInfo;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.PredictionRecord;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;

class ProtocolTest {
    private static final EvalOptions FAST = EvalOptions.defaults().withBootstrap(new BootstrapInfo(200, 11, false, 0.95));

    @Test
    void crossValidationTrainsOneModelPerFoldAndSeedAndPoolsOutOfFoldPredictions() {
        Dataset dataset = TinyDataset.create();
        KeywordFactory factory = new KeywordFactory();
        List<String> progress = new ArrayList<>();
        RunResult run = CrossValidation.run(factory, dataset, List.of(13L, 14L), Map.of("weight", "2"),
                FAST.withProgress(progress::add));
        assertEquals(12, factory.trained, "6 folds x 2 seeds");
        assertEquals("keyword@cv", run.name());
        assertEquals(3, run.protocol().folds());
        assertEquals(2, run.protocol().repeats());
        assertEquals(List.of(13L, 14L), run.seeds());
        // Every example once per repeat and seed.
        assertEquals(36 * 2 * 2, run.predictions().size());
        assertEquals(12, run.folds().size());
        assertEquals(24, run.folds().get(0).nTrain());
        assertEquals(12, run.folds().get(0).nTest());
        assertTrue(progress.contains("keyword: fold 3/6, seed 2/2: training on 24, predicting 12 (9/12)"), progress.toString());
        // The classifier errs exactly on the 'shifted' examples (i % 5 == 0, 8 of 36): accuracy 28/36.
        MetricValue acc = run.metric("accuracy");
        assertEquals(28.0 / 36, acc.value(), 1e-12);
        assertTrue(acc.low() < acc.value() && acc.value() < acc.high());
        assertEquals(28.0 / 36, acc.mean(), 1e-12);
        assertEquals(0.0, acc.std(), 1e-12);
        assertEquals("macro-f1", run.official().name());
        assertNotNull(run.calibration());
        assertEquals(36 * 4, run.perClass().values().stream().mapToLong(c -> c.support()).sum());
        assertEquals(Map.of("weight", "2.0"), run.settings());
    }

    @Test
    void crossValidationIsDeterministic() {
        Dataset dataset = TinyDataset.create();
        RunResult a = CrossValidation.run(new KeywordFactory(), dataset, List.of(1L), Map.of(), FAST);
        RunResult b = CrossValidation.run(new KeywordFactory(), dataset, List.of(1L), Map.of(), FAST);
        assertEquals(a, b);
    }

    @Test
    void crossValidationNeedsFolds() {
        Dataset d = TinyDataset.create();
        Dataset noFolds = new Dataset(d.name(), d.labels(), d.examples(), List.of(), d.fingerprint());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.run(new KeywordFactory(), noFolds, List.of(1L), Map.of(), FAST));
        assertTrue(e.getMessage().contains("has no cross-validation folds"), e.getMessage());
    }

    @Test
    void splitEvaluationReordersProbabilitiesToDatasetLabels() {
        Dataset dataset = TinyDataset.create();
        List<LabeledText> train = dataset.split("train").stream()
                .map(e -> new LabeledText(e.id(), e.text(), e.label())).toList();
        try (Classifier model = new KeywordFactory().train(TrainingData.of(dataset.labels(), train),
                TrainingOptions.seed(5))) {
            RunResult run = Evaluation.onSplit(model, dataset, "test", List.of(5L), null, FAST);
            assertEquals("keyword@test", run.name());
            assertEquals(9, run.predictions().size());
            assertNull(run.folds());
            for (PredictionRecord p : run.predictions()) {
                int best = 0;
                for (int k = 1; k < p.probs().size(); k++) {
                    if (p.probs().get(k) > p.probs().get(best)) {
                        best = k;
                    }
                }
                assertEquals(dataset.labels().get(best), p.predicted());
                assertEquals(5L, p.seed());
            }
            // Test ids are i % 4 == 0: 0, 4, ..., 32; the shifted ones (i % 5 == 0) are 0 and 20: 7/9.
            assertEquals(7.0 / 9, run.metric("accuracy").value(), 1e-12);
            Results results = Results.of("test", Evaluation.datasetInfo(dataset), EnvironmentInfo.current(null),
                    List.of(run), List.of(), null);
            assertEquals(Map.of("hopeful", 3, "skeptical", 3, "neutral", 3), results.dataset().counts().get("test"));
            assertTrue(ResultsIo.toJson(results).contains("\"name\": \"keyword@test\""));
        }
    }

    @Test
    void unknownSplitIsRefused() {
        Dataset dataset = TinyDataset.create();
        List<LabeledText> train = List.of(new LabeledText("x", "great", "hopeful"));
        try (Classifier model = new KeywordFactory().train(TrainingData.of(dataset.labels(), train), TrainingOptions.seed(5))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Evaluation.onSplit(model, dataset, "validation", List.of(), null, FAST));
            assertEquals("dataset tiny has no examples in split 'validation' (splits: [test, dev, train])", e.getMessage());
        }
    }
}
