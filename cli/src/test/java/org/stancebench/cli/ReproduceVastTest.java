package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.io.Schemas;

class ReproduceVastTest {
    @TempDir
    Path root;

    /** The hand-made VAST layout of the test resources (60 train rows, 8 test rows). */
    static Path fixture() throws Exception {
        return Path.of(ReproduceVastTest.class.getResource("/vast-fixture").toURI());
    }

    @Test
    void reproduceVastWritesTheTableAndASchemaValidJson() throws Exception {
        Path out = root.resolve("out");
        CliRun r = CliRun.run("reproduce", "--task", "vast", "--corpora", fixture().toString(), "--classifiers",
                "majority,stratified", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // majority: neutral, 2 of 8 test rows: F1(neutral) / 3 = 0.4 / 3 in every subset
        assertTrue(r.out().contains("| majority | 13 | "), r.out());
        assertTrue(r.out().contains("| 13.3 [") && r.out().contains("| TGA Net (published) | | | 66.5 | 66.6 | 66.3 | |"),
                r.out());
        assertTrue(r.err().contains("reproduce vast") && r.err().contains("majority {}, seed 13: dev macro-f1-all = "),
                r.err());
        String md = Files.readString(out.resolve("vast.md"));
        assertTrue(md.startsWith("# VAST reproduced"), md);
        assertTrue(md.contains("## Beside the published rows") && md.contains("## How the settings were chosen"), md);
        assertTrue(md.contains("CMaj, BoWV, C-FFNN, BERT-sep, BERT-joint"), md);
        String json = Files.readString(out.resolve("vast.json"));
        assertTrue(json.startsWith("{\n  \"$schema\": \"" + Schemas.VAST + "\",\n"), json.substring(0, 60));
        assertEquals(List.of(), SchemaValidationTest.errors(Schemas.VAST, json));
        // the schema can fail: a score above 100 or a missing subset does not validate
        assertFalse(SchemaValidationTest.errors(Schemas.VAST, json.replaceFirst("\"value\": [0-9.]+", "\"value\": 130"))
                .isEmpty());
        assertFalse(SchemaValidationTest.errors(Schemas.VAST, json.replace("\"few-shot\"", "\"few_shot\"")).isEmpty());
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals(2, tree.path("results").size());
        assertEquals(100 * 0.4 / 3, tree.path("results").get(0).path("test").path("zero-shot").path("value").asDouble(),
                1e-4);
        try (var files = Files.list(out)) {
            assertEquals(List.of("vast.json", "vast.md"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left");
        }
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        CliRun refit = CliRun.run("reproduce", "--task", "vast", "--corpora", fixture().toString(), "--refit",
                "--out", root.resolve("o").toString());
        assertEquals(1, refit.exitCode());
        assertEquals("stancebench: --refit: not with --task vast", refit.err().strip());
        CliRun none = CliRun.run("reproduce", "--task", "vast");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().startsWith("stancebench: --task vast needs --corpora DIR"), none.err());
        CliRun missing = CliRun.run("reproduce", "--task", "vast", "--corpora", root.resolve("nowhere").toString());
        assertEquals(1, missing.exitCode());
        assertEquals("stancebench: " + root.resolve("nowhere") + ": no VAST corpus there (expected DIR/vast/ or DIR "
                + "itself to hold vast_train.csv and vast_test.csv)", missing.err().strip());
        assertFalse(Files.exists(root.resolve("o")));
    }

    @Test
    void helpDescribesTheVastTask() {
        CliRun r = CliRun.run("reproduce", "--help");
        assertEquals(0, r.exitCode());
        for (String s : List.of("--task vast", "out/reproduce-vast", "vast.md", "topicInput=joint,pair", "embed=text,input",
                "seen?")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }
}
