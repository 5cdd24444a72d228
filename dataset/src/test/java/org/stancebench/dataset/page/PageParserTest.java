package org.stancebench.dataset.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancebench.dataset.SyntheticPage;
import org.stancebench.io.ContentHash;

/** The parser on the real built-in page, on the variants pages carry in the wild, and on bad input. */
class PageParserTest {

    /** The built-in page, exactly as shipped (LF, comment headers "  N. Author", text indented by four). */
    static final String REAL = new String(PageParser.builtInBytes(), StandardCharsets.UTF_8);
    /** The invented article of release 1, kept to show that the older layout still parses. */
    static final String SYNTHETIC = SyntheticPage.PAGE;

    private static Page parse(String text) throws IOException {
        return PageParser.parse(text.getBytes(StandardCharsets.UTF_8), "variant.txt");
    }

    @Test
    void realPageHasEveryPart() {
        Page page = PageParser.builtIn();
        // Expected values read off ../shared/seed/page.txt by hand.
        assertEquals("Long live negotiations!", page.title());
        assertEquals("Istanbul Peace Talks: Hope Amid Tension", page.subtitle());
        assertEquals(8, page.paragraphs().size());
        assertTrue(page.paragraphs().get(0).startsWith("The main outcome of the second round"));
        assertTrue(page.paragraphs().get(7).endsWith("Let’s wait for the third round."));
        assertEquals(new Page.Author("Valery Shiryayev", "Military expert and journalist"), page.author());
        List<String> authors = page.comments().stream().map(Page.Comment::author).toList();
        assertEquals(List.of("Rosabella", "Aldo", "Britain", "Arianny", "Alaa", "Kourtney", "Eliyah", "Samirah",
                "Journey", "Cassidee"), authors);
        for (int i = 0; i < 10; i++) {
            Page.Comment c = page.comments().get(i);
            assertEquals(i + 1, c.index());
            assertTrue(!c.text().endsWith("Reply") && !c.text().contains("\n"), "comment " + (i + 1) + ": " + c.text());
        }
        assertTrue(page.comments().get(0).text().startsWith("Reading this feels like watching a never-ending soap opera"));
        assertTrue(page.comments().get(9).text().endsWith("build on it for the next round. 🙏"));
    }

    @Test
    void everyCommentTextIsTheIndentedParagraphOfThePage() {
        // The comment paragraphs are exactly the page's lines indented by four spaces, minus "Reply".
        List<String> indented = REAL.lines().filter(l -> l.startsWith("    ") && !l.strip().equals("Reply"))
                .map(String::strip).toList();
        assertEquals(indented, PageParser.builtIn().comments().stream().map(Page.Comment::text).toList());
    }

    @Test
    void keepsCurlyQuotesDashesNumbersAndEmojiWithVariationSelectors() {
        Page page = PageParser.builtIn();
        String body = String.join(" ", page.paragraphs());
        assertTrue(body.contains("sick people—all of this alone"), "em dash");
        assertTrue(body.contains("real demands – 339 children"), "en dash");
        assertTrue(body.contains("Medinsky’s delight"), "curly apostrophe");
        assertTrue(body.contains("compared to the 20,000 that"), "thousands separator");
        assertTrue(page.comments().get(0).text().endsWith("stuck on repeat 🤞⚖\uFE0F"), "U+FE0F after the scales");
        assertTrue(page.comments().get(3).text().endsWith("no results? 🤷♂\uFE0F"), "shrug without a joiner");
        assertTrue(page.comments().get(7).text().contains("tense conflict ❤\uFE0F🤝."), "heart with U+FE0F");
        assertTrue(page.comments().get(8).text().startsWith("Ah, the classic ‘we’ll agree to meet again"), "single quotes");
    }

    static Stream<Arguments> wildVariants() {
        return Stream.<Arguments>of(
                Arguments.of("windows line endings", (UnaryOperator<String>) s -> s.replace("\n", "\r\n")),
                Arguments.of("old mac line endings", (UnaryOperator<String>) s -> s.replace("\n", "\r")),
                Arguments.of("byte-order mark", (UnaryOperator<String>) s -> "\uFEFF" + s),
                Arguments.of("no-break spaces in the indentation", (UnaryOperator<String>) s -> s.replace("  ", "\u00A0\u00A0")),
                Arguments.of("tabs in the indentation", (UnaryOperator<String>) s -> s.replace("\n    ", "\n\t").replace("\n  ", "\n\t")),
                Arguments.of("trailing spaces", (UnaryOperator<String>) s -> s.replace("\n", " \t\u00A0 \n")),
                Arguments.of("no indentation at all", (UnaryOperator<String>) s -> s.replaceAll("\n +", "\n")),
                Arguments.of("several blank lines", (UnaryOperator<String>) s -> s.replace("\n\n", "\n\n\n\n")),
                Arguments.of("blank line before every Reply removed", (UnaryOperator<String>) s -> s.replace("\n\n    Reply", "\n    Reply")),
                Arguments.of("blank line after every Reply", (UnaryOperator<String>) s -> s.replace("Reply\n", "Reply\n\n")),
                Arguments.of("missing final Reply", (UnaryOperator<String>) s -> s.substring(0, s.lastIndexOf("    Reply"))),
                Arguments.of("no Reply lines at all", (UnaryOperator<String>) s -> s.replace("    Reply\n", "").replace("    Reply", "")),
                Arguments.of("lower-case reply", (UnaryOperator<String>) s -> s.replace("    Reply", "    reply")),
                Arguments.of("final newline added", (UnaryOperator<String>) s -> s + "\n"),
                Arguments.of("older layout: number alone, author on the next line",
                        (UnaryOperator<String>) s -> s.replaceAll("\n  (\\d+)\\. ([^\n]+)\n", "\n$1\n$2\n")),
                Arguments.of("full stop after a lone number", (UnaryOperator<String>) s -> s.replaceAll("\n  (\\d+)\\. ([^\n]+)\n", "\n$1.\n$2\n")),
                Arguments.of("hard-wrapped body paragraph", (UnaryOperator<String>) s -> s.replace("will wait. The positions", "will wait.\nThe positions")),
                Arguments.of("hard-wrapped comment", (UnaryOperator<String>) s -> s.replace("drama alive. At least", "drama alive.\n    At least")),
                Arguments.of("everything at once", (UnaryOperator<String>) s -> "\uFEFF" + s.substring(0, s.lastIndexOf("    Reply"))
                        .replace("\n    ", "\n\u00A0\t").replace("\n  ", "\n\t").replace("\n", "\u00A0 \r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wildVariants")
    void wildVariantsOfTheRealPageParseLikeTheOriginal(String name, UnaryOperator<String> transform) throws IOException {
        String variant = transform.apply(REAL);
        assertNotEquals(REAL, variant, "the variant changes the page");
        assertEquals(PageParser.builtIn(), parse(variant));
    }

    @Test
    void commentOfSeveralParagraphsKeepsThemApart() throws IOException {
        Page page = parse(REAL.replace("room for cooperation and hope 🌍💔. The contrast",
                "room for cooperation and hope 🌍💔.\n\n    The contrast"));
        String text = page.comments().get(1).text();
        assertEquals(2, text.split("\n\n").length, text);
        assertTrue(text.endsWith("build on these small but meaningful steps."));
        assertEquals(PageParser.builtIn().comments().get(2), page.comments().get(2));
    }

    @Test
    void theWordReplyInsideACommentIsText() throws IOException {
        Page page = parse(REAL.replace("    It’s intriguing how", "    Reply to Aldo: it’s intriguing how")
                .replace("can produce. 🎪🤡💫", "can produce. Reply\n\n    Reply all you want, nothing moves."));
        assertTrue(page.comments().get(2).text().startsWith("Reply to Aldo: it’s intriguing how"));
        assertTrue(page.comments().get(8).text().endsWith("can produce. Reply\n\nReply all you want, nothing moves."));
        assertEquals(10, page.comments().size());
    }

    @Test
    void authorsWithNonAsciiNamesAndApostrophesAreKept() throws IOException {
        Page page = parse(REAL.replace("  4. Arianny\n", "  4. Zoë O’Connor-Núñez\n")
                .replace("  7. Eliyah\n", "  7. D'Arcy 🇺🇦 Мирошниченко\n"));
        assertEquals("Zoë O’Connor-Núñez", page.comments().get(3).author());
        assertEquals("D'Arcy 🇺🇦 Мирошниченко", page.comments().get(6).author());
    }

    @Test
    void subtitleDirectlyBelowTheHeadlineIsStillTheSubtitle() throws IOException {
        assertEquals(PageParser.builtIn(), parse(REAL.replaceFirst("!\n\nIstanbul", "!\nIstanbul")));
    }

    @Test
    void pageWithoutSubtitleStartsTheBodyAfterTheHeadline() throws IOException {
        Page page = parse(REAL.replace("Istanbul Peace Talks: Hope Amid Tension\n\n", ""));
        assertNull(page.subtitle());
        assertEquals(PageParser.builtIn().paragraphs(), page.paragraphs());
    }

    @Test
    void olderLayoutOfTheSyntheticPageStillParses() throws IOException {
        Page page = parse(SYNTHETIC);
        // Read off synthetic-page.txt by hand: number alone on its line, author on the next.
        assertEquals("Long live negotiations!", page.title());
        assertTrue(page.subtitle().startsWith("The talks in Istanbul are slow"));
        assertEquals(new Page.Author("Marta Kowalczyk", "Foreign affairs columnist"), page.author());
        assertEquals(10, page.comments().size());
        assertEquals("Ahmet Yılmaz", page.comments().get(0).author());
        assertTrue(page.comments().get(6).text().startsWith("Reply to Sophie L.:"));
        assertEquals(2, page.comments().get(4).text().split("\n\n").length);
    }

    /** Line numbers in the expected messages are those {@code grep -n} shows in the shipped page.txt. */
    static Stream<Arguments> rejections() {
        String truncatedInHeader = REAL.substring(0, REAL.indexOf("  5. Alaa") + "  5.".length());
        String truncatedAfterHeader = REAL.substring(0, REAL.indexOf("  5. Alaa") + "  5. Alaa\n".length());
        return Stream.of(
                Arguments.of("empty", new byte[0], ":1: the page is empty (0 bytes)"),
                Arguments.of("only white space", " \n\t\n\u00A0\n".getBytes(StandardCharsets.UTF_8), ":1: the page is empty (only white space)"),
                Arguments.of("invalid utf-8", concat("Title\n\nText\n", new byte[] {(byte) 0xC3, (byte) 0x28}),
                        ":4: not valid UTF-8 (byte 0xC3 at byte 1 of the line)"),
                Arguments.of("latin-1 copy of the page", REAL.replace("Medinsky’s", "Medinsky\u00e9s").getBytes(StandardCharsets.ISO_8859_1),
                        ":11: not valid UTF-8"),
                Arguments.of("binary: NUL bytes", concat("Title\n", new byte[] {0, 1, 2, 3}), ":2: binary data (NUL byte at offset 6)"),
                Arguments.of("binary: control character", REAL.replace("Reply\n  7.", "Reply\u0007\n  7.").getBytes(StandardCharsets.UTF_8),
                        "binary data (control character U+0007)"),
                Arguments.of("truncated inside a comment header", truncatedInHeader.getBytes(StandardCharsets.UTF_8),
                        ":47: comment 5 has no author line (expected the commenter's name after '5.')"),
                Arguments.of("truncated after a comment header", truncatedAfterHeader.getBytes(StandardCharsets.UTF_8),
                        ":47: comment 5 has no text (the page ends here: truncated?)"),
                Arguments.of("comment numbers skip", REAL.replace("  3. Britain", "  4. Britain").getBytes(StandardCharsets.UTF_8),
                        ":37: comment numbers out of order: expected 3, found 4 (comment 3 is missing)"),
                Arguments.of("comment number repeated", REAL.replace("  3. Britain", "  2. Britain").getBytes(StandardCharsets.UTF_8),
                        ":37: comment numbers out of order: expected 3, found 2 (comment 2 appears twice)"),
                Arguments.of("comment list starts at 2", REAL.replace("  1. Rosabella", "  2. Rosabella").getBytes(StandardCharsets.UTF_8),
                        ":27: comment numbers out of order: expected 1, found 2 (comment 1 is missing)"),
                Arguments.of("no byline", REAL.replace("Author of the article\n", "").getBytes(StandardCharsets.UTF_8),
                        "'Add a comment' before the byline block"),
                Arguments.of("nothing after body", "Title\n\nBody.\n".getBytes(StandardCharsets.UTF_8), ":3: missing the byline block"),
                Arguments.of("no comments marker", REAL.replace("Add a comment\n", "").getBytes(StandardCharsets.UTF_8),
                        ":26: expected 'Add a comment', found '1. Rosabella'"),
                Arguments.of("no role", "Title\n\nBody.\n\nAuthor of the article\nA\n".getBytes(StandardCharsets.UTF_8),
                        "missing the article author's role"),
                Arguments.of("comment without text", REAL.replace("    Reply\n  3. Britain", "    Reply\n  3. Britain\n    Reply\n  4. Someone")
                        .getBytes(StandardCharsets.UTF_8), ":37: comment 3 has no text"),
                Arguments.of("text after reply", REAL.replace("    Reply\n  7. Eliyah", "    Reply\n    More text\n  7. Eliyah")
                        .getBytes(StandardCharsets.UTF_8),
                        ":57: text after the 'Reply' line (line 56) of comment 6; expected comment 7 ('7. Author') or the end of the page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsWithOneLineNamingFileAndLine(String name, byte[] input, String expected) {
        IOException e = assertThrows(IOException.class, () -> PageParser.parse(input, "variant.txt"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().matches("variant\\.txt:\\d+: [^\\n]+"), e.getMessage());
    }

    @Test
    void errorLineNumbersCountLinesAsAnEditorDoes() {
        // Line of "  3. Britain" in the shipped page, found by search rather than typed in.
        String bad = REAL.replace("  3. Britain", "  4. Britain");
        int line = List.of(bad.split("\n", -1)).indexOf("  4. Britain") + 1;
        for (String variant : List.of(bad, bad.replace("\n", "\r\n"), bad.replace("\n", "\r"))) {
            IOException e = assertThrows(IOException.class, () -> parse(variant));
            assertTrue(e.getMessage().startsWith("variant.txt:" + line + ": "), e.getMessage());
        }
    }

    @Test
    void builtInPageIsTheSuppliedFileByteForByte() {
        // SHA-256 from ../shared/seed/README.md, which describes the page supplied with the brief.
        assertEquals(9064, PageParser.builtInBytes().length);
        assertEquals("b6885fa00010fe1b95a422265ef5557724b503dc9165b20d4fb39b84f150af1c",
                ContentHash.sha256(PageParser.builtInBytes()));
    }

    @Test
    void headerLinesInTheRealPageAreWhatTheDocsDescribe() {
        // Guards the test data above: ten headers "  N. Author", each followed by text indented by four.
        Matcher m = Pattern.compile("\n  (\\d+)\\. (\\S[^\n]*)\n").matcher(REAL);
        List<String> numbers = m.results().map(r -> r.group(1)).collect(Collectors.toList());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), numbers);
    }

    private static byte[] concat(String head, byte[] tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + tail.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(tail, 0, out, h.length, tail.length);
        return out;
    }
}
