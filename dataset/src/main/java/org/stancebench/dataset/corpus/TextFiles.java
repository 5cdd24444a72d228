package org.stancebench.dataset.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of corpus text files: the whole file must be valid UTF-8, and a decoding error
 * names the line it occurs on, so that a user can find the byte with an editor.
 */
final class TextFiles {
    private static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    /**
     * The file decoded as UTF-8, without a leading byte-order mark.
     *
     * @throws IOException {@code FILE:LINE: invalid UTF-8 ...} on the first malformed byte sequence
     */
    static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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
            throw new IOException(String.format("%s:%d: invalid UTF-8 (byte 0x%02X at byte %d of the line)",
                    file, line, bytes[offset] & 0xFF, offset - lineStart + 1));
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /**
     * The lines of a strictly decoded file: split on LF with a trailing CR removed, and no empty
     * last line for a final newline (TweetEval's {@code mapping.txt} has none, its other files do).
     */
    static List<String> readLines(Path file) throws IOException {
        String text = readUtf8(file);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return lines;
    }
}
