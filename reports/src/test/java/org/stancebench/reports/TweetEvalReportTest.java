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
}
