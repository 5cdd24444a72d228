package org.stancebench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    record Point(String name, double x, List<Integer> ids, Map<String, Integer> counts) {
    }

    @Test
    void anEmptyOrNullDocumentIsRefusedRatherThanReadAsNull() {
        // Found by fuzzing: an empty provenance.json parsed to null and failed later with a NullPointerException.
        BadInputException empty = assertThrows(BadInputException.class, () -> Json.readTree("", "p.json"));
        assertEquals("p.json: empty, expected JSON", empty.getMessage());
        BadInputException nul = assertThrows(BadInputException.class,
                () -> Json.parse(Json.readTree("null", "p.json"), Point.class, "p.json"));
        assertEquals("p.json: null, expected a JSON object", nul.getMessage());
    }

    @Test
    void prettyIsTheHouseStyleWithLfLineEnds() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("b", 2);
        counts.put("a", 1);
        String json = Json.pretty(new Point("é😀", 0.1, List.of(1, 2), counts));
        // Hand-written expectation: declaration order for records, sorted map keys, arrays on one
        // line, raw UTF-8, "\n" only.
        assertEquals("{\n  \"name\": \"é😀\",\n  \"x\": 0.1,\n  \"ids\": [ 1, 2 ],\n  \"counts\": {\n"
                + "    \"a\": 1,\n    \"b\": 2\n  }\n}\n", json);
        assertFalse(json.contains("\r"));
    }

    @Test
    void lineEndsDoNotFollowThePlatformSeparator() {
        String before = System.getProperty("line.separator");
        try {
            System.setProperty("line.separator", "\r\n");
            assertFalse(Json.pretty(Map.of("a", List.of(Map.of("b", 1)))).contains("\r"));
            assertFalse(Json.prettyReporting(Map.of("a", 1.5)).contains("\r"));
        } finally {
            System.setProperty("line.separator", before);
        }
    }

    @Test
    void exactMapperRoundTripsEveryDouble() throws Exception {
        double v = 0.1 + 0.2;
        double back = Json.MAPPER.readTree(Json.compact(Map.of("v", v))).get("v").asDouble();
        assertEquals(v, back);
    }

    @Test
    void reportingRoundsToFifteenSignificantDigits() {
        // 0.1 + 0.2 = 0.30000000000000004 exactly printed; 15 significant digits give 0.3.
        assertEquals("0.3", Json.format(0.1 + 0.2));
        assertEquals("2.0", Json.format(2));
        // BigDecimal's toString: plain down to 1e-6, exponent below.
        assertEquals("0.00001", Json.format(1e-5));
        assertEquals("1E-8", Json.format(1e-8));
        assertEquals("0.0", Json.format(0));
        assertEquals("{\n  \"v\": 0.3\n}\n", Json.prettyReporting(new TreeMap<>(Map.of("v", 0.1 + 0.2))));
        assertThrows(IllegalArgumentException.class, () -> Json.format(Double.NaN));
    }

    @Test
    void strictReaderRefusesUnknownFields() {
        assertThrows(Exception.class, () -> Json.strict(Point.class).readValue(
                "{\"name\":\"a\",\"x\":1,\"ids\":[],\"counts\":{},\"extra\":1}"));
    }

    @Test
    void parseErrorsAreOneLineInTheProjectsWords() {
        BadInputException nan = assertThrows(BadInputException.class,
                () -> Json.readTree("{\"p\": NaN}", "preds.jsonl"));
        assertEquals("preds.jsonl:1: not valid JSON: NaN and Infinity are not JSON numbers, expected a finite number",
                nan.getMessage());
        BadInputException wrongType = assertThrows(BadInputException.class,
                () -> Json.parse("{\"name\":\"a\",\"x\":\"far\",\"ids\":[],\"counts\":{}}", Point.class, "p.json"));
        assertEquals("p.json:1:x: expected a number, got a string", wrongType.getMessage());
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> Json.parse("{\"name\":\"a\",\"x\":1,\"ids\":[],\"counts\":{},\"extra\":1}", Point.class, "p.json"));
        assertEquals("p.json:1:extra: unknown field 'extra'", unknown.getMessage());
        BadInputException empty = assertThrows(BadInputException.class, () -> Json.parse("", Point.class, "p.json"));
        assertEquals("p.json:1: empty, expected a JSON document", empty.getMessage());
        for (BadInputException e : List.of(nan, wrongType, unknown, empty)) {
            assertFalse(e.getMessage().contains("[Source") || e.getMessage().contains("`")
                    || e.getMessage().contains("jackson"), e.getMessage());
        }
    }

    @Test
    void nonFiniteNumbersCanBeReadWhereAReaderRefusesThemItself() throws BadInputException {
        assertTrue(Double.isNaN(Json.readTreeLine("{\"p\": NaN}", "preds.jsonl", 4, true).get("p").asDouble()));
        assertEquals("preds.jsonl:4: not valid JSON: NaN and Infinity are not JSON numbers, expected a finite number",
                assertThrows(BadInputException.class, () -> Json.readTreeLine("{\"p\": NaN}", "preds.jsonl", 4, false))
                        .getMessage());
    }

    @Test
    void limitsAreTheSameForEveryFormatAndNamed() {
        String longString = "{\"text\": \"" + "a".repeat(InputLimits.MAX_CHARS + 1) + "\"}";
        assertEquals("big.json: a string longer than the limit of 1,048,576 characters",
                assertThrows(BadInputException.class, () -> Json.readTree(longString, "big.json")).getMessage());
        String deep = "[".repeat(InputLimits.MAX_JSON_DEPTH + 1) + "]".repeat(InputLimits.MAX_JSON_DEPTH + 1);
        assertTrue(assertThrows(BadInputException.class, () -> Json.readTree(deep, "deep.json")).getMessage()
                .endsWith("nested deeper than 200 levels"));
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1",
        "1.0, 1.0",
        "0.0, 0.0",
        "-0.0, 0.0",
        "0.7333333333333333, 0.733333333333333",
        "1e-15, 1E-15",
        "0.00012, 0.00012",
        "12345.5, 12345.5",
        "0.30000000000000004, 0.3",
    })
    void doublesHaveOneFormat(double value, String expected) {
        assertEquals(expected, Json.format(value));
    }
}
