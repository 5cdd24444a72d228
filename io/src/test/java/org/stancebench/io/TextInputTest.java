package org.stancebench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputTest {
    @TempDir
    Path dir;

    @Test
    void invalidUtf8NamesFileLineAndByte() throws IOException {
        Path file = dir.resolve("t.txt");
        byte[] bytes = "ok\nstill ok\nbad \u00e9 here\n".getBytes(StandardCharsets.ISO_8859_1); // é as one byte: not UTF-8
        Files.write(file, bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> TextInput.lines(file));
        // byte 5 of line 3: "bad " is 4 bytes, then 0xE9
        assertEquals(file + ":3: not valid UTF-8 (byte 0xE9 at byte 5 of the line)", e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void streamingReaderNamesTheExactLineOfABadByteFarPastItsBuffer() throws IOException {
        Path file = dir.resolve("t.jsonl");
        StringBuilder good = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            good.append("{\"id\": \"").append(i).append("\"}\n");
        }
        byte[] head = good.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = {'x', (byte) 0xFF, '\n', 'y', '\n'};
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Files.write(file, all);
        try (TextInput.Lines lines = TextInput.open(file)) {
            for (int i = 0; i < 20_000; i++) {
                lines.next();
            }
            BadInputException e = assertThrows(BadInputException.class, lines::next);
            assertEquals(file + ":20001: not valid UTF-8 (byte 0xFF at byte 2 of the line)", e.getMessage());
        }
    }

    @Test
    void streamingReaderSplitsLikeTheWholeFileReader() throws IOException {
        Path file = dir.resolve("t.txt");
        Files.writeString(file, "\uFEFFone\r\n\ntwo\nthree");
        List<String> streamed = new ArrayList<>();
        try (TextInput.Lines lines = TextInput.open(file)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                streamed.add(line);
            }
            assertEquals(4, lines.lineNumber());
            assertNull(lines.next());
        }
        assertEquals(List.of("one", "", "two", "three"), streamed);
        assertEquals(streamed, TextInput.lines(file));
    }

    @Test
    void aLineOverTheLimitIsRefusedWithTheLimitNamed() throws IOException {
        Path file = dir.resolve("long.txt");
        Files.writeString(file, "short\n" + "a".repeat(InputLimits.MAX_CHARS + 1) + "\n");
        String expected = file + ":2: line longer than the limit of 1,048,576 characters";
        assertEquals(expected, assertThrows(BadInputException.class, () -> TextInput.lines(file)).getMessage());
        try (TextInput.Lines lines = TextInput.open(file)) {
            lines.next();
            assertEquals(expected, assertThrows(BadInputException.class, lines::next).getMessage());
        }
    }

    @Test
    void aLineOfManyBytesIsRefusedBeforeItIsHeldWhole() throws IOException {
        Path file = dir.resolve("huge.txt");
        Files.write(file, new byte[InputLimits.MAX_LINE_BYTES + 10]); // NUL bytes, no newline
        try (TextInput.Lines lines = TextInput.open(file)) {
            BadInputException e = assertThrows(BadInputException.class, lines::next);
            assertEquals(1, e.line());
        }
    }

    @Test
    void directoriesAndMissingFilesAreNamed() {
        assertEquals(dir + ": is a directory, expected a file",
                assertThrows(BadInputException.class, () -> TextInput.read(dir)).getMessage());
        Path missing = dir.resolve("nope.csv");
        assertEquals(missing + ": no such file",
                assertThrows(BadInputException.class, () -> TextInput.open(missing)).getMessage());
    }

    @Test
    void truncatedSequenceAtEndOfFileIsInvalid() throws IOException {
        Path file = dir.resolve("t.txt");
        Files.write(file, new byte[] {'a', '\n', (byte) 0xE2, (byte) 0x82});
        BadInputException e = assertThrows(BadInputException.class, () -> TextInput.read(file));
        assertEquals(file + ":2: not valid UTF-8 (byte 0xE2 at byte 1 of the line)", e.getMessage());
    }

    @Test
    void byteOrderMarkDroppedAndFinalNewlineOptional() throws IOException {
        Path file = dir.resolve("t.txt");
        Files.writeString(file, "\uFEFFone\r\ntwo\nthree");
        assertEquals(List.of("one", "two", "three"), TextInput.lines(file));
        Files.writeString(file, "one\ntwo\n");
        assertEquals(List.of("one", "two"), TextInput.lines(file));
    }

    @Test
    void badInputMessagesHaveOneShape() {
        assertEquals("f.csv:3:text: missing", BadInputException.at("f.csv", 3, "text", "missing").getMessage());
        assertEquals("f.csv:3: two\nlines".replace("\n", " "), BadInputException.at("f.csv", 3, "two\nlines").getMessage());
        assertEquals("f.csv: empty", BadInputException.at("f.csv", 0, "empty").getMessage());
        assertEquals("m.json:probs: not a number", BadInputException.at("m.json", 0, "probs", "not a number").getMessage());
    }
}
