package org.stancebench.model.minilm;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A rough timing loop (not JMH, not a unit test) for MiniLM encoding throughput: ours at batch 1 and
 * 32 with 1 and 2 intra-op threads, and LangChain4j's embedAll on the same texts. Prints medians.
 *
 * <p>Usage: {@code MiniLmThroughputMain TEXT_FILE [N_TEXTS] [REPEATS] [PEER(true|false)]}.
 */
final class MiniLmThroughputMain {

    private MiniLmThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = Files.readAllLines(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 320;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean peer = args.length <= 3 || Boolean.parseBoolean(args[3]);
        List<String> texts = new ArrayList<>(all.subList(0, Math.min(n, all.size())));
        try (MiniLmEncoder probe = MiniLmEncoder.open(MiniLmEncoder.Settings.defaults())) {
            long tokens = 0;
            for (MiniLmEncoder.Tokens t : probe.tokenize(texts)) {
                tokens += t.length();
            }
            System.out.printf("texts=%d mean tokens=%.1f%n", texts.size(), (double) tokens / texts.size());
        }
        for (int threads : new int[] {1, 2}) {
            for (int batch : new int[] {1, 32}) {
                MiniLmEncoder.Settings s = new MiniLmEncoder.Settings(256, batch, threads);
                try (MiniLmEncoder encoder = MiniLmEncoder.open(s)) {
                    report("ours threads=" + threads + " batch=" + batch, texts, repeats, () -> encoder.encode(texts));
                }
            }
        }
        try (MiniLmEncoder encoder = MiniLmEncoder.open(new MiniLmEncoder.Settings(256, 32, 2).withSpinWait(true))) {
            report("ours threads=2 batch=32 spin-wait", texts, repeats, () -> encoder.encode(texts));
        }
        if (peer) {
            List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
            Executor sameThread = Runnable::run;
            AllMiniLmL6V2EmbeddingModel lc = new AllMiniLmL6V2EmbeddingModel(sameThread);
            report("langchain4j embedAll (caller thread)", texts, repeats, () -> lc.embedAll(segments));
            AllMiniLmL6V2EmbeddingModel lcDefault = new AllMiniLmL6V2EmbeddingModel();
            report("langchain4j embedAll (default executor)", texts, repeats, () -> lcDefault.embedAll(segments));
            // Interleaved rounds: the machine's load changes by the second, so compare within a round.
            try (MiniLmEncoder ours = MiniLmEncoder.open(new MiniLmEncoder.Settings(256, 32, 2))) {
                double[] ratios = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    ours.encode(texts);
                    long t1 = System.nanoTime();
                    lcDefault.embedAll(segments);
                    long t2 = System.nanoTime();
                    ratios[r] = (double) (t2 - t1) / (t1 - t0);
                    System.out.printf("round %d: ours %.1f texts/s, langchain4j %.1f texts/s, ratio %.2f%n", r,
                            texts.size() / ((t1 - t0) / 1e9), texts.size() / ((t2 - t1) / 1e9), ratios[r]);
                }
                Arrays.sort(ratios);
                System.out.printf("median ratio ours(batch 32, 2 threads) / langchain4j(default) = %.2f%n",
                        ratios[repeats / 2]);
            }
        }
        try (MiniLmEncoder encoder = MiniLmEncoder.open(new MiniLmEncoder.Settings(256, 32, 2))) {
            List<MiniLmEncoder.Tokens> tokens = encoder.tokenize(texts);
            report("stage: tokenize only", texts, repeats, () -> encoder.tokenize(texts));
            report("stage: forward+pool only (batch 32, 2 threads)", texts, repeats, () -> {
                for (int i = 0; i < tokens.size(); i += 32) {
                    encoder.forward(tokens.subList(i, Math.min(tokens.size(), i + 32)));
                }
            });
        }
    }

    private static void report(String what, List<String> texts, int repeats, Runnable work) {
        work.run(); // warm-up
        double[] rates = new double[repeats];
        double[] perCpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            work.run();
            rates[r] = texts.size() / ((System.nanoTime() - t0) / 1e9);
            perCpu[r] = texts.size() / ((processCpuNanos() - c0) / 1e9);
        }
        Arrays.sort(rates);
        Arrays.sort(perCpu);
        // Texts per CPU-second (all threads, native ones included) is far less sensitive to other
        // processes on a shared machine than wall-clock throughput.
        System.out.printf("%-45s median %.1f texts/s (min %.1f, max %.1f); %.1f texts per CPU-second%n", what,
                rates[repeats / 2], rates[0], rates[repeats - 1], perCpu[repeats / 2]);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
