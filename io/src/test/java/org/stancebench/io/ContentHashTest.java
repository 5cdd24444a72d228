package org.stancebench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {

    @Test
    void knownVectors(@TempDir Path dir) throws IOException {
        // FIPS 180-2, appendix B.1 ("abc") and the empty message.
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, ContentHash.sha256("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.sha256(new byte[0]));
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals(abc, ContentHash.sha256(f));
    }
}
