package org.stancebench.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output for one bench run: everything goes to JMH's own human-readable format (the
 * {@code jmh.log} file), and the lines a person watching wants (which benchmark and parameters start,
 * JMH's "Run progress" estimate, failures) also go to the progress sink. It also remembers, per
 * benchmark and parameter combination, the first line of JMH's output that says why it failed: an
 * exception line from a failed fork or setup ({@code java.net.SocketException: Network is unreachable}),
 * else JMH's own {@code forked VM failed with exit code N} with the first line the fork wrote to
 * its standard error ({@code Unrecognized VM option ...} for a fork that could not start).
 *
 * <p>One instance serves several {@code Runner} invocations (the interleaved rounds): {@link #close()}
 * (which JMH calls at the end of every run) only flushes; {@link #finish()} closes the log.
 */
final class JmhLog implements OutputFormat {

    /** A Java exception line, optionally after "Caused by: ": a qualified class name ending in Exception or Error. */
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(Caused by: )?([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error)(:.*)?$");

    /** A line of a stack trace after its exception line. */
    private static final Pattern STACK = Pattern.compile("^\\s*(at |\\.\\.\\. \\d+ more|Caused by: |Suppressed: )");

    private final OutputFormat log;
    private final Runnable closeLog;
    private final Consumer<String> progress;
    private final Map<String, String> exceptionCause = new LinkedHashMap<>();
    private final Map<String, String> exitCause = new LinkedHashMap<>();
    private String current = "";
    private boolean inStderr;
    private boolean runProgress = true;
    private final StringBuilder partial = new StringBuilder();

    /**
     * @param log JMH's text format writing the log file
     * @param closeLog closes the log file
     * @param progress receives progress lines, prefixed {@code bench: }
     */
    JmhLog(OutputFormat log, Runnable closeLog, Consumer<String> progress) {
        this.log = log;
        this.closeLog = closeLog;
        this.progress = progress;
    }

    /** The combination key of JMH's parameters: the benchmark's short name and its parameters. */
    static String key(BenchmarkParams params) {
        StringBuilder key = new StringBuilder(shortName(params.getBenchmark()));
        for (String name : new java.util.TreeSet<>(params.getParamsKeys())) {
            key.append(' ').append(name).append('=').append(params.getParam(name));
        }
        return key.toString();
    }

    /** {@code org.stancebench.bench.jmh.EncoderBench.minilm} becomes {@code EncoderBench.minilm}. */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int cls = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(cls + 1);
    }

    /** Why the combination {@code key} failed, or null when JMH's output said nothing. */
    String cause(String key) {
        String e = exceptionCause.get(key);
        return e != null ? e : exitCause.get(key);
    }

    /** The first cause recorded for any combination, or null. */
    String firstCause() {
        if (!exceptionCause.isEmpty()) {
            return exceptionCause.values().iterator().next();
        }
        return exitCause.isEmpty() ? null : exitCause.values().iterator().next();
    }

    /**
     * Whether JMH's "Run progress" estimate is passed on; off for the one-fork invocations of the
     * interleaved rounds, whose estimate covers only themselves (the rounds report their own count).
     */
    void runProgress(boolean on) {
        runProgress = on;
    }

    /** Closes the log file. */
    void finish() {
        log.flush();
        closeLog.run();
    }

    private void line(String line) {
        if (line.startsWith("# Run progress: ")) {
            if (runProgress) {
                progress.accept("bench: " + line.substring("# Run progress: ".length()));
            }
        } else if (line.startsWith("<forked VM failed")) {
            exitCause.putIfAbsent(current, line.replaceAll("[<>]", ""));
            progress.accept("bench:   " + line);
        } else if (line.startsWith("<stderr")) {
            inStderr = true;
        } else if (line.startsWith("</stderr>")) {
            inStderr = false;
        } else if (inStderr && !line.isBlank() && !EXCEPTION.matcher(line.strip()).matches()
                && !STACK.matcher(line).find()) {
            // The fork's own last words: "Unrecognized VM option ..." when it could not start.
            String exit = exitCause.get(current);
            if (exit != null && !exit.contains(": ")) {
                exitCause.put(current, exit + ": " + line.strip());
                progress.accept("bench:   " + line.strip());
            }
        } else if (EXCEPTION.matcher(line.strip()).matches()) {
            if (exceptionCause.putIfAbsent(current, line.strip()) == null) {
                progress.accept("bench:   " + line.strip());
            }
        }
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        current = key(params);
        progress.accept("bench:   " + current);
        log.startBenchmark(params);
    }

    @Override
    public void print(String s) {
        log.print(s);
        collect(s);
    }

    /** Text without its own line end: split into lines as they complete. */
    private void collect(String s) {
        partial.append(s);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            line(partial.substring(0, nl));
            partial.delete(0, nl + 1);
        }
    }

    @Override
    public void println(String s) {
        log.println(s);
        // One call may carry many lines (a failure's stack trace).
        collect(s + "\n");
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void flush() {
        log.flush();
    }

    /** JMH closes its output at the end of every run; the log stays open for the next round. */
    @Override
    public void close() {
        log.flush();
    }

    @Override
    public void write(int b) {
        log.write(b);
        collect(String.valueOf((char) (b & 0xFF)));
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
        collect(new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }
}
