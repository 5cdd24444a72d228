package org.stancebench.dataset.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.dataset.Example;

class TabularImporterTest {
    @TempDir
    Path dir;

    private static Map<String, Long> perSplit(ImportedCorpus corpus) {
        return corpus.examples().stream().collect(Collectors.groupingBy(Example::split, Collectors.counting()));
    }

    @Test
    void csvWithSplitIdAndGroupColumns() throws IOException {
        Path file = dir.resolve("my data.csv");
        Files.writeString(file, "uid,body,stance,part,topic\n"
                + "a1,\"Great news,\nreally\",pro,train,energy\n"
                + "a2,Bad idea,con,validation,energy\n"
                + "a3,Meh,neutral,test,\n");
        TabularColumns columns = new TabularColumns("body", "stance", "part", "uid", "topic", null);
        ImportedCorpus corpus = TabularImporter.importCsv(file, ',', columns, ImportOptions.defaults());
        assertEquals("my-data", corpus.name());
        assertEquals(List.of("con", "neutral", "pro"), corpus.labels());
        assertEquals(List.of(
                        ImportedCorpus.post("my-data/a1", "Great news,\nreally", "pro", "my data.csv", "train", "energy"),
                        ImportedCorpus.post("my-data/a2", "Bad idea", "con", "my data.csv", "dev", "energy"),
                        ImportedCorpus.post("my-data/a3", "Meh", "neutral", "my data.csv", "test", null)),
                corpus.examples());
    }

    /** 40 records, labels x and y alternating, as CSV and as the equivalent JSON Lines. */
    private Path table(String format, boolean withSplit) throws IOException {
        StringBuilder out = new StringBuilder(format.equals("csv") ? (withSplit ? "text,label,split\n" : "text,label\n") : "");
        for (int i = 0; i < 40; i++) {
            String label = i % 2 == 0 ? "x" : "y";
            String split = i < 30 ? "train" : "test";
            if (format.equals("csv")) {
                out.append("text ").append(i).append(',').append(label).append(withSplit ? "," + split : "").append('\n');
            } else {
                out.append("{\"text\": \"text ").append(i).append("\", \"label\": \"").append(label).append('"')
                        .append(withSplit ? ", \"split\": \"" + split + "\"" : "").append(", \"extra\": [1, 2]}\n");
            }
        }
        Path file = dir.resolve("t." + format);
        Files.writeString(file, out);
        return file;
    }

    private ImportedCorpus importTable(String format, Path file, TabularColumns columns, ImportOptions options)
            throws IOException {
        return format.equals("csv") ? TabularImporter.importCsv(file, ',', columns, options)
                : TabularImporter.importJsonl(file, columns, options);
    }

    @ParameterizedTest
    @CsvSource({"csv", "jsonl"})
    void withoutSplitColumnCarvesTrainDevTest(String format) throws IOException {
        Path file = table(format, false);
        ImportedCorpus corpus = importTable(format, file, TabularColumns.of("text", "label"), ImportOptions.defaults());
        // per label 20 records: test round(0.15*20)=3, dev 3, train 14 (hand computation)
        assertEquals(Map.of("train", 28L, "dev", 6L, "test", 6L), perSplit(corpus));
        assertEquals("t/000000", corpus.examples().get(0).id());
        assertEquals(corpus, importTable(format, file, TabularColumns.of("text", "label"), ImportOptions.defaults()));
        assertTrue(corpus.source().contains("test (15%) and dev (15%) were carved from the whole file with seed 13"),
                corpus.source());
    }

    @ParameterizedTest
    @CsvSource({"csv", "jsonl"})
    void missingDevIsCarvedFromTrainOnly(String format) throws IOException {
        Path file = table(format, true);
        TabularColumns columns = new TabularColumns("text", "label", "split", null, null, List.of("y", "x"));
        ImportedCorpus corpus = importTable(format, file, columns, ImportOptions.defaults());
        // train rows: 15 x, 15 y -> dev round(0.15*15)=2 per label (hand computation); test kept as given
        assertEquals(Map.of("train", 26L, "dev", 4L, "test", 10L), perSplit(corpus));
        assertEquals(List.of("y", "x"), corpus.labels());
        assertTrue(corpus.examples().subList(30, 40).stream().allMatch(e -> e.split().equals("test")));
    }

    @Test
    void jsonlLabelsMayBeNumbers() throws IOException {
        Path file = dir.resolve("n.jsonl");
        Files.writeString(file, "{\"t\": \"a\", \"l\": 1, \"s\": \"train\"}\n\n{\"t\": \"b\", \"l\": 0, \"s\": \"dev\"}\n"
                + "{\"t\": \"c\", \"l\": 0, \"s\": \"test\"}\n");
        ImportedCorpus corpus = TabularImporter.importJsonl(file, new TabularColumns("t", "l", "s", null, null, null),
                ImportOptions.defaults());
        assertEquals(List.of("0", "1"), corpus.labels());
        // the blank line is not a record: the second record has index 1
        assertEquals("n/000001", corpus.examples().get(1).id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing column  | 'text,label\na,x\n'              | text,label,split,, | :1: missing column 'split' (the header has 'text', 'label')",
        "unknown split   | 'text,label,split\na,x,train\nb,x,holdout\n' | text,label,split,, | :3: split 'holdout' in column 'split' is not train, dev (val, validation) or test",
        "duplicate id    | 'id,text,label\n1,a,x\n1,b,x\n' | text,label,,id, | :3: duplicate id '1' (first on line 2)",
        "blank label     | 'text,label\na,x\nb, \n'       | text,label,,, | :3: blank label in column 'label'",
        "label not in --labels | 'text,label\na,x\nb,z\n' | text,label,,,x;y | :3: unknown label 'z' (--labels allows x, y)",
        "broken quote    | 'text,label\n\"a,x\nb,y\n'     | text,label,,, | :2: unterminated quoted field: the quote opening field 1 (line 2) is never closed",
    })
    void malformedCsvFailsNamingFileAndLine(String name, String content, String spec, String message) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, content);
        String[] s = spec.split(",", -1);
        TabularColumns columns = new TabularColumns(s[0], s[1], s[2].isEmpty() ? null : s[2],
                s[3].isEmpty() ? null : s[3], null, s[4].isEmpty() ? null : List.of(s[4].split(";")));
        IOException e = assertThrows(IOException.class,
                () -> TabularImporter.importCsv(file, ',', columns, ImportOptions.defaults()));
        assertEquals(file + message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "invalid JSON    | '{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": }\n' | :2: not valid JSON",
        "missing field   | '{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\"}\n'          | :2: missing field 'label'",
        "not an object   | '[1, 2]\n'                                                          | :1: expected a JSON object",
        "object as label | '{\"text\": \"a\", \"label\": {\"k\": 1}}\n'                          | :1: field 'label' must be a string or number, got object",
    })
    void malformedJsonlFailsNamingFileAndLine(String name, String content, String message) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, content);
        IOException e = assertThrows(IOException.class,
                () -> TabularImporter.importJsonl(file, TabularColumns.of("text", "label"), ImportOptions.defaults()));
        assertTrue(e.getMessage().startsWith(file + message), e.getMessage());
    }

    @Test
    void invalidUtf8InJsonlNamesTheLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, new byte[] {'{', '}', '\n', '{', (byte) 0xC3, '}', '\n'});
        IOException e = assertThrows(IOException.class,
                () -> TabularImporter.importJsonl(file, TabularColumns.of("text", "label"), ImportOptions.defaults()));
        assertEquals(file + ":2: not valid UTF-8 (byte 0xC3 at byte 2 of the line)", e.getMessage());
    }
}
