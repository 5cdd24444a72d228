package org.stancebench.model.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.BadInputException;

/**
 * Reads and writes flat arrays of little-endian float32 or int64 values: the weight files of the
 * sparse models.
 *
 * <p>Writes go to a temporary file in the same directory, moved into place atomically. Reads check
 * the exact expected size and name the file and both sizes when it is wrong.
 */
public final class LittleEndianFiles {
    private LittleEndianFiles() {
    }

    /** Writes the concatenation of {@code parts} as little-endian float32. */
    public static void writeFloats(Path file, float[]... parts) throws IOException {
        long total = 0;
        for (float[] p : parts) {
            total += p.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(total * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] p : parts) {
            buf.asFloatBuffer().put(p);
            buf.position(buf.position() + p.length * 4);
        }
        AtomicFiles.write(file, buf.array());
    }

    /** Writes {@code values} as little-endian int64. */
    public static void writeLongs(Path file, long[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact((long) values.length * 8)).order(ByteOrder.LITTLE_ENDIAN);
        buf.asLongBuffer().put(values);
        AtomicFiles.write(file, buf.array());
    }

    /** Reads exactly {@code count} little-endian float32 values, or fails naming the file. */
    public static float[] readFloats(Path file, long count) throws IOException {
        ByteBuffer buf = read(file, count, 4);
        float[] out = new float[(int) count];
        buf.asFloatBuffer().get(out);
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) {
                throw BadInputException.in(file, "value " + i + " is not finite (" + out[i] + ")");
            }
        }
        return out;
    }

    /** Reads exactly {@code count} little-endian int64 values, or fails naming the file. */
    public static long[] readLongs(Path file, long count) throws IOException {
        ByteBuffer buf = read(file, count, 8);
        long[] out = new long[(int) count];
        buf.asLongBuffer().get(out);
        return out;
    }

    private static ByteBuffer read(Path file, long count, int width) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.in(file, "missing");
        }
        long expected = count * width;
        long actual = Files.size(file);
        if (actual != expected) {
            throw BadInputException.in(file, "expected " + expected + " bytes (" + count + " values of " + width
                    + " bytes), found " + actual);
        }
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

}
