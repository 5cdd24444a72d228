package org.stancebench.io;

/**
 * The JSON Schemas (draft 2020-12) of the files StanceBench writes for other tools, by their
 * {@code $id}. Every such file names its schema in a {@code "$schema"} field, first; the schema files
 * are in {@code docs/schemas/} and, byte for byte, in this module's jar under
 * {@code org/stancebench/schemas/} ({@link #resource}).
 */
public final class Schemas {
    /** {@code results.json} (docs/results-schema.md). */
    public static final String RESULTS = "urn:stancebench:schema:results:1";
    /** {@code bench-summary.json} (docs/bench-summary.md). */
    public static final String BENCH_SUMMARY = "urn:stancebench:schema:bench-summary:1";
    /** One line of {@code examples.jsonl} and of a dataset's per-split files (docs/dataset-format.md). */
    public static final String EXAMPLE = "urn:stancebench:schema:example:1";
    /** {@code provenance.json} of a model directory (docs/model-directory.md). */
    public static final String PROVENANCE = "urn:stancebench:schema:provenance:1";
    /** {@code vast.json}, the VAST reproduction (docs/vast.md). */
    public static final String VAST = "urn:stancebench:schema:vast:1";

    private Schemas() {
    }

    /** The class-path resource holding the schema {@code id}: {@code /org/stancebench/schemas/NAME.schema.json}. */
    public static String resource(String id) {
        String name = id.replaceFirst("^urn:stancebench:schema:", "").replaceFirst(":\\d+$", "");
        return "/org/stancebench/schemas/" + name + ".schema.json";
    }

    /**
     * {@code prettyObject} (a JSON object as {@link Json#pretty} writes it, {@code "{\n  ..."}) with
     * {@code "$schema": id} as its first field.
     */
    public static String withSchema(String prettyObject, String id) {
        if (!prettyObject.startsWith("{\n")) {
            throw new IllegalArgumentException("not a pretty-printed JSON object");
        }
        if (prettyObject.equals("{ }\n") || prettyObject.startsWith("{\n}")) {
            return "{\n  \"$schema\": \"" + id + "\"\n}\n";
        }
        return "{\n  \"$schema\": \"" + id + "\",\n" + prettyObject.substring(2);
    }
}
