package org.stancebench.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON style of every file StanceBench writes, and the one configured mapper that reads them.
 *
 * <p>Written JSON: two-space indent, {@code "key": value}, arrays on one line, {@code "\n"} line ends
 * on every operating system (never the platform's line separator), raw UTF-8 (non-ASCII is not
 * escaped), map keys sorted, record components in declaration order, and a final newline from
 * {@link #pretty}. Reading is lenient about unknown fields by default; a reader that must refuse
 * them asks for {@link #strict()}.
 *
 * <p>Two mappers share this configuration: {@link #MAPPER} writes every double exactly as Java
 * prints it (model parameters must survive a round trip), {@link #REPORTING} rounds doubles to 15
 * significant digits so that reports and results are byte-identical across JVM versions, whose
 * shortest-representation printing differs in the last digit for some values.
 */
public final class Json {

    /** Exact doubles: for model files and anything read back for computation. */
    public static final ObjectMapper MAPPER = base().build();

    /** Doubles rounded to 15 significant digits: for results, summaries and reports. */
    public static final ObjectMapper REPORTING = base().addModule(roundedDoubles()).build();

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
    private static final ObjectWriter PRETTY = MAPPER.writer(PRINTER);
    private static final ObjectWriter PRETTY_REPORTING = REPORTING.writer(PRINTER);
    private static final MathContext FIFTEEN = new MathContext(15);
    private static final Pattern MISSING = Pattern.compile("^Missing (?:creator|required creator) property '([^']*)'");

    private Json() {
    }

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code value} as indented JSON in the house style, with a final newline. */
    public static String pretty(Object value) {
        return write(PRETTY, value) + "\n";
    }

    /** {@code value} as indented JSON with doubles rounded for reporting, with a final newline. */
    public static String prettyReporting(Object value) {
        return write(PRETTY_REPORTING, value) + "\n";
    }

    /** {@code value} as JSON on one line, without a newline (a JSON-lines record). */
    public static String compact(Object value) {
        return write(MAPPER.writer(), value);
    }

    /**
     * A reader of {@code type} that refuses unknown fields, nulls for primitives and missing creator
     * properties: for files whose every field this build must understand (model configuration).
     */
    public static ObjectReader strict(Class<?> type) {
        return MAPPER.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    /** Writes {@code value} to {@code file} as {@link #pretty} JSON, atomically. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, pretty(value));
    }

    /**
     * Reads {@code file} as a {@code type}, strictly (see {@link #strict}).
     *
     * @throws IOException with one line naming the file, what is wrong and the line when known
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return parse(readText(file), type, file.toString());
    }

    /**
     * Reads {@code file} as a {@code type}, ignoring fields this build does not know (files that a
     * newer build of the same schema version writes only add fields).
     *
     * @throws IOException with one line naming the file, what is wrong and the line when known
     */
    public static <T> T readAllowingNewFields(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readerFor(type).<T>readValue(readText(file));
        } catch (JsonProcessingException e) {
            throw error(file.toString(), e);
        }
    }

    /**
     * Parses {@code json} as a {@code type}, strictly; {@code source} names it in messages.
     *
     * @throws IOException with one line naming {@code source}, what is wrong and the line when known
     */
    public static <T> T parse(String json, Class<T> type, String source) throws IOException {
        try {
            return strict(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw error(source, e);
        }
    }

    /**
     * Reads {@code file} as a JSON tree.
     *
     * @throws IOException with one line naming the file, what is wrong and the line when known
     */
    public static JsonNode readTree(Path file) throws IOException {
        return readTree(readText(file), file.toString());
    }

    /** Parses {@code json} as a tree; {@code source} names it in messages. */
    public static JsonNode readTree(String json, String source) throws IOException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw error(source, e);
        }
    }

    private static String readText(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * A parse failure as one line, {@code SOURCE: what is wrong (line N)}, in words a user can act on:
     * no Jackson class names, no source excerpt, no "[Source: ...]" trailer.
     */
    public static IOException error(String source, JsonProcessingException e) {
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "'";
        } else {
            Throwable cause = e.getCause();
            message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            if (message == null) {
                message = "malformed JSON";
            }
            if (e instanceof StreamReadException) {
                message = "not valid JSON: " + message;
            }
            Matcher missing = MISSING.matcher(message);
            if (missing.find()) {
                message = "missing field '" + missing.group(1) + "'";
            }
            int nl = message.indexOf('\n');
            if (nl >= 0) {
                message = message.substring(0, nl);
            }
        }
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return new IOException(source + ": " + message.strip() + where, e);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static SimpleModule roundedDoubles() {
        SimpleModule doubles = new SimpleModule("stancebench-rounded-doubles");
        doubles.addSerializer(Double.class, new RoundedDouble());
        doubles.addSerializer(double.class, new RoundedDouble());
        return doubles;
    }

    /**
     * Prints a double as the same text on every JVM: at most 15 significant digits (so reading and
     * writing again gives the same text), plain notation from 1e-4 up, exponent notation below, and a
     * trailing ".0" on whole numbers so that readers see a floating-point field. A non-finite value
     * has no JSON number and is refused.
     */
    static final class RoundedDouble extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(format(value));
        }
    }

    /** The text {@link #REPORTING} writes for {@code d}. */
    public static String format(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("cannot write a non-finite number to JSON: " + d);
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal bd = new BigDecimal(d, FIFTEEN).stripTrailingZeros();
        BigDecimal large = BigDecimal.valueOf(1_000_000_000_000_000L);
        if (bd.scale() <= 0 && bd.abs().compareTo(large) < 0) {
            return bd.toBigInteger() + ".0";
        }
        if (bd.abs().compareTo(new BigDecimal("0.0001")) >= 0 && bd.abs().compareTo(large) < 0) {
            return bd.toPlainString();
        }
        return bd.toString();
    }
}
