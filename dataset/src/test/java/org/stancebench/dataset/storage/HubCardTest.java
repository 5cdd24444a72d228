package org.stancebench.dataset.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.SeedDataset;

/** A dataset directory the Hugging Face Hub loads without thinking. */
class HubCardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theCardsFrontMatterParsesNamesEverySplitFileAndDeclaresTheLabels() throws IOException {
        Path data = dir.resolve("seed");
        Manifest manifest = SeedDataset.build(data, 13);
        String readme = Files.readString(data.resolve("README.md"));
        assertTrue(readme.startsWith("---\n"), readme);
        int end = readme.indexOf("\n---\n", 4);
        JsonNode front = new YAMLMapper().readTree(readme.substring(4, end + 1));

        assertEquals("other", front.get("license").asText(), "the seed page's terms are mixed");
        assertEquals("en", front.get("language").get(0).asText());
        assertEquals("text-classification", front.get("task_categories").get(0).asText());
        assertEquals("n<1K", front.get("size_categories").get(0).asText());
        assertTrue(front.get("pretty_name").asText().startsWith("StanceBench seed: "), front.toString());

        List<String> classNames = new ArrayList<>();
        JsonNode label = null;
        for (JsonNode feature : front.get("dataset_info").get("features")) {
            if (feature.get("name").asText().equals("label")) {
                label = feature;
            }
        }
        JsonNode names = label.get("dtype").get("class_label").get("names");
        for (int i = 0; i < names.size(); i++) {
            classNames.add(names.get(String.valueOf(i)).asText());
        }
        assertEquals(manifest.labels(), classNames);

        // Every split file the card names exists, is listed in the manifest, and loading it line by line
        // gives the manifest's counts (the Hub's "validation" is StanceBench's dev).
        Map<String, String> hubToOurs = Map.of("train", "train", "validation", "dev", "test", "test");
        int splits = 0;
        for (JsonNode entry : front.get("configs").get(0).get("data_files")) {
            String split = entry.get("split").asText();
            Path file = data.resolve(entry.get("path").asText());
            assertTrue(manifest.files().containsKey(entry.get("path").asText()), entry.toString());
            Map<String, Integer> counted = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                JsonNode row = JSON.readTree(line);
                assertFalse(row.has("split"), "the file's name is the split");
                counted.merge(row.get("label").asText(), 1, Integer::sum);
            }
            Map<String, Integer> expected = new LinkedHashMap<>(manifest.counts().get(hubToOurs.get(split)));
            expected.values().removeIf(n -> n == 0);
            assertEquals(expected, counted, split);
            splits++;
        }
        assertEquals(3, splits);
        int numExamples = 0;
        for (JsonNode s : front.get("dataset_info").get("splits")) {
            numExamples += s.get("num_examples").asInt();
        }
        assertEquals(manifest.examples(), numExamples);
        // The card keeps the data card's text.
        assertTrue(readme.endsWith(Files.readString(data.resolve("DATACARD.md"))));
    }

    @Test
    void licencesMapToHubIdsOrOther() {
        assertEquals("mit", HubCard.licenseId("MIT licence (the repository's LICENSE)"));
        assertEquals("unknown", HubCard.licenseId("unknown: see the data's publisher"));
        assertEquals("other", HubCard.licenseId("No licence is stated upstream; research use, cite the paper"));
        assertEquals("cc-by-4.0", HubCard.licenseId("CC BY 4.0"));
        assertEquals("\"a \\\"b\\\"\\n\"", HubCard.quote("a \"b\"\n"));
    }
}
