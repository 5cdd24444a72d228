package org.stancebench.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stancebench.bench.jmh.EncoderBench;
import org.stancebench.bench.jmh.Fixture;
import org.stancebench.model.minilm.MiniLmEncoder;

/**
 * The arithmetic cost of encoding with all-MiniLM-L6-v2, to state the encoder's achieved GFLOP/s
 * as a share of the machine's measured matrix-multiply rate.
 *
 * <p>Per token and layer: the Q, K, V and output projections (4 x 384 x 384 multiply-adds) and the
 * feed-forward block (2 x 384 x 1536); per layer, attention scores and the weighted sum add
 * 2 x L x 384 multiply-adds per token for L tokens. Six layers, two FLOPs per multiply-add:
 * about 21.2 MFLOP per token, 0.53 GFLOP for a 25-token sentence (the figure of issue 7).
 * Padding is not counted: this is the useful work.
 */
final class MiniLmFlops {
    private static final int LAYERS = 6;
    private static final int HIDDEN = 384;
    private static final int FFN = 1536;

    private MiniLmFlops() {
    }

    /** FLOPs of a text of {@code tokens} word-piece tokens (special tokens included). */
    static double forTokens(int tokens) {
        double perTokenMacs = 4.0 * HIDDEN * HIDDEN + 2.0 * HIDDEN * FFN + 2.0 * tokens * HIDDEN;
        return 2.0 * LAYERS * tokens * perTokenMacs;
    }

    /**
     * Mean FLOPs per text over the texts the encoder benchmarks encode out of {@code texts}: the
     * batches of {@link EncoderBench#BATCH} that {@link Fixture#batches(List, int)} cuts, which leave
     * out the last partial batch (or wrap around, with fewer texts than a batch). The seed texts'
     * first 32 are shorter than all 47, so the mean over all of them overstated the rate by 30%
     * (0.534 against 0.409 GFLOP a text); on the 784 irony texts the two differ by 0.06%.
     */
    static double perEncodedText(List<String> texts) {
        return perText(Fixture.batches(texts, EncoderBench.BATCH).stream().flatMap(List::stream).toList());
    }

    /** Mean FLOPs per text over {@code texts}, tokenized as the shared encoder does. */
    static double perText(List<String> texts) {
        MiniLmEncoder encoder = MiniLmEncoder.shared();
        double sum = 0;
        for (MiniLmEncoder.Tokens t : encoder.tokenize(texts)) {
            sum += forTokens(t.length());
        }
        return sum / texts.size();
    }

    /** The note comparing the encoder's rate with the measured matrix-multiply rate, when both ran. */
    static Optional<String> note(double flopsPerText, List<BenchResult> results, List<BenchResult> peers) {
        Optional<BenchResult> encode = results.stream()
                .filter(r -> r.classifier().equals("minilm") && r.benchmark().equals("stage:encode")).findFirst();
        Optional<BenchResult> sgemm = peers.stream()
                .filter(r -> r.classifier().equals("numpy:sgemm-2048")).findFirst();
        if (encode.isEmpty()) {
            return Optional.empty();
        }
        double gflops = encode.get().score() * flopsPerText / 1e9;
        String text = String.format(Locale.ROOT, "minilm stage:encode achieves %.1f GFLOP/s (%.3f GFLOP per text, "
                + "padding not counted)", gflops, flopsPerText / 1e9);
        if (sgemm.isPresent() && sgemm.get().score() > 0) {
            text += String.format(Locale.ROOT, ", %.0f%% of the measured float32 matrix-multiply rate (%.1f GFLOP/s)",
                    100 * gflops / sgemm.get().score(), sgemm.get().score());
        }
        return Optional.of(text);
    }
}
