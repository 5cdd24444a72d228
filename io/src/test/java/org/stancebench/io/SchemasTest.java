package org.stancebench.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemasTest {

    @Test
    void theJarShipsTheDocsSchemasByteForByte() throws IOException {
        for (String id : List.of(Schemas.RESULTS, Schemas.BENCH_SUMMARY, Schemas.EXAMPLE, Schemas.PROVENANCE)) {
            byte[] shipped;
            try (InputStream in = Schemas.class.getResourceAsStream(Schemas.resource(id))) {
                assertNotNull(in, id);
                shipped = in.readAllBytes();
            }
            Path docs = Path.of("..", "docs", "schemas", Path.of(Schemas.resource(id)).getFileName().toString());
            assertArrayEquals(Files.readAllBytes(docs), shipped, id);
            assertEquals(id, Json.MAPPER.readTree(shipped).get("$id").asText(), "the file's $id is its name");
        }
    }

    @Test
    void theSchemaFieldComesFirst() {
        assertEquals("{\n  \"$schema\": \"urn:x\",\n  \"a\": 1\n}\n",
                Schemas.withSchema(Json.pretty(java.util.Map.of("a", 1)), "urn:x"));
    }
}
