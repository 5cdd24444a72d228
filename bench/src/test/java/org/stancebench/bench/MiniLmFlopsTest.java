package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmFlopsTest {

    @Test
    void aTwentyFiveTokenSentenceCostsAboutHalfAGigaflop() {
        // Hand computation: 4*384^2 + 2*384*1536 + 2*25*384 = 589,824 + 1,179,648 + 19,200 = 1,788,672
        // multiply-adds per token and layer; times 25 tokens, 6 layers, 2 FLOPs = 536,601,600.
        // Issue 7 quotes about 0.53 GFLOP for a 25-token sentence.
        assertEquals(536_601_600.0, MiniLmFlops.forTokens(25), 1e-3);
    }

    @Test
    void eachEncoderIsComparedWithTheCeilingOfItsOwnPrecision() {
        List<BenchResult> ours = List.of(
                BenchResult.of("minilm", "stage:encode", 32, 1, 100, 1, "texts/s"),
                BenchResult.of("minilm", "stage:encode", 1, 1, 50, 1, "texts/s"),
                BenchResult.of("minilm-int8", "stage:encode", 32, 1, 300, 1, "texts/s"));
        List<BenchResult> peers = List.of(
                BenchResult.of("numpy:sgemm-2048", "gflops", 1, 2, 250, 1, "GFLOP/s"),
                BenchResult.of(MiniLmFlops.SGEMM, "ceiling", 1, 2, 200, 1, "GFLOP/s"),
                BenchResult.of(MiniLmFlops.U8S8, "ceiling", 1, 2, 600, 1, "GOP/s"));
        List<String> notes = MiniLmFlops.notes(0.5e9, ours, peers);
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("minilm stage:encode") && notes.get(0).contains("50.0 GFLOP/s")
                && notes.get(0).contains("25% of the float32 ceiling") && notes.get(0).contains("20% of NumPy"),
                notes.get(0));
        assertTrue(notes.get(1).startsWith("minilm-int8 stage:encode") && notes.get(1).contains("150.0 GOP/s")
                && notes.get(1).contains("25% of the int8 ceiling") && !notes.get(1).contains("NumPy"), notes.get(1));
        assertTrue(MiniLmFlops.notes(0.5e9, List.of(), peers).isEmpty());
    }

    @Test
    void theCostPerTextCountsOnlyTheTextsTheBenchmarkEncodes() {
        // 40 texts: Fixture.batches cuts one batch of 32, so the 8 long ones after it are not encoded.
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(i < 32 ? "short text " + i : "a much longer text that the benchmark never encodes at all " + i);
        }
        assertEquals(MiniLmFlops.perText(texts.subList(0, 32)), MiniLmFlops.perEncodedText(texts), 1e-6);
        assertTrue(MiniLmFlops.perEncodedText(texts) < MiniLmFlops.perText(texts));
    }
}
