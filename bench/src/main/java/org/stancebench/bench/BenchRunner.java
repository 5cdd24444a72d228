package org.stancebench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingOptions;
import org.stancebench.bench.jmh.FileBench;
import org.stancebench.bench.jmh.Fixture;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.Json;

/**
 * Runs the inference benchmarks end to end: prepares texts and trains every selected classifier
 * once, measures each model's footprint, runs JMH in-process with forked JVMs, runs the peer script,
 * and writes {@code jmh.json} and {@code bench-summary.json} into the output directory.
 *
 * <p>Every fork gets DJL's offline settings ({@link BenchPlan#forkArgs(Path)}). Forks start with this
 * JVM's class path; when this JVM was started with {@code java -jar}, that is the jar alone and the
 * forked JVM finds the libraries through the jar manifest's {@code Class-Path}.
 */
public final class BenchRunner {

    private BenchRunner() {
    }

    /**
     * Runs the benchmarks {@code options} select and returns the summary it wrote.
     *
     * @throws IOException when the data cannot be read or the outputs cannot be written
     * @throws BenchFailedException when a requested benchmark produced no result; the summary of
     *     what did run is written first
     */
    public static BenchSummary run(BenchOptions options) throws IOException {
        long start = System.nanoTime();
        Path out = options.out().toAbsolutePath();
        Path work = out.resolve("work");
        checkJmhLock();
        deleteRecursively(work);
        Files.createDirectories(work.resolve("models"));
        Files.createDirectories(work.resolve("tmp"));
        List<String> notes = new ArrayList<>();

        options.progress().accept("bench: preparing texts and training data");
        BenchInputs data = BenchInputs.prepare(options, work);
        writeInputs(data, work);

        List<ClassifierFactory> selected = Models.registered().stream()
                .filter(f -> options.includes(f.name())).toList();
        List<ModelFootprint> footprints = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        for (ClassifierFactory factory : selected) {
            try {
                footprints.add(train(factory, data, options, work));
                trained.add(factory.name());
            } catch (RuntimeException | IOException e) {
                String message = factory.name() + ": training failed, not measured: " + e;
                options.progress().accept("bench: " + message);
                notes.add(message);
            }
        }
        writeSettings(work, selected.stream().map(ClassifierFactory::name).filter(trained::contains).toList());
        Map<String, Long> heap = new LinkedHashMap<>();
        footprints.forEach(f -> heap.put(f.classifier(), f.heapBytes()));

        BenchPlan plan = BenchPlan.of(trained, options);
        double minilmFlops = plan.minilmStages() ? MiniLmFlops.perEncodedText(data.texts()) : 0;
        long trainedAt = System.nanoTime();
        Path jmhJson = out.resolve("jmh.json");
        Path log = out.resolve("jmh.log");
        List<BenchResult> results = new ArrayList<>();
        List<BenchResult> peers = new ArrayList<>();
        JmhRun.Outcome jmh = null;
        if (plan.includes().isEmpty()) {
            notes.add("no benchmark selected");
        } else {
            options.progress().accept("bench: running JMH (" + plan.settings().classifiers().size()
                    + " classifiers, log in " + log + ")");
            jmh = JmhRun.run(plan, plan.options(work).build(), jmhJson, log, options.progress());
            Digest.Rows rows = Digest.rows(jmh.runs(), heap);
            results.addAll(rows.results());
            peers.addAll(rows.peers());
            if (jmh.expected().stream().anyMatch(c -> BenchPlan.interleaved(c.benchmark()))) {
                notes.add(String.join(", ", BenchPlan.INTERLEAVED) + ": ours and the peer interleaved: round r runs "
                        + "fork r of every method and parameter combination, one fork per JMH invocation, in sorted "
                        + "order in odd rounds and reversed in even ones; the forks are pooled per combination");
            }
            for (String m : jmh.missing()) {
                notes.add("no result: " + m);
            }
        }
        long jmhDoneAt = System.nanoTime();
        if (options.peersScript() != null) {
            PeerRows peerRows = runPeers(options, work, out);
            peers.addAll(peerRows.peers());
            notes.addAll(peerRows.notes());
        } else {
            notes.add("peers outside the JVM not run (no peer script given)");
        }

        if (minilmFlops > 0) {
            notes.addAll(MiniLmFlops.notes(minilmFlops, results, peers));
            notes.add(MlasKernels.note(Hardware.detect().cpuFlags()));
        }
        long end = System.nanoTime();
        double wall = (end - start) / 1e9;
        notes.add(String.format(java.util.Locale.ROOT,
                "wall time: %.0f s preparing data and training, %.0f s JMH, %.0f s peers outside the JVM",
                (trainedAt - start) / 1e9, (jmhDoneAt - trainedAt) / 1e9, (end - jmhDoneAt) / 1e9));
        Hardware hw = Hardware.detect();
        BenchSummary summary = new BenchSummary(BenchSummary.SCHEMA_VERSION, hw, hw.fingerprint(),
                options.quick() ? "quick" : "full", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Math.round(wall * 10) / 10.0,
                plan.settings().withGroups(jmh == null ? List.of() : JmhGroup.of(jmh.runs())), data.sample(),
                results, footprints, peers, notes,
                "stancebench " + org.stancebench.io.Platform.current().stancebenchVersion());
        summary.write(out.resolve("bench-summary.json"));
        ActionBenchmarkExport.write(summary, out);
        if (jmh != null && !jmh.missing().isEmpty()) {
            throw new BenchFailedException(failure(jmh, log, out.resolve("bench-summary.json")), summary);
        }
        return summary;
    }

    /** One line: which benchmarks produced nothing (the first three), and the first cause found. */
    static String failure(JmhRun.Outcome jmh, Path log, Path summary) {
        List<String> names = jmh.missing().stream().map(m -> m.substring(0, m.indexOf(": "))).toList();
        String which = String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
        return names.size() + " of " + jmh.expected().size() + " benchmarks produced no result (" + which
                + "); first cause: " + jmh.firstCause() + " (JMH's log: " + log + "; what did run is in " + summary
                + ")";
    }

    private static void writeInputs(BenchInputs data, Path work) throws IOException {
        writeLines(Fixture.textsFile(work), data.texts());
        List<String> train = new ArrayList<>();
        data.training().train().forEach(t -> train.add(t.label() + "\t" + t.text().replaceAll("[\\t\\r\\n]+", " ")));
        writeLines(Fixture.trainFile(work), train);
        List<String> lines = new ArrayList<>(FileBench.LINES);
        for (int i = 0; i < FileBench.LINES; i++) {
            lines.add(data.texts().get(i % data.texts().size()));
        }
        writeLines(Fixture.linesFile(work), lines);
    }

    /** Every trained model's settings, {@code work/settings.json}, so peers can use the same configuration. */
    private static void writeSettings(Path work, List<String> classifiers) throws IOException {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String name : classifiers) {
            try (Classifier model = Models.load(Fixture.modelDir(work, name))) {
                all.put(name, model.settings());
            }
        }
        Json.write(work.resolve("settings.json"), all);
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        AtomicFiles.writeString(file, lines.stream().map(l -> l + "\n").collect(java.util.stream.Collectors.joining()));
    }

    /** Trains, saves and measures one classifier. */
    private static ModelFootprint train(ClassifierFactory factory, BenchInputs data, BenchOptions options,
                                        Path work) throws IOException {
        String name = factory.name();
        options.progress().accept("bench: training " + name + " on " + data.training().train().size()
                + " examples");
        TrainingOptions training = TrainingOptions.seed(options.seed());
        Path dir = Fixture.modelDir(work, name);
        long t0 = System.nanoTime();
        try (Classifier model = factory.train(data.training(), training)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            Models.save(model, data.training(), training, dir);
            long disk = sizeOf(dir);
            // The first load pays for engine and class initialisation; the second is the model's own.
            Models.load(dir).close();
            long heapBefore = usedHeapAfterGc();
            Long rssBefore = rss();
            Classifier loaded = Models.load(dir);
            long heapAfter = usedHeapAfterGc();
            Long rssAfter = rss();
            loaded.predictProba("keep the model reachable until measured");
            loaded.close();
            Long rss = rssBefore == null || rssAfter == null ? null : Math.max(0, rssAfter - rssBefore);
            return new ModelFootprint(name, Math.round(seconds * 1000) / 1000.0, disk,
                    Math.max(0, heapAfter - heapBefore), rss);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Resident set size in bytes from {@code /proc/self/status}, or null off Linux. */
    static Long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).strip().split("\\s+")[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /**
     * Fails before any work when another JMH run holds the lock JMH takes for a run (the file
     * {@code jmh.lock} in {@code java.io.tmpdir}), rather than after the training, and before this
     * run's work directory is cleared; benchmarks side by side would disturb each other's timings.
     * Skipped under JMH's own {@code -Djmh.ignoreLock=true}; a lock file that cannot be opened is
     * left for JMH to report.
     */
    public static void checkJmhLock() {
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            return;
        }
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        boolean held;
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try (FileLock mine = channel.tryLock()) {
                held = mine == null;
            } catch (OverlappingFileLockException e) {
                held = true;
            }
        } catch (IOException e) {
            return;
        }
        if (held) {
            throw new IllegalStateException("another JMH run holds " + lock
                    + "; wait for it to finish (benchmarks side by side disturb each other's timings)");
        }
    }

    record PeerRows(List<BenchResult> peers, List<String> notes) {
    }

    /** Runs the peer script on the work directory and reads the rows it wrote. */
    private static PeerRows runPeers(BenchOptions options, Path work, Path out) throws IOException {
        Path script = options.peersScript();
        if (!Files.isRegularFile(script)) {
            return new PeerRows(List.of(), List.of("peer script " + script + " not found: peers skipped"));
        }
        Path peersJson = out.resolve("peers.json");
        Files.deleteIfExists(peersJson);
        options.progress().accept("bench: running peers (" + script + ")");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), work.toString(), peersJson.toString(),
                options.quick() ? "quick" : "full");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                options.progress().accept("peers: " + line);
            }
        }
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
        }
        if (!Files.isRegularFile(peersJson)) {
            return new PeerRows(List.of(), List.of("peer script wrote no " + peersJson + " (exit "
                    + (p.isAlive() ? "timeout" : p.exitValue()) + ")"));
        }
        PeerFile file = PeerFile.read(peersJson);
        return new PeerRows(file.peers(), file.notes());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
