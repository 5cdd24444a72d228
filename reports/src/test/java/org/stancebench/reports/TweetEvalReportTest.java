package org.stancebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancebench.eval.results.TweetEvalResult;

class TweetEvalReportTest {

    @Test
    void seedSummaryGivesMeanAndSampleSd() {
        TweetEvalResult.Candidate a = new TweetEvalResult.Candidate(Map.of(), 60, 60, Map.of());
        TweetEvalResult.Candidate b = new TweetEvalResult.Candidate(Map.of(), 60, 64, Map.of());
        List<TweetEvalResult> rs = List.of(
                new TweetEvalResult("irony", "fasttext", "f1-irony", true, 1, 0, List.of(a), 1, 1, 0, null),
                new TweetEvalResult("irony", "fasttext", "f1-irony", true, 2, 0, List.of(b), 1, 1, 0, null));
        // hand computation: mean 62.0, sample sd sqrt((4 + 4) / 1) = 2.83; FastText row 63.1
        assertTrue(TweetEvalReport.seedSummary(rs).contains("| irony | fasttext | 2 | 62.0 | 2.8 | 60.0 | 64.0 | "
                + "63.1 | -1.1 |"), TweetEvalReport.seedSummary(rs));
        assertEquals("", TweetEvalReport.seedSummary(rs.subList(0, 1)));
    }

    @Test
    void pairedTestsCompareClassifiersOnTheSameTaskAndSeedOnly() {
        TweetEvalResult.Candidate c = new TweetEvalResult.Candidate(Map.of(), 60, 60, Map.of());
        List<String> labels = List.of("non_irony", "irony");
        int n = 200;
        int[] gold = new int[n];
        int[] perfect = new int[n];
        int[] flipped = new int[n];
        int[] nearly = new int[n];
        for (int i = 0; i < n; i++) {
            gold[i] = i % 2;
            perfect[i] = gold[i];
            flipped[i] = 1 - gold[i];
            nearly[i] = i == 0 ? 1 : gold[i];
        }
        List<TweetEvalResult> rs = List.of(
                result("a", 13, c, new TweetEvalResult.TestPredictions(labels, gold, perfect)),
                result("b", 13, c, new TweetEvalResult.TestPredictions(labels, gold, flipped)),
                result("c", 13, c, new TweetEvalResult.TestPredictions(labels, gold, nearly)),
                result("d", 14, c, new TweetEvalResult.TestPredictions(labels, gold, flipped)),
                result("e", 13, c, null));
        List<TweetEvalReport.Paired> paired = TweetEvalReport.pairedTests(rs);
        assertEquals(3, paired.size(), paired.toString()); // a-b, a-c, b-c; d has another seed, e no predictions
        TweetEvalReport.Paired ab = paired.get(0);
        assertEquals("a", ab.a());
        assertEquals("b", ab.b());
        assertEquals(100.0, ab.scoreA(), 1e-9);
        assertEquals(0.0, ab.scoreB(), 1e-9);
        assertTrue(ab.pValue() < 0.001, "every prediction differs: " + ab.pValue());
        TweetEvalReport.Paired ac = paired.get(1);
        assertTrue(ac.pValue() > 0.5, "one prediction differs: " + ac.pValue());
        assertTrue(TweetEvalReport.pairedMarkdown(paired).contains("| irony | 13 | a | b | 100.0 | 0.0 | +100.00 |"),
                TweetEvalReport.pairedMarkdown(paired));
        assertEquals("", TweetEvalReport.pairedMarkdown(List.of()));
    }

    private static TweetEvalResult result(String classifier, long seed, TweetEvalResult.Candidate c,
                                          TweetEvalResult.TestPredictions predictions) {
        return new TweetEvalResult("irony", classifier, "f1-irony", true, seed, 0, List.of(c), 1, 200, 0, null,
                predictions);
    }
}
