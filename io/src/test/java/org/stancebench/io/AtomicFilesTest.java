package org.stancebench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesReplacesAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("sub/out.json");
        AtomicFiles.writeString(f, "one\n");
        AtomicFiles.writeString(f, "two\n");
        assertEquals("two\n", Files.readString(f));
        try (Stream<Path> listing = Files.list(f.getParent())) {
            assertEquals(1, listing.count());
        }
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "old");
        Files.createDirectories(dir.resolve("blocked"));
        // The target is a non-empty directory: the move fails, the temporary file is removed.
        Files.writeString(dir.resolve("blocked/x"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(dir.resolve("blocked"), "new"));
        assertEquals("old", Files.readString(f));
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(2, listing.count(), "no temporary file left");
        }
    }
}
