package org.stancebench.model.minilm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/** Checks on the JSON files of saved MiniLM classifiers: required fields and the encoder they were trained with. */
final class JsonFiles {

    private JsonFiles() {
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
