package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.io.Schemas;

/** Real outputs of the command line validate against the JSON Schemas they name in "$schema". */
class SchemaValidationTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void build() throws IOException {
        data = dir.resolve("seed");
        SeedDataset.build(data, 13);
    }

    static Schema schema(String id) throws IOException {
        try (InputStream in = Schemas.class.getResourceAsStream(Schemas.resource(id))) {
            return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    static List<Error> errors(String id, String json) throws IOException {
        return schema(id).validate(json, InputFormat.JSON);
    }

    @Test
    void resultsFilesValidateAndNameTheirSchema() throws IOException {
        Path results = dir.resolve("results.json");
        CliRun run = CliRun.run("evaluate", "--classifier", "majority,naive-bayes", "--data", data.toString(), "--cv",
                "--seeds", "1", "--bootstrap", "100", "--out", results.toString());
        assertEquals(0, run.exitCode(), run.err());
        String json = Files.readString(results);
        assertTrue(json.startsWith("{\n  \"$schema\": \"" + Schemas.RESULTS + "\",\n"), json.substring(0, 80));
        assertEquals(List.of(), errors(Schemas.RESULTS, json));
        // The schema can fail: a results file without runs, or with a p-value above 1, does not validate.
        assertFalse(errors(Schemas.RESULTS, json.replace("\"runs\":", "\"rnus\":")).isEmpty());
        assertFalse(errors(Schemas.RESULTS, json.replaceFirst("\"pValue\": [0-9.E-]+", "\"pValue\": 1.5")).isEmpty());
    }

    @Test
    void modelProvenanceValidates() throws IOException {
        Path model = dir.resolve("model");
        CliRun run = CliRun.run("train", "--model", "naive-bayes", "--data", data.toString(), "--out", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        String json = Files.readString(model.resolve("provenance.json"));
        assertTrue(json.startsWith("{\n  \"$schema\": \"" + Schemas.PROVENANCE + "\",\n"), json);
        assertEquals(List.of(), errors(Schemas.PROVENANCE, json));
        assertFalse(errors(Schemas.PROVENANCE, json.replace("\"seed\": 13", "\"seed\": \"13\"")).isEmpty());
    }

    @Test
    void everyExampleLineValidates() throws IOException {
        List<String> lines = Files.readAllLines(data.resolve("examples.jsonl"));
        assertEquals(41, lines.size());
        for (String line : lines) {
            assertEquals(List.of(), errors(Schemas.EXAMPLE, line), line);
        }
        assertFalse(errors(Schemas.EXAMPLE, lines.get(0).replace("\"split\":\"", "\"split\":\"x")).isEmpty());
    }
}
