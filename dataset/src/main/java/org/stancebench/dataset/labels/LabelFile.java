package org.stancebench.dataset.labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.dataset.page.PageUnit;
import org.stancebench.io.BadInputException;
import org.stancebench.io.TextInput;

/**
 * A gold-label annotation file for the units of one page, checked against those units.
 *
 * <p>Format (see {@code docs/dataset-format.md}): UTF-8 text; the first line is exactly
 * {@code # stancebench-labels v1}; further lines starting with {@code #} are comments, and
 * {@code # key: value} comments are kept as metadata (for example {@code release}); blank lines are
 * ignored; the first other line is the header {@code id<TAB>label<TAB>annotator<TAB>rationale}; every
 * following line labels one unit with those four TAB-separated, non-empty columns.
 *
 * <p>Guarantees: every unit of the page has exactly one label, from the allowed label set, and
 * identical texts have the same label. Anything else is rejected with an {@link IOException} whose
 * message is one line, {@code FILE:LINE: what is wrong}.
 *
 * @param file how the file is named in messages
 * @param metadata {@code # key: value} comment lines, in file order
 * @param labels one label per unit, in the order of the units
 */
public record LabelFile(String file, Map<String, String> metadata, List<GoldLabel> labels) {

    /** The required first line. */
    public static final String MAGIC = "# stancebench-labels v1";
    /** The required column header. */
    public static final String HEADER = "id\tlabel\tannotator\trationale";

    private static final String BUILT_IN = "seed/labels.tsv";
    private static final List<String> BUILT_IN_PASSES = List.of("seed/pass-sb-a1.tsv", "seed/pass-sb-a2.tsv");

    public LabelFile {
        Objects.requireNonNull(file, "file");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        labels = List.copyOf(labels);
    }

    /**
     * One gold label.
     *
     * @param id the unit id
     * @param label the label
     * @param annotator who assigned it, for example {@code sb-a1}
     * @param rationale one line saying why
     */
    public record GoldLabel(String id, String label, String annotator, String rationale) {
        public GoldLabel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(annotator, "annotator");
            Objects.requireNonNull(rationale, "rationale");
        }
    }

    /** The label of unit {@code id}. */
    public GoldLabel get(String id) {
        for (GoldLabel g : labels) {
            if (g.id().equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException(file + ": no label for " + id);
    }

    /** Reads and checks a label file from disk. */
    public static LabelFile read(Path path, List<PageUnit> units, List<String> allowed) throws IOException {
        return parse(PageParser.readFile(path), path.toString(), units, allowed);
    }

    /**
     * A label file not yet parsed: how messages name it, and its bytes.
     *
     * @param name the file's name in messages
     * @param bytes its content
     */
    public record Source(String name, byte[] bytes) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bytes, "bytes");
        }

        /** Reads {@code path}, naming it as given. */
        public static Source read(Path path) throws IOException {
            return new Source(path.toString(), PageParser.readFile(path));
        }
    }

    /** The raw bytes of the built-in (adjudicated) labels of the built-in page. */
    public static byte[] builtInBytes() {
        return resource(BUILT_IN);
    }

    /** The two independent annotation passes behind the built-in labels, as shipped. */
    public static List<Source> builtInPasses() {
        return BUILT_IN_PASSES.stream().map(r -> new Source("built-in " + r, resource(r))).toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = LabelFile.class.getResourceAsStream("/org/stancebench/dataset/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How errors and provenance name the built-in labels. */
    public static String builtInName() {
        return "built-in " + BUILT_IN;
    }

    /**
     * Parses label-file bytes and checks them against {@code units} and the {@code allowed} labels.
     *
     * @throws IOException with a message {@code FILE:LINE: what is wrong}
     */
    public static LabelFile parse(byte[] bytes, String file, List<PageUnit> units, List<String> allowed)
            throws IOException {
        List<String> lines = PageParser.splitLines(TextInput.decode(bytes, file));
        Map<String, PageUnit> unitById = new LinkedHashMap<>();
        units.forEach(u -> unitById.put(u.id(), u));
        if (lines.isEmpty() || !lines.get(0).strip().equals(MAGIC)) {
            throw BadInputException.at(file, 1, "expected the first line '" + MAGIC + "', found '"
                    + (lines.isEmpty() ? "" : abbreviate(lines.get(0).strip())) + "'");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, GoldLabel> byId = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        Map<String, String> labelOfText = new HashMap<>();
        Map<String, String> idOfText = new HashMap<>();
        boolean header = false;
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = stripEnd(lines.get(i));
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon > 1) {
                    String key = line.substring(1, colon).strip();
                    if (key.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                        metadata.put(key, line.substring(colon + 1).strip());
                    }
                }
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw BadInputException.at(file, lineNo, "expected the column header '" + HEADER.replace("\t",
                            "<TAB>")
                            + "', found '" + abbreviate(line) + "'");
                }
                header = true;
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 4) {
                throw BadInputException.at(file, lineNo,
                        "expected 4 TAB-separated columns (id, label, annotator, rationale), found "
                        + cols.length);
            }
            String[] names = {"id", "label", "annotator", "rationale"};
            for (int c = 0; c < 4; c++) {
                cols[c] = cols[c].strip();
                if (cols[c].isEmpty()) {
                    throw BadInputException.at(file, lineNo, "empty " + names[c]);
                }
            }
            String id = cols[0];
            PageUnit unit = unitById.get(id);
            if (unit == null) {
                throw BadInputException.at(file, lineNo,
                        "unknown unit '" + id + "' (the page has " + units.size() + " units"
                        + (units.isEmpty() ? "" : ", " + units.get(0).id() + " .. "
                                + units.get(units.size() - 1).id()) + ")");
            }
            if (!allowed.contains(cols[1])) {
                throw BadInputException.at(file, lineNo,
                        "unknown label '" + cols[1] + "' for " + id + "; expected one of "
                        + String.join(", ", allowed));
            }
            if (byId.containsKey(id)) {
                throw BadInputException.at(file, lineNo,
                        "" + id + " is labelled twice (first on line " + lineOf.get(id) + ")");
            }
            String sameTextLabel = labelOfText.putIfAbsent(unit.sha256(), cols[1]);
            if (sameTextLabel != null && !sameTextLabel.equals(cols[1])) {
                throw BadInputException.at(file, lineNo,
                        "" + id + " has the same text as " + idOfText.get(unit.sha256())
                        + " but label '" + cols[1] + "' instead of '" + sameTextLabel + "'");
            }
            idOfText.putIfAbsent(unit.sha256(), id);
            byId.put(id, new GoldLabel(id, cols[1], cols[2], cols[3]));
            lineOf.put(id, lineNo);
        }
        if (!header) {
            throw BadInputException.at(file, lines.size(), "missing the column header '" + HEADER.replace("\t",
                    "<TAB>") + "'");
        }
        List<String> missing = new ArrayList<>();
        List<GoldLabel> ordered = new ArrayList<>();
        for (PageUnit u : units) {
            GoldLabel g = byId.get(u.id());
            if (g == null) {
                missing.add(u.id());
            } else {
                ordered.add(g);
            }
        }
        if (!missing.isEmpty()) {
            throw BadInputException.at(file, lines.size(), "no label for " + missing.size() + " unit(s): "
                    + String.join(", ", missing.size() > 10 ? missing.subList(0, 10) : missing)
                    + (missing.size() > 10 ? ", ..." : ""));
        }
        return new LabelFile(file, metadata, ordered);
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == '\u00A0')
                && s.charAt(end - 1) != '\t') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
