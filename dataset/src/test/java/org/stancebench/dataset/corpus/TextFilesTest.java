package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
    @TempDir
    Path dir;

    @Test
    void invalidUtf8NamesFileLineAndByte() throws IOException {
        Path file = dir.resolve("t.txt");
        byte[] bytes = "ok\nstill ok\nbad \u00e9 here\n".getBytes(StandardCharsets.ISO_8859_1); // é as one byte: not UTF-8
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> TextFiles.readLines(file));
        // byte 5 of line 3: "bad " is 4 bytes, then 0xE9
        assertEquals(file + ":3: invalid UTF-8 (byte 0xE9 at byte 5 of the line)", e.getMessage());
    }

    @Test
    void truncatedSequenceAtEndOfFileIsInvalid() throws IOException {
        Path file = dir.resolve("t.txt");
        Files.write(file, new byte[] {'a', '\n', (byte) 0xE2, (byte) 0x82});
        IOException e = assertThrows(IOException.class, () -> TextFiles.readUtf8(file));
        assertEquals(file + ":2: invalid UTF-8 (byte 0xE2 at byte 1 of the line)", e.getMessage());
    }

    @Test
    void byteOrderMarkDroppedAndFinalNewlineOptional() throws IOException {
        Path file = dir.resolve("t.txt");
        Files.writeString(file, "\uFEFFone\r\ntwo\nthree");
        assertEquals(List.of("one", "two", "three"), TextFiles.readLines(file));
        Files.writeString(file, "one\ntwo\n");
        assertEquals(List.of("one", "two"), TextFiles.readLines(file));
    }
}
