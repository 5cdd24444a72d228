package org.stancebench.model.text;

/** UTF-8 encoding of single code points into a byte array, without a CharsetEncoder. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Writes {@code cp} at {@code pos} (room for 4 bytes is the caller's job) and returns the next
     * position. A lone surrogate is written as U+FFFD, as {@code String.getBytes(UTF_8)} would
     * write '?' instead; the replacement keeps such text distinguishable from a real '?'.
     */
    static int encode(int cp, byte[] out, int pos) {
        if (cp < 0x80) {
            out[pos] = (byte) cp;
            return pos + 1;
        }
        if (cp < 0x800) {
            out[pos] = (byte) (0xc0 | (cp >>> 6));
            out[pos + 1] = (byte) (0x80 | (cp & 0x3f));
            return pos + 2;
        }
        if (cp >= 0xd800 && cp <= 0xdfff) {
            cp = 0xfffd;
        }
        if (cp < 0x10000) {
            out[pos] = (byte) (0xe0 | (cp >>> 12));
            out[pos + 1] = (byte) (0x80 | ((cp >>> 6) & 0x3f));
            out[pos + 2] = (byte) (0x80 | (cp & 0x3f));
            return pos + 3;
        }
        out[pos] = (byte) (0xf0 | (cp >>> 18));
        out[pos + 1] = (byte) (0x80 | ((cp >>> 12) & 0x3f));
        out[pos + 2] = (byte) (0x80 | ((cp >>> 6) & 0x3f));
        out[pos + 3] = (byte) (0x80 | (cp & 0x3f));
        return pos + 4;
    }
}
