package org.stancebench.experiments.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Objects;
import org.stancebench.io.Json;

/**
 * One row of a scoring input: its position, and either an id and a text or what is wrong with it.
 * Both engines read rows through {@link #parseJsonLine}, so they accept and refuse the same rows.
 *
 * @param line the row's line (JSON lines) or row number (Parquet), from 1
 * @param id the row's id, or null for a bad row
 * @param text the row's text, or null for a bad row
 * @param problem what is wrong with a bad row, or null for a good one
 */
public record ScoringRow(long line, String id, String text, String problem) implements Serializable {

    public ScoringRow {
        if ((problem == null) == (id == null || text == null)) {
            throw new IllegalArgumentException("a row has an id and a text, or a problem");
        }
    }

    /** A good row. */
    public static ScoringRow of(long line, String id, String text) {
        return new ScoringRow(line, Objects.requireNonNull(id), Objects.requireNonNull(text), null);
    }

    /** A bad row. */
    public static ScoringRow bad(long line, String problem) {
        return new ScoringRow(line, null, null, problem);
    }

    /** Whether the row can be scored. */
    public boolean good() {
        return problem == null;
    }

    /**
     * One line of a JSON-lines input ({@code {"id": "...", "text": "..."}}): a good row, a bad row
     * saying what is wrong, or null for a blank line. A numeric id is taken as its decimal text.
     */
    public static ScoringRow parseJsonLine(long line, String content) {
        if (content.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line == 1 && content.startsWith("\uFEFF") ? content.substring(1) : content);
        } catch (JsonProcessingException e) {
            return bad(line, Json.problem(e));
        }
        if (node == null || !node.isObject()) {
            return bad(line, "not a JSON object");
        }
        return of(line, node.get("id"), node.get("text"));
    }

    /** A row from its two fields, checking their types. */
    static ScoringRow of(long line, JsonNode id, JsonNode text) {
        if (id == null || id.isNull()) {
            return bad(line, "field 'id' is missing");
        }
        if (!id.isTextual() && !id.isIntegralNumber()) {
            return bad(line, "field 'id' must be a string or an integer, got " + id.getNodeType().name().toLowerCase());
        }
        if (text == null || text.isNull()) {
            return bad(line, "field 'text' is missing");
        }
        if (!text.isTextual()) {
            return bad(line, "field 'text' must be a string, got " + text.getNodeType().name().toLowerCase());
        }
        return of(line, id.asText(), text.asText());
    }
}
