package org.stancebench.model.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.model.hashing.Murmur3;

class Murmur3Test {

    // Expected values: Guava 33.4.0, Hashing.murmur3_128(seed).hashBytes(utf8).asLong() and
    // Hashing.murmur3_32_fixed(0).hashBytes(utf8).asInt(), computed in jshell.
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"|0|0|0",
        "\"\"|33|fb2c0542eb9a300a|0",
        "hello|0|cbd8a7b341bd9b02|248bfa47",
        "hello|33|e64c2b792a061926|248bfa47",
        "The quick brown fox jumps over the lazy dog|0|e34bbc7bbc071b6c|2e4ff723",
        "The quick brown fox jumps over the lazy dog|33|39406bd61641eb3b|2e4ff723",
        "\" hé😀 \"|0|47e76534b1b55b4f|d8d78370",
        "\" hé😀 \"|33|740156c3555bcc2f|d8d78370",
        "abcdefghijklmnopq|0|7564747f88bda657|b6655e4a",
        "abcdefghijklmnopq|33|dfa735e36efb3e36|b6655e4a",
    })
    void matchesGuava(String text, int seed, String hex64, String hex32) {
        byte[] b = ("x" + text + "y").getBytes(StandardCharsets.UTF_8);
        int len = b.length - 2;
        assertEquals(Long.parseUnsignedLong(hex64, 16), Murmur3.hash64(b, 1, len, seed));
        assertEquals(Integer.parseUnsignedInt(hex32, 16), Murmur3.hash32(b, 1, len, 0));
    }
}
