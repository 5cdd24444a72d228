package org.stancebench.model.linear;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs a block of PyTorch work with one intra-op thread and a fixed engine seed, then restores the
 * previous thread count: what makes DJL training bitwise reproducible here.
 *
 * <p>Why: PyTorch splits reductions and scatter-adds (the embedding backward) by thread, so the
 * float summation order, and the last bits of every gradient, depend on the thread count. With one
 * thread the order is fixed. The sparse models are small, so little speed is lost. Not meant for
 * concurrent training in one JVM: the thread count is process-wide.
 */
public final class TorchThreads implements AutoCloseable {
    private final int previous;

    private TorchThreads(int previous) {
        this.previous = previous;
    }

    /** Switches PyTorch to one intra-op thread and seeds the engine with {@code seed}. */
    public static TorchThreads singleThreaded(long seed) {
        Engine engine = Engine.getEngine("PyTorch");
        int previous = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
        return new TorchThreads(previous);
    }

    @Override
    public void close() {
        JniUtils.setNumThreads(previous);
    }
}
