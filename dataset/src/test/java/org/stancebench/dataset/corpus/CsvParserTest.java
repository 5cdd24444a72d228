package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected records are worked out by hand from RFC 4180 (and agree with Python's csv module). */
class CsvParserTest {

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("plain", "a,b\n1,2\n", List.of(rec(1, "a", "b"), rec(2, "1", "2"))),
                Arguments.of("no final newline", "a,b\n1,2", List.of(rec(1, "a", "b"), rec(2, "1", "2"))),
                Arguments.of("CRLF", "a,b\r\n1,2\r\n", List.of(rec(1, "a", "b"), rec(2, "1", "2"))),
                Arguments.of("quoted delimiter", "a,b\n\"x, y\",2\n", List.of(rec(1, "a", "b"), rec(2, "x, y", "2"))),
                Arguments.of("escaped quote", "a\n\"say \"\"hi\"\"\"\n", List.of(rec(1, "a"), rec(2, "say \"hi\""))),
                Arguments.of("multi-line record keeps its start line", "a,b\n\"one\ntwo\nthree\",2\nx,y\n",
                        List.of(rec(1, "a", "b"), rec(2, "one\ntwo\nthree", "2"), rec(5, "x", "y"))),
                Arguments.of("empty fields", ",\n\"\",\n", List.of(rec(1, "", ""), rec(2, "", ""))),
                Arguments.of("literal quote inside unquoted field", "a\n5\" screen\n", List.of(rec(1, "a"), rec(2, "5\" screen"))),
                Arguments.of("blank lines skipped", "a\n\n1\n\n", List.of(rec(1, "a"), rec(3, "1"))),
                Arguments.of("lone CR is data", "a\nx\ry\n", List.of(rec(1, "a"), rec(2, "x\ry"))),
                Arguments.of("emoji kept", "a\n\"🙂,😀\"\n", List.of(rec(1, "a"), rec(2, "🙂,😀"))));
    }

    private static CsvRecord rec(int line, String... fields) {
        return new CsvRecord(line, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void parsesWellFormedInput(String name, String text, List<CsvRecord> expected) throws IOException {
        assertEquals(expected, CsvParser.csv().parse(text, "x.csv"));
    }

    @Test
    void tabDelimiter() throws IOException {
        assertEquals(List.of(rec(1, "a,b", "c")), new CsvParser('\t').parse("a,b\tc\n", "x.tsv"));
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereTheRecordStarted() {
        IOException e = assertThrows(IOException.class,
                () -> CsvParser.csv().parse("id,text\n1,ok\n2,\"never\nclosed\n3,more\n", "broken.csv"));
        assertEquals("broken.csv:3: unterminated quoted field: the quote opening field 2 (line 3) is never closed",
                e.getMessage());
    }

    @Test
    void characterAfterClosingQuoteIsAnError() {
        IOException e = assertThrows(IOException.class,
                () -> CsvParser.csv().parse("id,text\n1,\"a\nb\"c,2\n", "broken.csv"));
        assertEquals("broken.csv:3: unexpected character 'c' after the closing quote of field 2 "
                + "(record starting on line 2)", e.getMessage());
    }

    @Test
    void quoteCannotBeTheDelimiter() {
        assertThrows(IllegalArgumentException.class, () -> new CsvParser('"'));
    }
}
