package org.stancebench.eval.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    private static final ObjectMapper MAPPER = mapper();

    private ResultsIo() {
    }

    /** The configured JSON mapper (stable key order, fixed double format); callers must not change it. */
    public static ObjectMapper mapper() {
        SimpleModule doubles = new SimpleModule("stancebench-doubles");
        doubles.addSerializer(Double.class, new DoubleSerializer());
        doubles.addSerializer(double.class, new DoubleSerializer());
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(doubles)
                .build();
    }

    /** The results as JSON text, ending with a newline. */
    public static String toJson(Results results) {
        try {
            return MAPPER.writeValueAsString(results) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize results: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code results} to {@code file} atomically, creating parent directories. */
    public static void write(Results results, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, toJson(results), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a results file.
     *
     * @throws IOException naming the file when it is missing, not JSON, not a StanceBench results
     *     file, of an unsupported schema version, or inconsistent
     */
    public static Results read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        }
        return fromTree(tree, file.toString());
    }

    /** Parses results from JSON text; {@code source} names it in error messages. */
    public static Results parse(String json, String source) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not valid JSON: " + e.getOriginalMessage() + location(e), e);
        }
        return fromTree(tree, source);
    }

    private static Results fromTree(JsonNode tree, String source) throws IOException {
        if (tree == null || !tree.isObject()) {
            throw new IOException(source + ": not a StanceBench results file (expected a JSON object)");
        }
        JsonNode schema = tree.get("schema");
        if (schema == null || !Results.SCHEMA.equals(schema.asText())) {
            throw new IOException(source + ": not a StanceBench results file (field 'schema' is "
                    + (schema == null ? "missing" : schema.toString()) + ", expected \"" + Results.SCHEMA
                    + "\")");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new IOException(source + ": field 'schemaVersion' is missing or not an integer");
        }
        if (version.asInt() != Results.SCHEMA_VERSION) {
            throw new IOException(source + ": schemaVersion " + version.asInt()
                    + " is not supported by this build of StanceBench, which reads version "
                    + Results.SCHEMA_VERSION + (version.asInt() > Results.SCHEMA_VERSION
                            ? " (the file was written by a newer StanceBench; upgrade to read it)" : ""));
        }
        try {
            return MAPPER.treeToValue(tree, Results.class);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String detail = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    ? root.getClass() == NullPointerException.class ? "missing field " + root.getMessage()
                            : root.getMessage()
                    : e.getOriginalMessage();
            throw new IOException(source + ": invalid results file: " + detail + path(e), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            return " (at " + m.getPathReference().replace("org.stancebench.eval.results.", "") + ")";
        }
        return "";
    }

    /**
     * Formats a double as the same text on every JVM: at most 15 significant digits (so reading and
     * writing again gives the same text), plain notation from 1e-4 up, exponent notation below, and a
     * trailing ".0" on whole numbers so that readers see a floating-point field.
     */
    static String format(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("cannot write a non-finite number to results: " + d);
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal bd = new BigDecimal(d).round(new MathContext(15)).stripTrailingZeros();
        if (bd.scale() <= 0 && bd.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) < 0) {
            return bd.toBigInteger() + ".0";
        }
        if (bd.abs().compareTo(new BigDecimal("0.0001")) >= 0
                && bd.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) < 0) {
            return bd.toPlainString();
        }
        return bd.toString();
    }

    private static final class DoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(format(value));
        }
    }
}
