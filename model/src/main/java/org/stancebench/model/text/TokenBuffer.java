package org.stancebench.model.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, mutable holder of one text's tokens, as UTF-8 bytes joined by single spaces, so that
 * a word n-gram is one contiguous byte range and can be hashed without building a String.
 *
 * <p>Not thread-safe: one per thread. Valid until the next {@link Tokenizer#tokenize(String,
 * TokenBuffer)} call with it.
 */
public final class TokenBuffer {
    private byte[] bytes = new byte[256];
    private int length;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;
    private String lowered = "";

    /** An empty buffer. */
    public TokenBuffer() {
    }

    /** The number of tokens. */
    public int count() {
        return count;
    }

    /** The backing UTF-8 bytes (only the first {@link #byteLength()} are meaningful). */
    public byte[] bytes() {
        return bytes;
    }

    /** How many bytes of {@link #bytes()} are in use. */
    public int byteLength() {
        return length;
    }

    /** Where token {@code i} starts in {@link #bytes()}. */
    public int start(int i) {
        return starts[i];
    }

    /** Where token {@code i} ends (exclusive) in {@link #bytes()}. */
    public int end(int i) {
        return ends[i];
    }

    /** Token {@code i} as a String (allocates). */
    public String token(int i) {
        return new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /** The lower-cased text the tokens came from. */
    public String lowered() {
        return lowered;
    }

    void reset(String text) {
        lowered = text;
        length = 0;
        count = 0;
    }

    /** Starts a token; returns the rollback mark. */
    int beginToken() {
        int mark = length;
        if (count > 0) {
            ensure(1);
            bytes[length++] = ' ';
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = length;
        return mark;
    }

    void endToken() {
        ends[count++] = length;
    }

    void rollback(int mark) {
        length = mark;
    }

    void append(int cp) {
        ensure(4);
        length = Utf8.encode(cp, bytes, length);
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
