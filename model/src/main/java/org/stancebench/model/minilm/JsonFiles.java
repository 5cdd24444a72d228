package org.stancebench.model.minilm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and atomically writes the JSON files of saved MiniLM classifiers. */
final class JsonFiles {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {
    }

    /** Writes {@code value} to a temporary file beside {@code file}, then moves it into place. */
    static void write(Path file, Object value) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads {@code file}; a missing or malformed file is an IOException naming it. */
    static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** A required field, or an IOException naming the file and the field. */
    static JsonNode field(JsonNode node, String name, Path file) throws IOException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IOException(file + ": field '" + name + "' is missing");
        }
        return v;
    }

    /** Refuses a model saved against another encoder. */
    static void checkEncoder(JsonNode config, Path file, MiniLmFiles files) throws IOException {
        String saved = field(config, "encoder", file).asText();
        if (!saved.equals(files.fingerprint())) {
            throw new IOException(file + ": field 'encoder' says the model was trained with encoder files "
                    + saved + ", but the class path has " + files.fingerprint());
        }
    }
}
