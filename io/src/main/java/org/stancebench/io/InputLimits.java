package org.stancebench.io;

import java.util.Locale;

/**
 * The size limits every reader applies, the same for every format: a line of a text, CSV, TSV or
 * JSON-lines file, a CSV field and a JSON string value may each hold at most
 * {@value #MAX_CHARS} characters; JSON may nest at most {@value #MAX_JSON_DEPTH} levels. Input over a
 * limit is refused with the limit named, before it is held in memory whole. Whole files are not
 * limited: a reader's memory grows with the file it reads, never faster than a small multiple of it.
 */
public final class InputLimits {
    /** Characters in one line, one CSV field or one JSON string: 1 MiB of characters. */
    public static final int MAX_CHARS = 1 << 20;
    /** Bytes read into one line before it is refused: enough for {@link #MAX_CHARS} characters of UTF-8. */
    public static final int MAX_LINE_BYTES = 4 * MAX_CHARS;
    /** Nesting depth of JSON arrays and objects. */
    public static final int MAX_JSON_DEPTH = 200;

    private InputLimits() {
    }

    /** "the limit of 1,048,576 characters", for messages. */
    public static String describe() {
        return String.format(Locale.ROOT, "the limit of %,d characters", MAX_CHARS);
    }
}
