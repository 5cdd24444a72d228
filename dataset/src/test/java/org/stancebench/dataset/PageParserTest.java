package org.stancebench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PageParserTest {

    private static final String BUILT_IN = new String(PageParser.builtInBytes(), StandardCharsets.UTF_8);

    private static Page parse(String text) throws IOException {
        return PageParser.parse(text.getBytes(StandardCharsets.UTF_8), "variant.txt");
    }

    @Test
    void builtInPageHasEveryPart() {
        Page page = PageParser.builtIn();
        // Expected values read off page.txt by hand.
        assertEquals("Long live negotiations!", page.title());
        assertTrue(page.subtitle().startsWith("The talks in Istanbul are slow"));
        assertEquals(8, page.paragraphs().size());
        assertTrue(page.paragraphs().get(0).startsWith("After eleven days"));
        assertEquals(new Page.Author("Marta Kowalczyk", "Foreign affairs columnist"), page.author());
        assertEquals(10, page.comments().size());
        for (int i = 0; i < 10; i++) {
            assertEquals(i + 1, page.comments().get(i).index());
            assertTrue(!page.comments().get(i).text().endsWith("Reply"), "Reply line kept in comment " + (i + 1));
        }
        assertEquals("Ahmet Yılmaz", page.comments().get(0).author());
        assertTrue(page.comments().get(0).text().endsWith("Let them keep talking 🕊️"));
        assertEquals("Tomás Herrera", page.comments().get(6).author());
        assertTrue(page.comments().get(6).text().startsWith("Reply to Sophie L.:"));
        assertEquals(2, page.comments().get(4).text().split("\n\n").length);
        assertTrue(page.comments().get(9).text().endsWith("keep her tent warm this winter."));
    }

    static Stream<Arguments> quirks() {
        return Stream.<Arguments>of(
                Arguments.of("windows line endings", (UnaryOperator<String>) s -> s.replace("\n", "\r\n")),
                Arguments.of("old mac line endings", (UnaryOperator<String>) s -> s.replace("\n", "\r")),
                Arguments.of("byte-order mark", (UnaryOperator<String>) s -> "\uFEFF" + s),
                Arguments.of("nbsp and tab indentation", (UnaryOperator<String>) s -> s.lines()
                        .map(l -> l.isEmpty() ? l : "\u00A0\t \u00A0" + l).reduce("", (a, b) -> a + b + "\n")),
                Arguments.of("trailing spaces", (UnaryOperator<String>) s -> s.lines()
                        .map(l -> l + " \t\u00A0 ").reduce("", (a, b) -> a + b + "\n")),
                Arguments.of("several blank lines", (UnaryOperator<String>) s -> s.replace("\n\n", "\n\n\n\n")),
                Arguments.of("no final newline", (UnaryOperator<String>) String::stripTrailing),
                Arguments.of("everything at once", (UnaryOperator<String>) s -> "\uFEFF" + s.lines()
                        .map(l -> l.isEmpty() ? "  \t" : "\t" + l + "\u00A0 ").reduce("", (a, b) -> a + b + "\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quirks")
    void quirkyVariantsParseLikeTheOriginal(String name, UnaryOperator<String> transform) throws IOException {
        assertEquals(PageParser.builtIn(), parse(transform.apply(BUILT_IN)));
    }

    @Test
    void hardWrappedParagraphsAreJoined() throws IOException {
        String wrapped = BUILT_IN.replace("still talking. That alone", "still talking.\nThat alone");
        assertEquals(PageParser.builtIn(), parse(wrapped));
    }

    @Test
    void missingSubtitleIsNull() throws IOException {
        String noSubtitle = BUILT_IN.replaceFirst("\nThe talks in Istanbul[^\n]*\n", "\n\n");
        Page page = parse(noSubtitle);
        assertNull(page.subtitle());
        assertEquals(8, page.paragraphs().size());
    }

    @Test
    void replyLineOptionalOnEveryComment() throws IOException {
        Page page = parse(BUILT_IN.replace("\nReply\n", "\n"));
        assertEquals(PageParser.builtIn().comments(), page.comments());
    }

    @Test
    void replyRightAfterTextWithoutBlankLineAndMultiParagraphKept() throws IOException {
        Page page = parse(BUILT_IN.replace("for as long as it takes.\nReply", "for as long as it takes.\n\n\nReply"));
        assertEquals(PageParser.builtIn().comments().get(4), page.comments().get(4));
        assertTrue(page.comments().get(4).text().contains("newlyweds 😄\n\nJokes aside"));
    }

    @Test
    void nonAsciiAuthorAndEmojiKeptIntact() throws IOException {
        Page page = parse(BUILT_IN.replace("\nMaria\n", "\nΜαρία Παπαδοπούλου 👩‍🔬\n"));
        assertEquals("Μαρία Παπαδοπούλου 👩‍🔬", page.comments().get(4).author());
        assertTrue(page.comments().get(7).text().endsWith("long live negotiations 🙄"));
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("empty", new byte[0], "variant.txt:1: the page is empty"),
                Arguments.of("only white space", " \n\t\n\u00A0\n".getBytes(StandardCharsets.UTF_8), "variant.txt:1: the page is empty"),
                Arguments.of("invalid utf-8", concat("Title\n\nText\n", new byte[] {(byte) 0xC3, (byte) 0x28}),
                        "variant.txt:4: not valid UTF-8"),
                Arguments.of("latin-1", "Title\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), "variant.txt:2: not valid UTF-8"),
                Arguments.of("nul bytes", concat("Title\n", new byte[] {0, 1, 2, 3}), "variant.txt:2: binary data"),
                Arguments.of("control character", "Title\n\nText \u0007 bell\n".getBytes(StandardCharsets.UTF_8), "variant.txt:3: binary data"),
                Arguments.of("comments out of order", BUILT_IN.replace("\n3\nSophie", "\n4\nSophie").getBytes(StandardCharsets.UTF_8),
                        "comment numbers out of order: expected 3, found 4"),
                Arguments.of("comment numbers skip", BUILT_IN.replace("\n10\nAmina", "\n11\nAmina").getBytes(StandardCharsets.UTF_8),
                        "comment numbers out of order: expected 10, found 11"),
                Arguments.of("no byline", BUILT_IN.replace("Author of the article\n", "").getBytes(StandardCharsets.UTF_8),
                        "'Add a comment' before the byline block"),
                Arguments.of("nothing after body", "Title\n\nBody.\n".getBytes(StandardCharsets.UTF_8),
                        "variant.txt:3: missing the byline block"),
                Arguments.of("no comments marker", BUILT_IN.replace("Add a comment\n", "").getBytes(StandardCharsets.UTF_8),
                        "expected 'Add a comment'"),
                Arguments.of("no body", "Title\n\nAuthor of the article\nA\nB\n\nAdd a comment\n".getBytes(StandardCharsets.UTF_8),
                        "variant.txt:3: no body paragraphs"),
                Arguments.of("no role", "Title\n\nBody.\n\nAuthor of the article\nA\n".getBytes(StandardCharsets.UTF_8),
                        "missing the article author's role"),
                Arguments.of("comment without author", (BUILT_IN.stripTrailing() + "\n\n11\n").getBytes(StandardCharsets.UTF_8),
                        "comment 11 has no author line"),
                Arguments.of("comment without text", (BUILT_IN.stripTrailing() + "\n\n11\nSomeone\nReply\n").getBytes(StandardCharsets.UTF_8),
                        "comment 11 has no text"),
                Arguments.of("text after reply", BUILT_IN.replace("conflicting reports.\nReply\n", "conflicting reports.\nReply\nMore text\n")
                        .getBytes(StandardCharsets.UTF_8), "text after the 'Reply' line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsWithOneLineNamingFileAndLine(String name, byte[] input, String expected) {
        IOException e = assertThrows(IOException.class, () -> PageParser.parse(input, "variant.txt"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().matches("variant\\.txt:\\d+: [^\\n]+"), e.getMessage());
    }

    @Test
    void outOfOrderErrorNamesTheLineOfTheNumber() {
        String bad = BUILT_IN.replace("\n3\nSophie", "\n4\nSophie");
        int line = List.of(bad.split("\n", -1)).indexOf("Sophie L.");
        IOException e = assertThrows(IOException.class, () -> parse(bad));
        assertTrue(e.getMessage().startsWith("variant.txt:" + line + ": "), e.getMessage());
    }

    private static byte[] concat(String head, byte[] tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + tail.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(tail, 0, out, h.length, tail.length);
        return out;
    }
}
