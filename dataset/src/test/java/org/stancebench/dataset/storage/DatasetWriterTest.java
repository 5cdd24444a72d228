package org.stancebench.dataset.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.api.TrainingData;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.Fold;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.dataset.SyntheticPage;
import org.stancebench.dataset.labels.LabelFile;
import org.stancebench.dataset.page.Page;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.dataset.page.PageUnit;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Json;

class DatasetWriterTest {

    private static final List<String> FILES = List.of("examples.jsonl", "folds.json", "MANIFEST.json",
            "DATACARD.md", "croissant.json", "README.md", "train.jsonl", "validation.jsonl", "test.jsonl",
            "train.parquet", "validation.parquet", "test.parquet");

    @TempDir
    Path tmp;

    @Test
    void sameInputsAndSeedGiveByteIdenticalFiles() throws IOException {
        SeedDataset.build(tmp.resolve("a"), 13);
        SeedDataset.build(tmp.resolve("b"), 13);
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
                    Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        try (Stream<Path> listing = Files.list(tmp.resolve("a"))) {
            assertEquals(FILES.stream().sorted().toList(),
                    listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void differentSeedGivesDifferentSplitsAndFolds() throws IOException {
        Dataset a = Dataset.load(dir(13));
        Dataset b = Dataset.load(tmpBuild("other", 14));
        assertNotEquals(splits(a), splits(b));
        assertNotEquals(a.folds(), b.folds());
        assertNotEquals(a.fingerprint(), b.fingerprint());
        // Same texts and labels, only their assignment differs.
        assertEquals(a.examples().stream().map(Example::text).toList(), b.examples().stream().map(Example::text).toList());
    }

    @Test
    void seedSplitIsStratified() throws IOException {
        Dataset d = Dataset.load(dir(13));
        Map<String, Integer> all = d.labelCounts(null);
        // Hand count of labels.tsv.
        assertEquals(Map.of("hopeful", 18, "skeptical", 11, "sarcastic", 1, "neutral", 11), all);
        for (String split : List.of("dev", "test")) {
            Map<String, Integer> part = d.labelCounts(split);
            for (String label : d.labels()) {
                // round(20%) of each label: 4 of 18, 2 of 11, none of the single sarcastic text.
                assertEquals(Math.round(0.2 * all.get(label)), (long) part.get(label), split + " " + label + " " + part);
            }
        }
        assertEquals(1, d.labelCounts("train").get("sarcastic"), "a label's only text stays in train");
    }

    @Test
    void identicalTextsStayInOneSplitAndOneFold() throws IOException {
        // The synthetic page repeats its headline as its last body sentence (seed/h01 = seed/s35).
        SeedDataset.build(tmp.resolve("synthetic"), SyntheticPage.PAGE.getBytes(StandardCharsets.UTF_8), "synthetic-page.txt",
                SyntheticPage.LABELS.getBytes(StandardCharsets.UTF_8), "synthetic-labels.tsv", 13, 5, 3);
        Dataset d = Dataset.load(tmp.resolve("synthetic"));
        Map<String, String> splitOfText = new HashMap<>();
        for (Example e : d.examples()) {
            String before = splitOfText.putIfAbsent(e.sha256(), e.split());
            assertTrue(before == null || before.equals(e.split()), e.id());
        }
        assertEquals(d.examples().stream().filter(e -> e.id().equals("seed/h01")).findFirst().orElseThrow().split(),
                d.examples().stream().filter(e -> e.id().equals("seed/s35")).findFirst().orElseThrow().split());
        for (Fold f : d.folds()) {
            assertEquals(f.testIds().contains("seed/h01"), f.testIds().contains("seed/s35"), "fold " + f);
        }
    }

    @Test
    void loadReadsBackWhatWasWritten() throws IOException {
        Page page = PageParser.builtIn();
        LabelFile labels = LabelFile.parse(LabelFile.builtInBytes(), "labels", PageUnit.units(page, "seed"), SeedDataset.LABELS);
        List<Example> expected = SeedDataset.examples(page, labels, 13);
        Dataset d = Dataset.load(dir(13));
        assertEquals("seed", d.name());
        assertEquals(SeedDataset.LABELS, d.labels());
        assertEquals(expected, d.examples());
        assertEquals(15, d.folds().size());
        assertEquals(3, d.repeats());
        assertEquals(5, d.folds(0).size());
        TrainingData td = d.trainingData("train", "dev");
        assertEquals(d.split("train").size(), td.train().size());
        assertEquals(d.split("dev").size(), td.dev().size());
        assertEquals(d.fingerprint(), td.fingerprint());
        assertEquals(0, d.trainingData("train", null).dev().size());
        Fold f = d.folds().get(4);
        assertEquals(f.trainIds().size(), d.trainingData(f).train().size());
        assertEquals(f.testIds(), d.testExamples(f).stream().map(Example::id).toList());
        assertThrows(IllegalArgumentException.class, () -> d.trainingData("validation", null));
    }

    @Test
    void examplesJsonlHasFixedKeyOrderAndNullGroup() throws IOException {
        List<String> lines = Files.readAllLines(dir(13).resolve("examples.jsonl"), StandardCharsets.UTF_8);
        assertEquals(41, lines.size());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id", "text", "label", "unit", "source", "split", "group", "sha256"), keys);
        assertTrue(first.get("group").isNull());
        assertTrue(lines.stream().anyMatch(l -> l.contains("🙏")), "emoji written raw");
        assertTrue(!new String(Files.readAllBytes(dir(13).resolve("MANIFEST.json")), StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void croissantDescribesFilesWithTheirHashes() throws IOException {
        Path d = dir(13);
        JsonNode c = Json.MAPPER.readTree(Files.readString(d.resolve("croissant.json")));
        assertEquals("http://mlcommons.org/croissant/1.0", c.get("conformsTo").asText());
        assertEquals("sc:Dataset", c.get("@type").asText());
        assertTrue(c.get("@context").has("cr"));
        for (JsonNode f : c.get("distribution")) {
            assertEquals("cr:FileObject", f.get("@type").asText());
            assertEquals(ContentHash.sha256(Files.readAllBytes(d.resolve(f.get("contentUrl").asText()))), f.get("sha256").asText());
        }
        Map<String, JsonNode> sets = new LinkedHashMap<>();
        c.get("recordSet").forEach(rs -> sets.put(rs.get("@id").asText(), rs));
        assertEquals(List.of("splits", "labels", "examples", "folds"), List.copyOf(sets.keySet()));
        List<String> fields = new ArrayList<>();
        sets.get("examples").get("field").forEach(f -> fields.add(f.get("name").asText()));
        assertEquals(List.of("id", "text", "label", "unit", "source", "split", "group", "sha256"), fields);
        // Croissant's own types for labels and splits, and every value in the data among them.
        JsonNode label = sets.get("examples").get("field").get(2);
        assertEquals("[\"sc:Text\",\"cr:Label\"]", label.get("dataType").toString());
        assertEquals("labels/name", label.get("references").get("@id").asText());
        assertEquals("splits/name", sets.get("examples").get("field").get(5).get("references").get("@id").asText());
        assertEquals("cr:Split", sets.get("splits").get("dataType").asText());
        Set<String> splitNames = new HashSet<>();
        sets.get("splits").get("data").forEach(r -> splitNames.add(r.get("splits/name").asText()));
        List<String> labelNames = new ArrayList<>();
        sets.get("labels").get("data").forEach(r -> labelNames.add(r.get("labels/name").asText()));
        assertEquals(Dataset.load(d).labels(), labelNames);
        for (String line : Files.readAllLines(d.resolve("examples.jsonl"))) {
            JsonNode e = Json.MAPPER.readTree(line);
            assertTrue(splitNames.contains(e.get("split").asText()), line);
            assertTrue(labelNames.contains(e.get("label").asText()), line);
        }
        // The folds record set's JSON paths name arrays that exist in folds.json.
        JsonNode folds = Json.MAPPER.readTree(Files.readString(d.resolve("folds.json")));
        for (JsonNode f : sets.get("folds").get("field")) {
            String path = f.get("source").get("extract").get("jsonPath").asText();
            assertTrue(path.startsWith("$.assignments[*]."), path);
            String key = path.substring("$.assignments[*].".length());
            assertTrue(folds.get("assignments").get(0).has(key), path);
        }
        // Version and date come from the format, not the clock; the citation is BibTeX.
        assertEquals(DatasetWriter.GENERATOR_VERSION, c.get("version").asText());
        assertTrue(c.get("datePublished").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertTrue(c.get("citeAs").asText().startsWith("@misc{stancebench-seed,"), c.get("citeAs").asText());
        assertTrue(c.get("@context").has("rai") && c.get("@context").has("examples"));
    }

    @Test
    void verifierReportsEveryChangedMissingOrExtraFile() throws IOException {
        Path d = dir(13);
        assertEquals(List.of(), DatasetVerifier.problems(d));
        Files.writeString(d.resolve("DATACARD.md"), "edited\n");
        Files.delete(d.resolve("croissant.json"));
        Files.writeString(d.resolve("notes.txt"), "mine\n");
        List<String> problems = DatasetVerifier.problems(d);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("DATACARD.md: changed"), problems.get(0));
        assertTrue(problems.get(1).contains("croissant.json: missing"), problems.get(1));
        assertTrue(problems.get(2).contains("notes.txt: not listed"), problems.get(2));
    }

    @Test
    void loadRefusesAChangedExamplesFile() throws IOException {
        Path d = dir(13);
        String text = Files.readString(d.resolve("examples.jsonl"));
        Files.writeString(d.resolve("examples.jsonl"), text.replace("\"label\":\"neutral\"", "\"label\":\"hopeful\""));
        IOException e = assertThrows(IOException.class, () -> Dataset.load(d));
        assertTrue(e.getMessage().contains("examples.jsonl: changed"), e.getMessage());
        IOException none = assertThrows(IOException.class, () -> Dataset.load(tmp.resolve("nothing")));
        assertTrue(none.getMessage().contains("not a directory"), none.getMessage());
    }

    @Test
    void failedBuildLeavesThePreviousDatasetUntouched() throws IOException {
        Path d = dir(13);
        byte[] before = Files.readAllBytes(d.resolve("MANIFEST.json"));
        Example bad = new Example("x/1", "text", "unknown-label", "post", "s", "train", null, ContentHash.sha256("text"));
        assertThrows(IllegalArgumentException.class, () -> DatasetWriter.write(d, info(), List.of(bad), 13, 5, 3));
        assertArrayEquals(before, Files.readAllBytes(d.resolve("MANIFEST.json")));
        try (Stream<Path> listing = Files.list(tmp)) {
            assertEquals(List.of("seed"), listing.map(p -> p.getFileName().toString()).toList(), "no temporary leftovers");
        }
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotADataset() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        IOException e = assertThrows(IOException.class, () -> SeedDataset.build(mine, 13));
        assertTrue(e.getMessage().contains("refusing to replace"), e.getMessage());
        assertEquals("precious", Files.readString(mine.resolve("thesis.tex")));
    }

    @Test
    void writerRejectsTheSameTextInTwoSplitsAndKeepsImportedSplits() throws IOException {
        Example a = new Example("c/1", "same", "pos", "post", "corpus", "train", "topic", ContentHash.sha256("same"));
        Example b = new Example("c/2", "same", "pos", "post", "corpus", "test", "topic", ContentHash.sha256("same"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetWriter.write(tmp.resolve("c"), info(), List.of(a, b), 13, 2, 1));
        assertTrue(e.getMessage().contains("c/1 (train) and c/2 (test)"), e.getMessage());

        List<Example> corpus = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String text = "post number " + i;
            corpus.add(new Example("c/" + i, text, i % 2 == 0 ? "pos" : "neg", "post", "corpus",
                    i < 8 ? "train" : "test", "topic-" + (i % 3), ContentHash.sha256(text)));
        }
        Manifest m = DatasetWriter.write(tmp.resolve("c"), info(), corpus, 7, 5, 2);
        Dataset d = Dataset.load(tmp.resolve("c"));
        assertEquals(corpus, d.examples());
        assertEquals(5, m.folds());
        assertEquals(10, d.folds().size());
        assertEquals(Map.of("pos", 4, "neg", 4), Map.copyOf(d.labelCounts("train")));
        assertNull(d.labelCounts("dev").values().stream().filter(n -> n > 0).findAny().orElse(null));
    }

    private static DatasetDescription info() {
        return new DatasetDescription("corpus", "A test corpus", "For tests.", "Made up in the test.", "CC0", null,
                List.of("pos", "neg"), "By the test.", List.of());
    }

    private Path dir(long seed) throws IOException {
        Path d = tmp.resolve("seed");
        if (!Files.exists(d)) {
            SeedDataset.build(d, seed);
        }
        return d;
    }

    private Path tmpBuild(String name, long seed) throws IOException {
        Path d = tmp.resolve(name);
        SeedDataset.build(d, seed);
        return d;
    }

    private static Map<String, String> splits(Dataset d) {
        Map<String, String> m = new HashMap<>();
        d.examples().forEach(e -> m.put(e.id(), e.split()));
        return m;
    }
}
