package org.stancebench.experiments;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The default {@link Executor}: units run in this JVM, on the calling thread ({@code threads = 1})
 * or on a fixed pool of threads, each unit once, outputs in input order.
 *
 * <p>Units that train with PyTorch take turns inside the model module ({@code TorchThreads}), so
 * several threads never change each other's results; other work runs side by side.
 */
public final class LocalExecutor implements Executor {

    private final int threads;
    private final ExecutorService pool;

    /** An executor with {@code threads} worker threads (1: the calling thread, no pool). */
    public LocalExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "stancebench-unit");
            t.setDaemon(true);
            return t;
        });
    }

    /** One thread: units run one after another on the calling thread. */
    public static LocalExecutor sequential() {
        return new LocalExecutor(1);
    }

    @Override
    public String describe() {
        return "local (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    @Override
    public <S extends Serializable, I extends Serializable, O extends Serializable> List<O> run(
            Job<S, I, O> job, Consumer<String> progress) {
        int n = job.inputs().size();
        List<O> out = new ArrayList<>(n);
        if (pool == null) {
            for (int i = 0; i < n; i++) {
                I input = job.inputs().get(i);
                progress.accept(job.describe().apply(input) + " (" + (i + 1) + "/" + n + ")");
                out.add(call(job, input));
            }
            return out;
        }
        AtomicInteger started = new AtomicInteger();
        List<Future<O>> futures = new ArrayList<>(n);
        for (I input : job.inputs()) {
            futures.add(pool.submit(() -> {
                progress.accept(job.describe().apply(input) + " (" + started.incrementAndGet() + "/" + n + ")");
                return call(job, input);
            }));
        }
        RuntimeException first = null;
        for (Future<O> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
                out.add(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted while running " + job.name(), e);
            }
        }
        if (first != null) {
            throw first;
        }
        return out;
    }

    private static <S extends Serializable, I extends Serializable, O extends Serializable> O call(
            Job<S, I, O> job, I input) {
        try {
            return job.unit().run(job.shared(), input);
        } catch (RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
