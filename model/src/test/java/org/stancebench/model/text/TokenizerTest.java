package org.stancebench.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

    // Expected tokens: hand-derived from the rules in Tokenizer's Javadoc (tokens separated by '/').
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Hello, World!|hello/world",
        "I'm a 3rd-year student|3rd/year/student",
        "Love it 😍😍 #blessed|love/it/😍/😍/blessed",
        "@user $5 costs|user/$/costs",
        "Привет, МИР|привет/мир",
        "नमस्ते दुनिया|नमस्ते/दुनिया",
        "ÉCOLE d'été|école/été",
        "❤️ you|❤/you",
        "snake_case x|snake_case",
        "2+2=4 ²²|+/=/²²",
        "東京タワー|東京タワー",
        "\"\"|\"\"",
    })
    void sklearnLikeTokens(String text, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split("/"));
        assertEquals(want, Tokenizer.SKLEARN_LIKE.tokenize(text));
    }

    @Test
    void minimumLengthOneKeepsSingleCharacters() {
        assertEquals(List.of("i", "m", "a", "5"), new Tokenizer(1).tokenize("I'm a 5"));
    }

    @Test
    void bufferJoinsTokensWithSingleSpaces() {
        TokenBuffer buffer = new TokenBuffer();
        Tokenizer.SKLEARN_LIKE.tokenize("  Ab,, x cd 🙂 ", buffer);
        String joined = new String(buffer.bytes(), 0, buffer.byteLength(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("ab cd 🙂", joined);
        assertEquals(3, buffer.count());
        assertEquals(3, buffer.start(1));
        assertEquals(5, buffer.end(1));
        assertEquals("🙂", buffer.token(2));
    }

    @Test
    void reusedBufferForgetsThePreviousText() {
        TokenBuffer buffer = new TokenBuffer();
        Tokenizer.SKLEARN_LIKE.tokenize("many words in this first text", buffer);
        Tokenizer.SKLEARN_LIKE.tokenize("two words", buffer);
        assertEquals(2, buffer.count());
        assertEquals("words", buffer.token(1));
    }

    @Test
    void rejectsZeroMinimumLength() {
        assertThrows(IllegalArgumentException.class, () -> new Tokenizer(0));
    }
}
