package org.stancebench.dataset.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.stancebench.dataset.Example;
import org.stancebench.io.BadInputException;
import org.stancebench.io.Json;
import org.stancebench.io.TextInput;

/**
 * Imports a generic CSV file (with a header line) or JSON Lines file (one object per line) whose
 * named columns hold the text, the label and optionally the split, an id and a group.
 *
 * <p>Guarantees: with a split column, published splits are kept and whichever of dev and test is
 * absent is carved from train; without one, dev and test are both carved; carving is seeded and
 * stratified, keeping identical texts on the same side. Ids are {@code <name>/<id column>} or else
 * {@code <name>/<record index from 0, six digits>}. Records with a blank text are skipped and
 * counted. A missing column or field, a blank label, an unknown split value, a label outside
 * {@code --labels}, a duplicate id, invalid JSON, a broken CSV quote or invalid UTF-8 fails with
 * {@code FILE:LINE: what is wrong}.
 */
public final class TabularImporter {

    private TabularImporter() {
    }

    /** Imports a CSV file whose fields are separated by {@code delimiter}. */
    public static ImportedCorpus importCsv(Path file, char delimiter, TabularColumns columns, ImportOptions options)
            throws IOException {
        CsvTable table = CsvTable.read(file, new CsvParser(delimiter));
        int text = table.column(columns.text());
        int label = table.column(columns.label());
        int split = columns.split() == null ? -1 : table.column(columns.split());
        int id = columns.id() == null ? -1 : table.column(columns.id());
        int group = columns.group() == null ? -1 : table.column(columns.group());
        List<Row> rows = new ArrayList<>();
        for (CsvRecord record : table.rows()) {
            List<String> f = record.fields();
            rows.add(new Row(record.line(), f.get(text), f.get(label), split < 0 ? null : f.get(split),
                    id < 0 ? null : f.get(id), group < 0 ? null : f.get(group)));
        }
        return build(file, "CSV", rows, columns, options);
    }

    /** Imports a JSON Lines file: one JSON object per non-blank line. */
    public static ImportedCorpus importJsonl(Path file, TabularColumns columns, ImportOptions options)
            throws IOException {
        List<String> lines = TextInput.lines(file);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int line = i + 1;
            JsonNode node = Json.readTreeLine(lines.get(i), file, line, false);
            if (node == null || !node.isObject()) {
                throw BadInputException.at(file, line, "expected a JSON object");
            }
            rows.add(new Row(line, field(file, line, node, columns.text(), true),
                    field(file, line, node, columns.label(), true),
                    columns.split() == null ? null : field(file, line, node, columns.split(), true),
                    columns.id() == null ? null : field(file, line, node, columns.id(), true),
                    columns.group() == null ? null : field(file, line, node, columns.group(), false)));
        }
        return build(file, "JSON Lines", rows, columns, options);
    }

    private static String field(Path file, int line, JsonNode node, String name, boolean required) throws IOException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw BadInputException.at(file, line, String.format("missing field '%s'", name));
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw BadInputException.at(file, line, String.format("field '%s' must be a string or number, got %s",
                    name, value.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return value.asText();
    }

    private record Row(int line, String text, String label, String split, String id, String group) {
    }

    private static ImportedCorpus build(Path file, String format, List<Row> rows, TabularColumns columns,
                                        ImportOptions options) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "-");
        safe = safe.toLowerCase(Locale.ROOT);
        String name = options.nameOr(safe.matches("[a-z0-9].*") ? safe : "data" + safe);
        Set<String> allowed = columns.labels().isEmpty() ? null : Set.copyOf(columns.labels());
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> splits = new ArrayList<>();
        List<Row> kept = new ArrayList<>();
        List<Integer> keptIndex = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        int skipped = 0;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            String label = row.label().strip();
            if (label.isEmpty()) {
                throw BadInputException.at(file, row.line(), String.format("blank label in column '%s'",
                        columns.label()));
            }
            if (allowed != null && !allowed.contains(label)) {
                throw BadInputException.at(file, row.line(),
                        String.format("unknown label '%s' (--labels allows %s)", label, String.join(", ",
                                columns.labels())));
            }
            String split = null;
            if (row.split() != null) {
                split = switch (row.split().strip().toLowerCase(Locale.ROOT)) {
                    case "train" -> "train";
                    case "dev", "val", "valid", "validation" -> "dev";
                    case "test" -> "test";
                    default -> throw BadInputException.at(file, row.line(),
                            String.format("split '%s' in column '%s' is not train, dev (val, validation) or test",
                                    row.split(), columns.split()));
                };
            }
            if (row.id() != null) {
                String id = row.id().strip();
                if (id.isEmpty()) {
                    throw BadInputException.at(file, row.line(), String.format("blank id in column '%s'",
                            columns.id()));
                }
                Integer first = idLines.putIfAbsent(id, row.line());
                if (first != null) {
                    throw BadInputException.at(file, row.line(),
                            String.format("duplicate id '%s' (first on line %d)", id, first));
                }
            }
            String text = ImportedCorpus.clean(row.text());
            if (text.isEmpty()) {
                skipped++;
                continue;
            }
            texts.add(text);
            labels.add(label);
            splits.add(split);
            kept.add(row);
            keptIndex.add(r);
        }
        if (kept.isEmpty()) {
            throw BadInputException.in(file, "no records with text");
        }

        StratifiedCarver carver;
        boolean carveDev;
        boolean carveTest;
        List<String> finalSplits = new ArrayList<>(splits);
        if (columns.split() == null) {
            carveDev = true;
            carveTest = true;
            carver = new StratifiedCarver(options.devFraction(), options.testFraction(), options.seed());
            finalSplits = carver.carve(labels, texts);
        } else {
            carveDev = !splits.contains("dev");
            carveTest = !splits.contains("test");
            carver = new StratifiedCarver(carveDev ? options.devFraction() : 0,
                    carveTest ? options.testFraction() : 0, options.seed());
            if (carveDev || carveTest) {
                List<Integer> trainRows = new ArrayList<>();
                for (int i = 0; i < splits.size(); i++) {
                    if (splits.get(i).equals("train")) {
                        trainRows.add(i);
                    }
                }
                List<String> carved = carver.carve(trainRows.stream().map(labels::get).toList(),
                        trainRows.stream().map(texts::get).toList());
                for (int k = 0; k < trainRows.size(); k++) {
                    finalSplits.set(trainRows.get(k), carved.get(k));
                }
            }
        }

        List<String> labelSet = columns.labels().isEmpty()
                ? List.copyOf(new TreeSet<>(labels)) : List.copyOf(new LinkedHashSet<>(columns.labels()));
        List<Example> examples = new ArrayList<>();
        String source = file.getFileName().toString();
        for (int i = 0; i < kept.size(); i++) {
            Row row = kept.get(i);
            String id = row.id() != null ? name + "/" + row.id().strip() : String.format("%s/%06d", name,
                    keptIndex.get(i));
            String group = row.group() == null || row.group().isBlank() ? null : row.group().strip();
            examples.add(ImportedCorpus.post(id, texts.get(i), labels.get(i), source, finalSplits.get(i), group));
        }
        CorpusDescription description = new CorpusDescription()
                .section("Source", "A " + format + " file given to `stancebench dataset import`: `" + source + "`.")
                .section("Text", "Column `" + columns.text() + "`, CRLF turned into LF and surrounding whitespace "
                        + "removed; label from column `" + columns.label() + "`"
                        + (columns.group() == null ? "" : ", group from `" + columns.group() + "`")
                        + ". Example ids are `" + name + "/" + (columns.id() == null ? "<record index from 0>`"
                        : "<" + columns.id() + ">`") + ".")
                .section("Splits", columns.split() == null ? "The file has no split column."
                        : "From column `" + columns.split() + "` (val, valid and validation read as dev).")
                .carving(columns.split() == null ? "the whole file" : "the train rows", carver, carveDev, carveTest,
                        "records with identical text");
        if (skipped > 0) {
            description.section("Skipped", skipped + " record(s) with a blank text were skipped.");
        }
        List<Example> dropped = new ArrayList<>();
        List<Example> kept2 = ImportedCorpus.dropCrossSplitDuplicates(examples, dropped);
        description.dropped(dropped).file(file, "records");
        return new ImportedCorpus(name, source, labelSet, kept2,
                "Imported from `" + source + "` with `stancebench dataset import`; replace this with why the data "
                        + "was collected and what it is for.",
                description.build(), "unknown: see the data's publisher", null,
                (columns.labels().isEmpty() ? "The labels found in column `" + columns.label() + "`, sorted: "
                        : "As given with --labels: ") + String.join(", ", labelSet)
                        + ". Who labelled the data, and how, is whatever its publisher documents.",
                List.of(), options.seed());
    }
}
