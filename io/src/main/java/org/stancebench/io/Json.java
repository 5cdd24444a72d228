package org.stancebench.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import java.nio.file.Path;
import java.util.List;
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

    private static final ObjectReader NON_FINITE = MAPPER.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
    private static final ObjectWriter PRETTY = MAPPER.writer(PRINTER);
    private static final ObjectWriter PRETTY_REPORTING = REPORTING.writer(PRINTER);
    private static final MathContext FIFTEEN = new MathContext(15);
    private static final Pattern MISSING = Pattern.compile("^Missing (?:creator|required creator) property '([^']*)'");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern NON_FINITE_TOKEN = Pattern.compile("^Non-standard token '[+-]?(?:NaN|INF|Infinity)'");
    private static final Pattern WRONG_TYPE = Pattern.compile(
            "^Cannot (?:deserialize|coerce) (?:value of type|a?n? ?) ?`([^`]+)` from (\\w+(?: value)?)");

    private Json() {
    }

    private static JsonMapper.Builder base() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(InputLimits.MAX_CHARS)
                        .maxNestingDepth(InputLimits.MAX_JSON_DEPTH)
                        .build())
                .build();
        return JsonMapper.builder(factory)
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
     * @throws BadInputException with one line naming the file, what is wrong and the line when known
     */
    public static <T> T read(Path file, Class<T> type) throws BadInputException {
        return parse(readText(file), type, file.toString());
    }

    /**
     * Reads {@code file} as a {@code type}, ignoring fields this build does not know (files that a
     * newer build of the same schema version writes only add fields).
     *
     * @throws BadInputException with one line naming the file, what is wrong and the line when known
     */
    public static <T> T readAllowingNewFields(Path file, Class<T> type) throws BadInputException {
        try {
            return MAPPER.readerFor(type).<T>readValue(readText(file));
        } catch (JsonProcessingException e) {
            throw error(file.toString(), e);
        }
    }

    /**
     * Parses {@code json} as a {@code type}, strictly; {@code source} names it in messages.
     *
     * @throws BadInputException with one line naming {@code source}, what is wrong and the line when known
     */
    public static <T> T parse(String json, Class<T> type, String source) throws BadInputException {
        try {
            return strict(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw error(source, e);
        }
    }

    /**
     * Binds {@code tree} to a {@code type}, strictly; {@code source} names it in messages.
     *
     * @throws BadInputException with one line naming {@code source}, what is wrong and the field
     */
    public static <T> T parse(JsonNode tree, Class<T> type, String source) throws BadInputException {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            // Jackson maps these to a null object rather than failing.
            throw BadInputException.in(source, (tree == null || tree.isMissingNode() ? "empty" : "null")
                    + ", expected a JSON object");
        }
        try {
            return strict(type).readValue(tree);
        } catch (IOException e) {
            if (e instanceof JsonProcessingException p) {
                throw error(source, p);
            }
            throw BadInputException.in(source, "cannot be read as " + type.getSimpleName()).because(e);
        }
    }

    /**
     * Reads {@code file} as a JSON tree.
     *
     * @throws BadInputException with one line naming the file, what is wrong and the line when known
     */
    public static JsonNode readTree(Path file) throws BadInputException {
        return readTree(readText(file), file.toString());
    }

    /** Parses {@code json} as a tree; {@code source} names it in messages. */
    public static JsonNode readTree(String json, String source) throws BadInputException {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw BadInputException.in(source, "empty, expected JSON");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw error(source, e);
        }
    }

    /**
     * Parses line {@code line} of a JSON-lines file {@code file} as a tree; errors name that line.
     * With {@code nonFinite}, NaN and Infinity (which Python's {@code json.dumps} writes) are read as
     * numbers, for a reader that refuses them itself with a better message.
     */
    public static JsonNode readTreeLine(String text, Object file, long line, boolean nonFinite)
            throws BadInputException {
        try {
            return (nonFinite ? NON_FINITE : MAPPER.reader()).readTree(text);
        } catch (JsonProcessingException e) {
            throw error(String.valueOf(file), line, e);
        }
    }

    private static String readText(Path file) throws BadInputException {
        return TextInput.read(file);
    }

    /**
     * A parse failure as one line, {@code SOURCE[:LINE][:FIELD]: what is wrong}, in words a user can act
     * on: no Jackson class names, no source excerpt, no "[Source: ...]" trailer.
     */
    public static BadInputException error(String source, JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return error(source, line, e);
    }

    /** As {@link #error(String, JsonProcessingException)} for a document that is line {@code line} of its file. */
    public static BadInputException error(String source, long line, JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = path(m.getPath());
        }
        return BadInputException.at(source, line, field, problem(e)).because(e);
    }

    /** What is wrong in {@code e}, in the project's words, without where. */
    public static String problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("nesting depth")) {
                return "nested deeper than " + InputLimits.MAX_JSON_DEPTH + " levels";
            }
            if (m.startsWith("String value length") || m.contains("MaxStringLength")) {
                return "a string longer than " + InputLimits.describe();
            }
            if (m.startsWith("Number value length") || m.contains("MaxNumberLength")) {
                return "a number with too many digits";
            }
            return "larger than the limits allow";
        }
        Throwable cause = e.getCause();
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage() : e.getOriginalMessage();
        if (message == null) {
            message = "malformed JSON";
        }
        if (message.startsWith("No content to map")) {
            return "empty, expected a JSON document";
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            return "missing field '" + missing.group(1) + "'";
        }
        if (NON_FINITE_TOKEN.matcher(message).find()) {
            return "not valid JSON: NaN and Infinity are not JSON numbers, expected a finite number";
        }
        Matcher type = WRONG_TYPE.matcher(message);
        if (type.find()) {
            return "expected " + readable(type.group(1)) + ", got " + readable(type.group(2));
        }
        int nl = message.indexOf('\n');
        if (nl >= 0) {
            message = message.substring(0, nl);
        }
        // No library internals: a source excerpt becomes its line and column; advice about Jackson
        // features and class names in backquotes go.
        message = SOURCE.matcher(message).replaceAll("line $1, column $2");
        message = message.replaceAll(":? ?\\(?(?:enable|disable|set) `[^`]*`[^)]*\\)?.*$", "")
                .replaceAll("`(?:[a-z]+\\.)+([A-Za-z]+)`", "$1")
                .replace("`", "'")
                .strip();
        return e instanceof StreamReadException ? "not valid JSON: " + message : message;
    }

    private static String readable(String javaType) {
        String t = javaType.replaceAll("^(?:[a-z]+\\.)+", "").replaceAll("<.*>", "");
        return switch (t) {
            case "int", "long", "Integer", "Long" -> "an integer";
            case "double", "float", "Double", "Float" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            case "List", "ArrayList", "Set", "Collection" -> "an array";
            case "Map", "LinkedHashMap", "HashMap", "TreeMap" -> "an object";
            default -> t.startsWith("Array value") || t.equals("Array") ? "an array"
                    : t.startsWith("Object value") ? "an object"
                    : t.startsWith("String value") ? "a string"
                    : Character.isUpperCase(t.charAt(0)) && t.length() > 1 ? "an object" : t;
        };
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? null : b.toString();
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
