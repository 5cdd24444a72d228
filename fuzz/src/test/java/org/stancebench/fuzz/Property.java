package org.stancebench.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import org.stancebench.io.BadInputException;

/**
 * The property every reader is held to: it returns, or throws {@link BadInputException} whose message
 * is one line, names where, and carries no library internals; and it allocates no more than
 * {@value #BASE_BYTES} bytes plus {@value #BYTES_PER_INPUT_BYTE} per input byte. Any other exception
 * propagates and fails the fuzz test (a finding).
 */
final class Property {
    /** Allocation allowed whatever the input: fixtures, a model's vocabulary, JSON trees. */
    static final long BASE_BYTES = 64L << 20;
    /** Allocation allowed per byte of input: decoding, splitting, parsing, the examples built. */
    static final long BYTES_PER_INPUT_BYTE = 1000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Property() {
    }

    static void parsesOrRefuses(long inputBytes, Callable<?> read) throws Exception {
        long allowed = BASE_BYTES + BYTES_PER_INPUT_BYTE * inputBytes;
        long allocated = checkedRun(read);
        if (allocated > allowed) {
            // The first run of a reader also loads and initializes classes: judge a second run.
            allocated = checkedRun(read);
        }
        assertTrue(allocated <= allowed, String.format("allocated %,d bytes for %,d bytes of input (allowed %,d)",
                allocated, inputBytes, allowed));
    }

    /** Runs {@code read} once, checking how it fails; returns the bytes this thread allocated. */
    private static long checkedRun(Callable<?> read) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            Object result = read.call();
            if (result instanceof AutoCloseable c) {
                c.close();
            }
        } catch (BadInputException e) {
            String m = e.getMessage();
            assertFalse(m.contains("\n") || m.contains("\r"), "a message of more than one line: " + m);
            assertTrue(m.length() > e.problem().length(), "no location in: " + m);
            // Input the message quotes ('...', as every reader quotes what it found) may say anything.
            String ours = m.replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*\"", "\"\"");
            for (String internal : new String[] {"com.fasterxml", "[Source", "REDACTED", "java.lang.", "Exception:",
                    "StreamReadConstraints", "StreamReadFeature", "JsonReadFeature"}) {
                assertFalse(ours.contains(internal), "library internals ('" + internal + "') in: " + m);
            }
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
