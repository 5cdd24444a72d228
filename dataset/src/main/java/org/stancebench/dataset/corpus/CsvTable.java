package org.stancebench.dataset.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.stancebench.io.BadInputException;

/**
 * A CSV file read with its header: column lookup by name and records checked to have the header's
 * width, each failure naming the file and line.
 */
final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final List<CsvRecord> rows;

    private CsvTable(Path file, List<String> header, List<CsvRecord> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    static CsvTable read(Path file, CsvParser parser) throws IOException {
        List<CsvRecord> records = parser.read(file);
        if (records.isEmpty()) {
            throw BadInputException.at(file, 1, "empty file, expected a header line");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        List<CsvRecord> rows = records.subList(1, records.size());
        for (CsvRecord row : rows) {
            if (row.fields().size() != header.size()) {
                throw BadInputException.at(file, row.line(),
                        String.format("record has %d field(s), the header has %d", row.fields().size(), header.size()));
            }
        }
        return new CsvTable(file, header, rows);
    }

    /** The index of a named column, or an error naming the header line and the columns present. */
    int column(String name) throws IOException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw BadInputException.at(file, 1, String.format("missing column '%s' (the header has %s)", name,
                    String.join(", ", header.stream().map(h -> "'" + h + "'").toList())));
        }
        return index;
    }

    Path file() {
        return file;
    }

    List<CsvRecord> rows() {
        return rows;
    }
}
