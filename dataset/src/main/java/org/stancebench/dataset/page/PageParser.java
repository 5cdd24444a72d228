package org.stancebench.dataset.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stancebench.io.BadInputException;
import org.stancebench.io.InputLimits;
import org.stancebench.io.TextInput;

/**
 * Reads an opinion page in the plain-text layout described in {@code docs/page-format.md}: headline,
 * optional subtitle, body paragraphs, the byline block ({@code Author of the article}, name, role),
 * {@code Add a comment}, then numbered comments (number, author, paragraphs, optional {@code Reply}).
 *
 * <p>Tolerates what copied pages carry: a byte-order mark, Windows or old Mac line endings, tabs and
 * non-breaking spaces in indentation, trailing spaces, hard-wrapped paragraphs, comments of several
 * paragraphs, a missing final {@code Reply}, and the word "Reply" inside a comment. Rejects empty
 * input, invalid UTF-8, binary data, comment numbers out of order and missing parts with an
 * {@link IOException} whose message is one line, {@code FILE:LINE: what is wrong}.
 */
public final class PageParser {

    /** The line that opens the byline block. */
    public static final String BYLINE_MARKER = "Author of the article";
    /** The line between the byline block and the comments. */
    public static final String COMMENTS_MARKER = "Add a comment";
    /** The optional last line of a comment (a button label copied along with the text). */
    public static final String REPLY_MARKER = "Reply";

    private static final String BUILT_IN = "seed/page.txt";
    /**
     * A comment's first line: its number, optionally a full stop, and optionally the author on the
     * same line ({@code 1. Rosabella}); without an author, the author is the next non-blank line.
     */
    private static final Pattern HEADER = Pattern.compile("([0-9]{1,6})(?:\\.(?: (.+))?)?");
    /** Ends a sentence; a one-line block after the headline that ends otherwise is the subtitle. */
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…][\"'”’)\\]]*");

    private final String file;
    private final List<String> lines;
    private int pos;

    private PageParser(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Parses the page file at {@code path}; errors name the path as given. */
    public static Page parse(Path path) throws IOException {
        return parse(readFile(path), path.toString());
    }

    /** The bytes of a page or label file, with a one-line error naming it when it is a directory. */
    public static byte[] readFile(Path path) throws IOException {
        return TextInput.readBytes(path);
    }

    /** The built-in page "Long live negotiations!" shipped with this module. */
    public static Page builtIn() {
        try {
            return parse(builtInBytes(), builtInName());
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in page does not parse", e);
        }
    }

    /** The raw bytes of the built-in page. */
    public static byte[] builtInBytes() {
        try (InputStream in = PageParser.class.getResourceAsStream("/org/stancebench/dataset/" + BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BUILT_IN + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How errors and provenance name the built-in page. */
    public static String builtInName() {
        return "built-in " + BUILT_IN;
    }

    /**
     * Parses page bytes; {@code file} names the source in error messages.
     *
     * @throws IOException with a message {@code FILE:LINE: what is wrong}
     */
    public static Page parse(byte[] bytes, String file) throws IOException {
        String text = decode(bytes, file);
        List<String> raw = splitLines(text);
        List<String> normalized = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).length() > InputLimits.MAX_CHARS) {
                throw TextInput.tooLong(file, i + 1);
            }
            checkControlCharacters(raw.get(i), file, i + 1);
            normalized.add(normalizeLine(raw.get(i)));
        }
        if (normalized.stream().allMatch(String::isEmpty)) {
            throw BadInputException.at(file, 1, "the page is empty (only white space)");
        }
        return new PageParser(file, normalized).page();
    }

    /** Decodes strict UTF-8 (a page holds no NUL byte) and drops a leading byte-order mark. */
    public static String decode(byte[] bytes, String file) throws IOException {
        if (bytes.length == 0) {
            throw BadInputException.at(file, 1, "the page is empty (0 bytes)");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw BadInputException.at(file, lineOfByte(bytes, i), "binary data (NUL byte at offset " + i
                        + "), expected UTF-8 text");
            }
        }
        return TextInput.decode(bytes, file);
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            // A lone CR ends a line too, but CRLF counts once.
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** Splits on LF, CRLF or a lone CR, so line numbers match what an editor shows. */
    public static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static void checkControlCharacters(String line, String file, int lineNumber) throws IOException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
            if (control) {
                throw BadInputException.at(file, lineNumber, "binary data (control character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + ")");
            }
        }
    }

    /**
     * Turns every kind of space (tab, no-break space, narrow no-break space, ideographic space ...)
     * into one ASCII space, collapses runs and trims, so indentation and trailing blanks vanish.
     */
    static String normalizeLine(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\uFEFF' || c == '\u200B') {
                continue;
            }
            if (c == '\t' || Character.isSpaceChar(c) || Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.length() > 0) {
                sb.append(' ');
            }
            pendingSpace = false;
            sb.append(c);
        }
        return sb.toString();
    }

    private Page page() throws IOException {
        skipBlank();
        String title = lines.get(pos++);
        if (isMarker(title)) {
            throw error(pos, "expected the headline, found '" + title + "'");
        }
        String subtitle = null;
        if (pos < lines.size() && !lines.get(pos).isEmpty() && !isMarker(lines.get(pos))) {
            subtitle = lines.get(pos++);
        } else if (subtitleBlockAt(nextNonBlank(pos))) {
            pos = nextNonBlank(pos);
            subtitle = lines.get(pos++);
        }
        List<String> paragraphs = new ArrayList<>();
        while (true) {
            skipBlank();
            if (pos >= lines.size()) {
                throw error(lines.size(), "missing the byline block: no line '" + BYLINE_MARKER + "'");
            }
            if (lines.get(pos).equals(BYLINE_MARKER)) {
                break;
            }
            if (lines.get(pos).equals(COMMENTS_MARKER)) {
                throw error(pos + 1, "'" + COMMENTS_MARKER + "' before the byline block '" + BYLINE_MARKER + "'");
            }
            paragraphs.add(block(line -> line.equals(BYLINE_MARKER) || line.equals(COMMENTS_MARKER)));
        }
        if (paragraphs.isEmpty()) {
            throw error(pos + 1, "no body paragraphs before '" + BYLINE_MARKER + "'");
        }
        pos++;
        String name = bylineLine("the article author's name");
        String role = bylineLine("the article author's role");
        skipBlank();
        if (pos >= lines.size()) {
            throw error(lines.size(), "missing the line '" + COMMENTS_MARKER + "' after the byline block");
        }
        if (!lines.get(pos).equals(COMMENTS_MARKER)) {
            throw error(pos + 1, "expected '" + COMMENTS_MARKER + "', found '" + lines.get(pos) + "'");
        }
        pos++;
        List<Page.Comment> comments = new ArrayList<>();
        while (true) {
            skipBlank();
            if (pos >= lines.size()) {
                break;
            }
            comments.add(comment(comments.size() + 1));
        }
        return new Page(title, subtitle, paragraphs, new Page.Author(name, role), comments);
    }

    private String bylineLine(String what) throws IOException {
        skipBlank();
        if (pos >= lines.size()) {
            throw error(lines.size(), "missing " + what + " after '" + BYLINE_MARKER + "'");
        }
        String line = lines.get(pos);
        if (isMarker(line)) {
            throw error(pos + 1, "missing " + what + " after '" + BYLINE_MARKER + "', found '" + line + "'");
        }
        pos++;
        return line;
    }

    private Page.Comment comment(int expected) throws IOException {
        String headerLine = lines.get(pos);
        Matcher header = HEADER.matcher(headerLine);
        if (!header.matches()) {
            throw error(pos + 1, "expected comment " + expected + " ('" + expected + ". Author'), found '"
                    + abbreviate(headerLine) + "'");
        }
        int number = Integer.parseInt(header.group(1));
        if (number != expected) {
            String what = number < expected ? " (comment " + number + " appears twice)" : " (comment " + expected
                    + " is missing)";
            throw error(pos + 1, "comment numbers out of order: expected " + expected + ", found " + number + what);
        }
        int headerLineNo = pos + 1;
        pos++;
        String author = header.group(2);
        if (author == null) {
            skipBlank();
            if (pos >= lines.size() || isHeader(lines.get(pos)) || isMarker(lines.get(pos)) || isReply(lines.get(pos))) {
                throw error(pos >= lines.size() ? headerLineNo : pos + 1, "comment " + expected
                        + " has no author line (expected the commenter's name after '" + headerLine + "')");
            }
            author = lines.get(pos++);
        }
        List<String> paragraphs = new ArrayList<>();
        while (true) {
            skipBlank();
            if (pos >= lines.size() || isHeader(lines.get(pos))) {
                break;
            }
            if (isReply(lines.get(pos))) {
                int replyLine = pos + 1;
                pos++;
                skipBlank();
                if (pos < lines.size() && !isHeader(lines.get(pos))) {
                    throw error(pos + 1, "text after the '" + REPLY_MARKER + "' line (line " + replyLine
                            + ") of comment " + expected + "; expected comment " + (expected + 1) + " ('"
                            + (expected + 1) + ". Author') or the end of the page");
                }
                break;
            }
            paragraphs.add(block(line -> isReply(line) || isHeader(line)));
        }
        if (paragraphs.isEmpty()) {
            throw error(headerLineNo, "comment " + expected + " has no text"
                    + (pos >= lines.size() ? " (the page ends here: truncated?)" : ""));
        }
        return new Page.Comment(expected, author, String.join("\n\n", paragraphs));
    }

    /** Whether the line at {@code at} is a one-line subtitle block followed by more body. */
    private boolean subtitleBlockAt(int at) {
        if (at >= lines.size() || isMarker(lines.get(at)) || SENTENCE_END.matcher(lines.get(at)).matches()) {
            return false;
        }
        if (at + 1 < lines.size() && !lines.get(at + 1).isEmpty()) {
            return false;
        }
        int next = nextNonBlank(at + 1);
        return next < lines.size() && !isMarker(lines.get(next));
    }

    private int nextNonBlank(int from) {
        int k = from;
        while (k < lines.size() && lines.get(k).isEmpty()) {
            k++;
        }
        return k;
    }

    private static boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    /** Joins consecutive non-blank lines with a space: a paragraph may be hard-wrapped. */
    private String block(Predicate<String> stop) {
        StringBuilder sb = new StringBuilder();
        while (pos < lines.size() && !lines.get(pos).isEmpty() && !(sb.length() > 0 && stop.test(lines.get(pos)))) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(lines.get(pos++));
        }
        return sb.toString();
    }

    private void skipBlank() {
        while (pos < lines.size() && lines.get(pos).isEmpty()) {
            pos++;
        }
    }

    private static boolean isMarker(String line) {
        return line.equals(BYLINE_MARKER) || line.equals(COMMENTS_MARKER);
    }

    private static boolean isReply(String line) {
        return line.equalsIgnoreCase(REPLY_MARKER);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private BadInputException error(int line, String message) {
        return BadInputException.at(file, Math.max(1, line), message);
    }
}
