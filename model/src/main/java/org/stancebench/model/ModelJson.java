package org.stancebench.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the small JSON files of saved models, the same bytes for the same value.
 *
 * <p>Output is pretty-printed with {@code \n} line ends, map keys sorted and a final newline, so
 * model directories are byte-identical across runs. Reading refuses unknown and missing fields and
 * reports any problem in one line naming the file (and line when known); values are validated by
 * the target record's compact constructor, whose message is passed through.
 */
public final class ModelJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));

    private static final java.util.regex.Pattern MISSING =
            java.util.regex.Pattern.compile("^Missing (?:creator|required creator) property '([^']*)'");

    private ModelJson() {
    }

    /** {@code value} as JSON text, ending with a newline. */
    public static String toJson(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} to {@code file} as JSON. */
    public static void write(Path file, Object value) throws IOException {
        Files.writeString(file, toJson(value), StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code file} as a {@code type}.
     *
     * @throws IOException with one line naming the file and what is wrong
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), type, file.toString());
    }

    /**
     * Parses {@code json} as a {@code type}; {@code source} names it in error messages.
     *
     * @throws IOException with one line naming {@code source} and what is wrong
     */
    public static <T> T parse(String json, Class<T> type, String source) throws IOException {
        try {
            return MAPPER.readValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IOException(source + ": unknown field '" + e.getPropertyName() + "'", e);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            if (message == null) {
                message = "malformed";
            }
            java.util.regex.Matcher missing = MISSING.matcher(message);
            if (missing.find()) {
                message = "missing field '" + missing.group(1) + "'";
            }
            int nl = message.indexOf('\n');
            if (nl >= 0) {
                message = message.substring(0, nl);
            }
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1
                    ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IOException(source + ": " + message.strip() + where, e);
        }
    }
}
