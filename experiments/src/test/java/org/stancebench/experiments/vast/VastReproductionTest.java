package org.stancebench.experiments.vast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.stancebench.eval.results.VastResult;
import org.stancebench.experiments.LocalExecutor;

class VastReproductionTest {

    /** A hand-made VAST layout: 60 train rows (4 topics), 8 test rows (4 few-shot, 4 zero-shot). */
    static Path fixture() throws URISyntaxException {
        return Path.of(VastReproductionTest.class.getResource("/vast-fixture").toURI());
    }

    static List<VastResult> run(Path corpora, List<String> classifiers) throws IOException {
        List<String> log = new ArrayList<>();
        try (LocalExecutor local = LocalExecutor.sequential()) {
            return VastReproduction.run(new VastOptions(corpora, classifiers, List.of(13L), Map.of(), Map.of()), local,
                    log::add);
        }
    }

    @Test
    void fixtureEndToEnd() throws Exception {
        List<VastResult> results = run(fixture(), List.of("majority", "tfidf-logreg", "minilm-zeroshot", "minilm-probe"));
        assertEquals(List.of("majority", "tfidf-logreg", "minilm-zeroshot", "minilm-probe"),
                results.stream().map(VastResult::classifier).toList());
        VastResult majority = results.get(0);
        // Hand computation: neutral is the train majority (36 of 60 rows), the test has 2 neutral rows
        // of 8, one in each subset of 4: F1(neutral) = 2 x 2 / (2 + 8) overall and 2 x 1 / (1 + 4) in each
        // subset; con and pro score 0, and macro-F1 is over all three labels.
        assertEquals(100 * 0.4 / 3, majority.test().get("all").value(), 1e-9);
        assertEquals(100 * 0.4 / 3, majority.test().get("zero-shot").value(), 1e-9);
        assertEquals(100 * 0.4 / 3, majority.test().get("few-shot").value(), 1e-9);
        assertEquals(8, majority.test().get("all").n());
        assertEquals(4, majority.test().get("zero-shot").n());
        assertEquals(4, majority.test().get("few-shot").n());
        assertEquals(60, majority.trainSize() + majority.devSize());
        for (VastResult r : results) {
            for (VastResult.Score s : r.test().values()) {
                assertTrue(s.low() <= s.value() + 1e-9 && s.value() <= s.high() + 1e-9, r.classifier() + " " + s);
            }
            double bestDev = r.candidates().stream().mapToDouble(VastResult.Candidate::dev).max().orElseThrow();
            assertEquals(bestDev, r.best().dev(), 0.0, "dev chooses, " + r.classifier());
            assertEquals(r.best().test(), r.test().get("all").value(), 1e-9);
        }
        // The topic reaches the MiniLM classifiers: both grid points carry the separator.
        for (VastResult r : results.subList(2, 4)) {
            assertEquals(2, r.candidates().size());
            for (VastResult.Candidate c : r.candidates()) {
                assertEquals(VastReproduction.SEPARATOR, c.model().get("topicSeparator"), c.toString());
            }
        }
        // Stance words the fixture's test rows share with their topics are enough to beat the floor.
        assertTrue(results.get(1).test().get("all").value() > majority.test().get("all").value(), results.toString());
    }

    @Test
    void sameInputsAndSeedSameResults() throws Exception {
        List<String> classifiers = List.of("stratified", "tfidf-logreg", "minilm-probe");
        assertEquals(run(fixture(), classifiers).stream().map(VastReproductionTest::withoutTime).toList(),
                run(fixture(), classifiers).stream().map(VastReproductionTest::withoutTime).toList());
    }

    private static VastResult withoutTime(VastResult r) {
        return new VastResult(r.classifier(), r.seed(), r.chosen(), r.candidates(), r.trainSize(), r.devSize(),
                r.devZeroShotSize(), r.test(), 0);
    }

    @Test
    void missingCorpusIsOneLine() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> VastReproduction.vastFolder(Path.of("nowhere")));
        assertEquals("nowhere: no VAST corpus there (expected DIR/vast/ or DIR itself to hold vast_train.csv and "
                + "vast_test.csv)", e.getMessage());
    }

    /**
     * The real corpus with the majority floor, cheap; skipped when {@code ../shared/corpora} (or
     * {@code $STANCEBENCH_CORPORA}) is absent.
     */
    @Test
    void realVastWithTheMajorityFloor() throws IOException {
        String override = System.getenv("STANCEBENCH_CORPORA");
        Path corpora = override != null && !override.isBlank() ? Path.of(override)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpora").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpora.resolve("vast")), "public corpora not found at " + corpora
                + ": skipping");
        VastResult majority = run(corpora, List.of("majority")).get(0);
        // Hand computation from vast_test.csv: con is the train majority; 1,018 of 3,006 test rows are
        // con (490 of the 1,460 zero-shot rows, 528 of the 1,546 few-shot rows); macro-F1 = F1(con) / 3.
        assertEquals(3006, majority.test().get("all").n());
        assertEquals(1460, majority.test().get("zero-shot").n());
        assertEquals(1546, majority.test().get("few-shot").n());
        assertEquals(100.0 * 2 * 1018 / (3006 + 1018) / 3, majority.test().get("all").value(), 1e-9);
        assertEquals(100.0 * 2 * 490 / (1460 + 490) / 3, majority.test().get("zero-shot").value(), 1e-9);
        assertEquals(100.0 * 2 * 528 / (1546 + 528) / 3, majority.test().get("few-shot").value(), 1e-9);
    }
}
