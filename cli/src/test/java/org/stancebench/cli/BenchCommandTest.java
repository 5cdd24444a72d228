package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = StanceBench.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        Run r = run("bench", "--help");
        assertEquals(0, r.exit(), r.err());
        for (String option : new String[] {"--quick", "--out", "--corpora", "--include", "--train-on", "--no-peers"}) {
            assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
        }
        assertTrue(r.out().contains("Default: stancebench-out"), r.out());
    }

    @Test
    void aMissingCorporaDirectoryIsOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        Run r = run("bench", "--quick", "--out", dir.resolve("o").toString(), "--corpora", missing.toString());
        assertEquals(1, r.exit());
        assertEquals("stancebench: " + missing + ": --corpora is not a directory", r.err().strip());
    }

    @Test
    void aBadRegexIsOneLine(@TempDir Path dir) {
        Run r = run("bench", "--out", dir.toString(), "--include", "(");
        assertEquals(1, r.exit());
        assertTrue(r.err().strip().startsWith("stancebench: --include: not a regular expression"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aBenchmarkWithoutResultFailsTheCommandInOneLine(@TempDir Path dir) throws Exception {
        try {
            org.stancebench.bench.BenchRunner.checkJmhLock();
        } catch (IllegalStateException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "skipped: " + e.getMessage());
        }
        Path out = dir.resolve("o");
        Run r;
        System.setProperty(org.stancebench.bench.jmh.Fixture.FAIL_PROPERTY, "^majority$");
        try {
            r = run("bench", "--quick", "--no-peers", "--include", "^majority$", "--out", out.toString());
        } finally {
            System.clearProperty(org.stancebench.bench.jmh.Fixture.FAIL_PROPERTY);
        }
        assertEquals(1, r.exit(), r.out() + r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("stancebench: 3 of 3 benchmarks produced no result (InferenceBench.batch1T "
                + "batchSize=32 classifier=majority, InferenceBench.single1T classifier=majority, LatencyBench.latency "
                + "classifier=majority); first cause: java.lang.IllegalStateException: majority: not loaded"), last);
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace:\n" + r.err());
        assertTrue(r.out().contains("note: no result: LatencyBench.latency classifier=majority"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("bench-summary.json")), "the summary is still written");
        assertEquals("[]", Files.readString(out.resolve("jmh.json")).replaceAll("\\s", ""), "an empty jmh.json");
    }

    @Test
    void aHeldJmhLockFailsBeforeAnyWorkInOneLine(@TempDir Path dir) throws Exception {
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        Path kept = dir.resolve("o").resolve("work").resolve("kept.txt");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "an earlier run's work");
        Run r;
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            r = run("bench", "--quick", "--no-peers", "--out", dir.resolve("o").toString());
        }
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("stancebench: another JMH run holds " + lock
                + "; wait for it to finish (benchmarks side by side disturb each other's timings)", r.err().strip());
        assertEquals("an earlier run's work", Files.readString(kept));
        assertTrue(Files.notExists(dir.resolve("o").resolve("bench-summary.json")));
    }

    /**
     * The case the issue reported: with the loopback interface down every JMH fork dies. A new
     * network namespace ({@code unshare -rn}, unprivileged where user namespaces are allowed) has
     * its loopback down; skipped where that is not possible.
     */
    @Test
    void withLoopbackDownTheRunFailsWithTheSocketError(@TempDir Path dir) throws Exception {
        try {
            org.stancebench.bench.BenchRunner.checkJmhLock();
        } catch (IllegalStateException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "skipped: " + e.getMessage());
        }
        boolean unshare;
        try {
            unshare = new ProcessBuilder("unshare", "-rn", "true").start().waitFor() == 0;
        } catch (java.io.IOException e) {
            unshare = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(unshare, "skipped: 'unshare -rn' (a network namespace) is not "
                + "available here");
        Path out = dir.resolve("o");
        ProcessBuilder pb = new ProcessBuilder("unshare", "-rn",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true",
                "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                StanceBench.class.getName(), "bench", "--quick", "--no-peers", "--include", "^majority$",
                "--out", out.toString());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), output);
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("stancebench: 3 of 3 benchmarks produced no result ("), output);
        assertTrue(last.contains("; first cause: java.net.SocketException: Network is unreachable (JMH's log: "), last);
        assertTrue(Files.isRegularFile(out.resolve("bench-summary.json")));
    }
}
