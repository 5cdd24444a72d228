package org.stancebench.eval.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.BadInputException;
import org.stancebench.io.Json;
import org.stancebench.io.Schemas;

/**
 * Reads and writes {@code results.json} files.
 *
 * <p>Guarantees: output is UTF-8, indented, with record fields in declared order and map keys
 * sorted, and every double printed with at most 15 significant digits in one fixed format, so equal
 * results give byte-identical files on every JVM; a file is written to a temporary file in the same
 * directory and moved into place, never half-written; reading rejects a file that is not a StanceBench
 * results file, or of a schema version this build does not know, with a one-line message naming the
 * file. Unknown fields are ignored, so files from a newer build of the same schema version (which
 * only adds fields) still read.
 */
public final class ResultsIo {

    private ResultsIo() {
    }

    /** The configured JSON mapper of results files ({@link Json#REPORTING}); callers must not change it. */
    public static ObjectMapper mapper() {
        return Json.REPORTING;
    }

    /** The results as JSON text, ending with a newline. */
    public static String toJson(Results results) {
        return Schemas.withSchema(Json.prettyReporting(results), Schemas.RESULTS);
    }

    /** Writes {@code results} to {@code file} atomically, creating parent directories. */
    public static void write(Results results, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(results));
    }

    /**
     * Reads a results file.
     *
     * @throws IOException naming the file when it is missing, not JSON, not a StanceBench results
     *     file, of an unsupported schema version, or inconsistent
     */
    public static Results read(Path file) throws IOException {
        return fromTree(Json.readTree(file), file.toString());
    }

    /** Parses results from JSON text; {@code source} names it in error messages. */
    public static Results parse(String json, String source) throws IOException {
        return fromTree(Json.readTree(json, source), source);
    }

    private static Results fromTree(JsonNode tree, String source) throws IOException {
        if (tree == null || !tree.isObject()) {
            throw BadInputException.in(source, "not a StanceBench results file (expected a JSON object)");
        }
        JsonNode schema = tree.get("schema");
        if (schema == null || !Results.SCHEMA.equals(schema.asText())) {
            throw BadInputException.in(source, "not a StanceBench results file (field 'schema' is "
                    + (schema == null ? "missing" : schema.toString()) + ", expected \"" + Results.SCHEMA
                    + "\")");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw BadInputException.in(source, "field 'schemaVersion' is missing or not an integer");
        }
        if (version.asInt() != Results.SCHEMA_VERSION) {
            throw BadInputException.in(source, "schemaVersion " + version.asInt()
                    + " is not supported by this build of StanceBench, which reads version "
                    + Results.SCHEMA_VERSION + (version.asInt() > Results.SCHEMA_VERSION
                            ? " (the file was written by a newer StanceBench; upgrade to read it)" : ""));
        }
        try {
            return Json.REPORTING.treeToValue(tree, Results.class);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String detail = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    ? root.getClass() == NullPointerException.class ? "missing field " + root.getMessage()
                            : root.getMessage()
                    : null;
            BadInputException located = Json.error(source, 0, e);
            throw BadInputException.at(source, 0, located.field(), "invalid results file: "
                    + (detail == null ? located.problem() : detail)).because(e);
        }
    }
}
