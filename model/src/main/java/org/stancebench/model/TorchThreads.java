package org.stancebench.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A block of PyTorch training with a fixed number of intra-op threads, one block at a time per JVM:
 * what keeps DJL training bitwise reproducible here when experiments run units side by side.
 *
 * <p>Why: PyTorch splits reductions and scatter-adds (the embedding backward) by thread, so the
 * float summation order, and the last bits of every gradient, depend on the thread count; and that
 * count is process-wide. Each block takes a JVM-wide lock, sets the count, and restores it and
 * releases the lock on {@link #close()}, so two trainings in one JVM (local executor threads, Spark
 * tasks in one executor) never change each other's thread count mid-step. Several OpenMP threads
 * also spin-wait on a busy 2-core machine and make the small steps here far slower, so one thread
 * is the default.
 */
public final class TorchThreads implements AutoCloseable {
    private static final ReentrantLock LOCK = new ReentrantLock();

    private final int previous;

    private TorchThreads(int previous) {
        this.previous = previous;
    }

    /** Waits for any other PyTorch training block in this JVM, then switches to {@code threads} threads. */
    public static TorchThreads exclusive(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Engine.getEngine("PyTorch");
        LOCK.lock();
        try {
            int previous = JniUtils.getNumThreads();
            JniUtils.setNumThreads(threads);
            return new TorchThreads(previous);
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
    }

    /** {@link #exclusive(int)} with one thread, and the engine's own generator seeded with {@code seed}. */
    public static TorchThreads singleThreaded(long seed) {
        TorchThreads t = exclusive(1);
        Engine.getEngine("PyTorch").setRandomSeed((int) (seed ^ (seed >>> 32)));
        return t;
    }

    @Override
    public void close() {
        try {
            JniUtils.setNumThreads(previous);
        } finally {
            LOCK.unlock();
        }
    }
}
