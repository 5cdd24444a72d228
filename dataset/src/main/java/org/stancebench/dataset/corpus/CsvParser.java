package org.stancebench.dataset.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.io.BadInputException;
import org.stancebench.io.InputLimits;
import org.stancebench.io.TextInput;

/**
 * An RFC 4180 CSV reader: fields separated by a delimiter, records by LF or CRLF, fields optionally
 * enclosed in double quotes, within which delimiters and line breaks are data and {@code ""} is one
 * quote. Guarantees: a quoted field that is never closed is reported at the line where its record
 * started; a character other than a delimiter or line break after a closing quote is an error; a
 * quote inside an unquoted field is kept as a literal character (as Python's and Excel's readers do);
 * blank lines between records are skipped; input must be strictly valid UTF-8 (a byte-order mark is
 * dropped). Instances are immutable and thread-safe.
 */
public final class CsvParser {
    private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

    private final char delimiter;

    /** A parser for fields separated by {@code delimiter} (a comma for CSV, a tab for TSV). */
    public CsvParser(char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
        this.delimiter = delimiter;
    }

    /** A comma-separated parser. */
    public static CsvParser csv() {
        return new CsvParser(',');
    }

    /**
     * Reads every record of a file, header included.
     *
     * @throws IOException {@code FILE:LINE: ...} for invalid UTF-8 or a broken quote
     */
    public List<CsvRecord> read(Path file) throws IOException {
        return parse(TextInput.read(file), file.toString());
    }

    /** Parses decoded text; {@code name} is what error messages call it. */
    public List<CsvRecord> parse(String text, String name) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        State state = State.FIELD_START;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int newline = c == '\n' ? 1 : c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 0;
            switch (state) {
                case QUOTED -> {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            state = State.AFTER_QUOTE;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                    i++;
                    continue;
                }
                case FIELD_START -> {
                    if (c == '"') {
                        state = State.QUOTED;
                        quoteLine = line;
                        i++;
                        continue;
                    }
                    if (newline > 0 && fields.isEmpty()) {
                        i += newline;
                        line++;
                        recordLine = line;
                        continue;
                    }
                }
                case AFTER_QUOTE -> {
                    if (c != delimiter && newline == 0) {
                        throw BadInputException.at(name, line,
                                String.format("unexpected character '%s' after the closing quote of field %d "
                                        + "(record starting on line %d)", printable(c), fields.size() + 1, recordLine));
                    }
                }
                case UNQUOTED -> {
                    // handled below with the other field-ending characters
                }
            }
            if (c == delimiter) {
                fields.add(checked(field, name, recordLine, fields.size() + 1));
                field.setLength(0);
                state = State.FIELD_START;
                i++;
            } else if (newline > 0) {
                fields.add(checked(field, name, recordLine, fields.size() + 1));
                field.setLength(0);
                records.add(new CsvRecord(recordLine, fields));
                fields = new ArrayList<>();
                state = State.FIELD_START;
                i += newline;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                state = State.UNQUOTED;
                i++;
            }
        }
        if (state == State.QUOTED) {
            throw BadInputException.at(name, recordLine,
                    String.format("unterminated quoted field: the quote opening field %d (line %d) is never closed", fields.size() + 1, quoteLine));
        }
        if (state != State.FIELD_START || !fields.isEmpty()) {
            fields.add(checked(field, name, recordLine, fields.size() + 1));
            records.add(new CsvRecord(recordLine, fields));
        }
        return records;
    }

    /** The field's text, or the limit named when it is over {@link InputLimits#MAX_CHARS} characters. */
    private static String checked(StringBuilder field, String name, int recordLine,
            int index) throws BadInputException {
        if (field.length() > InputLimits.MAX_CHARS) {
            throw BadInputException.at(name, recordLine,
                    "field " + index + " is longer than " + InputLimits.describe());
        }
        return field.toString();
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}
