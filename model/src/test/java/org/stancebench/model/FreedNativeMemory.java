package org.stancebench.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes memory that Java has let go of, but native code may still read, hold something else:
 * collects garbage, waits for the JDK to free the direct buffers it collected, then allocates many
 * small direct buffers filled with {@code 1e30f} (8 bytes of it read as a double: about 1.6e237), so
 * that a native tensor still pointing into a freed buffer likely reads that value instead of its own.
 *
 * <p>Why: DJL 0.36's {@code NDArray.maximum(Number)}, {@code mul(Number)}, {@code div(Number)} and the
 * like wrap the number in a tensor over a direct buffer and close it right after the operation, yet
 * PyTorch's autograd keeps that tensor for the backward pass; a garbage collection in between frees
 * the buffer under it. Tests call this between a forward and a backward pass to check that the
 * gradients do not depend on it.
 */
public final class FreedNativeMemory {

    private FreedNativeMemory() {
    }

    /** Returns the filler buffers: keep them reachable until the backward pass has run. */
    public static List<ByteBuffer> overwrite() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(30);
        }
        List<ByteBuffer> filler = new ArrayList<>();
        for (int size : new int[] {4, 8, 16, 24}) {
            for (int i = 0; i < 2000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
                while (b.remaining() >= 4) {
                    b.putFloat(1e30f);
                }
                filler.add(b);
            }
        }
        return filler;
    }
}
