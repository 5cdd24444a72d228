package org.stancebench.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Strict reading of user-supplied text files, the same for every format: the file must exist and be
 * a regular file, the text must be valid UTF-8 (a leading byte-order mark is dropped), and a failure
 * is a {@link BadInputException} naming the file and the line it occurs on, so that a user can find
 * the byte with an editor. Line-oriented reading refuses a line over {@link InputLimits#MAX_CHARS}
 * characters before holding more than {@link InputLimits#MAX_LINE_BYTES} bytes of it.
 *
 * <p>Lines are split on LF with a trailing CR removed; a final newline does not make an empty last line.
 */
public final class TextInput {
    private static final char BOM = '\uFEFF';

    private TextInput() {
    }

    /**
     * The whole file decoded as UTF-8, without a leading byte-order mark; lines are not limited
     * (JSON documents carry long arrays on one line).
     *
     * @throws BadInputException when the file is missing, a directory or unreadable, or not UTF-8
     */
    public static String read(Path file) throws BadInputException {
        return decode(readBytes(file), file);
    }

    /**
     * {@code bytes} decoded as strict UTF-8, without a leading byte-order mark; {@code file} names them
     * in the error, which gives the line and the byte of the first malformed sequence.
     */
    public static String decode(byte[] bytes, Object file) throws BadInputException {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw invalidUtf8(file, line, bytes[offset], offset - lineStart + 1);
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /**
     * The lines of the strictly decoded file, each at most {@link InputLimits#MAX_CHARS} characters.
     *
     * @throws BadInputException as {@link #read}, or {@code FILE:LINE: line longer than the limit ...}
     */
    public static List<String> lines(Path file) throws BadInputException {
        String text = read(file);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (line.length() > InputLimits.MAX_CHARS) {
                throw tooLong(file, lines.size() + 1);
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    /** The file's bytes, with the file named when it cannot be read. */
    public static byte[] readBytes(Path file) throws BadInputException {
        checkFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw BadInputException.opening(file, e);
        }
    }

    /**
     * Refuses a path that is missing, a directory or unreadable, naming it; call before opening a
     * file so that the operating system's terse reason ("Is a directory") never reaches a user alone.
     */
    public static void checkFile(Path file) throws BadInputException {
        if (Files.isDirectory(file)) {
            throw BadInputException.in(file, "is a directory, expected a file");
        }
        if (!Files.exists(file)) {
            throw BadInputException.in(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw BadInputException.in(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw BadInputException.in(file, "permission denied");
        }
    }

    /** Opens {@code file} for reading one line at a time; close it when done. */
    public static Lines open(Path file) throws BadInputException {
        checkFile(file);
        try {
            return new Lines(file, Files.newInputStream(file));
        } catch (IOException e) {
            throw BadInputException.opening(file, e);
        }
    }

    /**
     * {@code in} read one line at a time with the same checks as a file; {@code name} (for example
     * {@code stdin}) names it in errors. Closing the reader closes {@code in}.
     */
    public static Lines open(InputStream in, String name) {
        return new Lines(name, in);
    }

    /**
     * A file read one line at a time, each line decoded on its own, so that an error names the exact
     * line however far the reader has buffered, and memory stays bounded by the longest line allowed.
     */
    public static final class Lines implements Closeable {
        private final Object file;
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int position;
        private int limit;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CharsetDecoder decoder = strictDecoder();
        private long line;
        private boolean done;

        private Lines(Object file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        /** The next line, or null at the end of the file. */
        public String next() throws BadInputException {
            if (done) {
                return null;
            }
            buffer.reset();
            boolean ended = false;
            while (!ended) {
                if (position == limit && !fill()) {
                    done = true;
                    if (buffer.size() == 0) {
                        return null;
                    }
                    break;
                }
                int end = position;
                while (end < limit && chunk[end] != '\n') {
                    end++;
                }
                if (buffer.size() + (end - position) > InputLimits.MAX_LINE_BYTES) {
                    throw tooLong(file, line + 1);
                }
                buffer.write(chunk, position, end - position);
                ended = end < limit;
                position = ended ? end + 1 : end;
            }
            line++;
            byte[] bytes = buffer.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            String text;
            try {
                text = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            } catch (CharacterCodingException e) {
                int offset = firstMalformed(bytes, length);
                throw invalidUtf8(file, line, bytes[offset], offset + 1);
            }
            if (line == 1 && !text.isEmpty() && text.charAt(0) == BOM) {
                text = text.substring(1);
            }
            if (text.length() > InputLimits.MAX_CHARS) {
                throw tooLong(file, line);
            }
            return text;
        }

        private boolean fill() throws BadInputException {
            try {
                int n = in.read(chunk);
                position = 0;
                limit = Math.max(n, 0);
                return n > 0;
            } catch (IOException e) {
                throw BadInputException.opening(file, e);
            }
        }

        /** The number of the line {@link #next} returned last (1-based). */
        public long lineNumber() {
            return line;
        }

        /** What errors call the input: the file's path as given, or the name given with a stream. */
        public Object source() {
            return file;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static int firstMalformed(byte[] bytes, int length) {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), Math.max(0, length - 1));
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static BadInputException invalidUtf8(Object file, long line, byte b, int column) {
        return BadInputException.at(file, line, String.format(Locale.ROOT,
                "not valid UTF-8 (byte 0x%02X at byte %d of the line)", b & 0xFF, column));
    }

    /** {@code FILE:LINE: line longer than the limit of N characters}. */
    public static BadInputException tooLong(Object file, long line) {
        return BadInputException.at(file, line, "line longer than " + InputLimits.describe());
    }
}
