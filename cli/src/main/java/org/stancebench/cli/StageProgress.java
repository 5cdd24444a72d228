package org.stancebench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.stancebench.experiments.Progress;

/** Progress lines on stderr: {@code PREFIX [2/5 evaluate]  12.3s message}, with the time since the start. */
final class StageProgress implements Progress {
    private final PrintWriter err;
    private final String prefix;
    private final long started = System.nanoTime();

    StageProgress(PrintWriter err, String prefix) {
        this.err = err;
        this.prefix = prefix;
    }

    @Override
    public synchronized void report(int stage, int stages, String name, String message) {
        err.printf(Locale.ROOT, "%s [%d/%d %s] %5.1fs %s%n", prefix, stage, stages, name, seconds(), message);
        err.flush();
    }

    /** A line without a stage: {@code PREFIX  12.3s message}. */
    synchronized void line(String message) {
        err.printf(Locale.ROOT, "%s %6.1fs %s%n", prefix, seconds(), message);
        err.flush();
    }

    /** Seconds since this progress was created. */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
