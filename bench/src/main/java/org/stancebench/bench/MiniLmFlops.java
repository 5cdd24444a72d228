package org.stancebench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stancebench.bench.jmh.EncoderBench;
import org.stancebench.bench.jmh.Fixture;
import org.stancebench.model.minilm.MiniLmEncoder;

/**
 * The arithmetic cost of encoding with all-MiniLM-L6-v2, to state each encoder's achieved rate as
 * a share of the machine's matrix-product ceiling in its own precision, measured in the same run.
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

    /** Row name of the float32 ceiling ({@link org.stancebench.bench.jmh.CeilingBench}). */
    static final String SGEMM = "onnxruntime:sgemm-" + org.stancebench.bench.jmh.CeilingBench.N;
    /** Row name of the int8 ceiling. */
    static final String U8S8 = "onnxruntime:u8s8-" + org.stancebench.bench.jmh.CeilingBench.N;

    /**
     * The notes setting each encoder's achieved rate (its {@code stage:encode} row at
     * {@link EncoderBench#BATCH} texts per call, times the FLOPs per text) beside the ceiling of its
     * own precision measured in the same run: float32 against ONNX Runtime's SGEMM (and NumPy's BLAS
     * when the peers ran), int8 against ONNX Runtime's U8S8 GEMM. One note per encoder row found;
     * none without the float32 row.
     */
    static List<String> notes(double flopsPerText, List<BenchResult> results, List<BenchResult> peers) {
        List<String> notes = new ArrayList<>();
        Optional<BenchResult> sgemm = peer(peers, SGEMM);
        Optional<BenchResult> u8s8 = peer(peers, U8S8);
        Optional<BenchResult> numpy = peer(peers, "numpy:sgemm-2048");
        for (String encoder : List.of("minilm", "minilm-int8", "minilm-int8-batched")) {
            Optional<BenchResult> encode = results.stream().filter(r -> r.classifier().equals(encoder)
                    && r.benchmark().equals("stage:encode") && r.batchSize() == EncoderBench.BATCH).findFirst();
            if (encode.isEmpty()) {
                continue;
            }
            boolean int8 = !encoder.equals("minilm");
            double gflops = encode.get().score() * flopsPerText / 1e9;
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s stage:encode (%d texts per call) "
                    + "achieves %.1f %s (%.3f GFLOP per text, padding not counted)", encoder, EncoderBench.BATCH,
                    gflops, int8 ? "GOP/s" : "GFLOP/s", flopsPerText / 1e9));
            Optional<BenchResult> ceiling = int8 ? u8s8 : sgemm;
            ceiling.filter(c -> c.score() > 0).ifPresent(c -> text.append(String.format(Locale.ROOT,
                    ", %.0f%% of the %s ceiling measured in this run (%s, %.1f %s)", 100 * gflops / c.score(),
                    int8 ? "int8" : "float32", c.classifier(), c.score(), c.unit())));
            if (!int8) {
                numpy.filter(c -> c.score() > 0).ifPresent(c -> text.append(String.format(Locale.ROOT,
                        "; %.0f%% of NumPy's float32 rate (%.1f GFLOP/s)", 100 * gflops / c.score(), c.score())));
            }
            notes.add(text.toString());
        }
        return notes;
    }

    private static Optional<BenchResult> peer(List<BenchResult> peers, String name) {
        return peers.stream().filter(r -> r.classifier().equals(name)).findFirst();
    }
}
