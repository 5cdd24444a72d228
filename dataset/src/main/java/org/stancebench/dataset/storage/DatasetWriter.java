package org.stancebench.dataset.storage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.Fold;
import org.stancebench.dataset.splitting.Splits;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.BadInputException;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Json;

/**
 * Writes any labelled dataset (the seed page or an imported corpus) as a StanceBench dataset
 * directory: {@code examples.jsonl}, {@code folds.json}, {@code DATACARD.md}, {@code croissant.json}
 * and {@code MANIFEST.json}, plus what the Hugging Face Hub reads ({@link HubCard}: {@code README.md}
 * with the Hub's front matter, {@code train.jsonl}, {@code validation.jsonl}, {@code test.jsonl}). The formats are documented in {@code docs/dataset-format.md}.
 *
 * <p>Guarantees: the same examples, info, seed, folds and repeats give byte-identical files (fixed
 * key order, {@code "\n"} line ends, no time stamps, no absolute paths). The directory is built as a
 * hidden sibling and moved into place, each file written to a temporary file first, so a failed
 * build leaves the previous directory (or nothing) behind, never a half-written one. Examples keep
 * the split they carry (importers keep published splits); the folds are computed here over all
 * examples with {@link Splits#folds}.
 */
public final class DatasetWriter {

    /** Name of the examples file. */
    public static final String EXAMPLES = "examples.jsonl";
    /** Name of the folds file. */
    public static final String FOLDS = "folds.json";
    /** Name of the data card. */
    public static final String DATACARD = "DATACARD.md";
    /** Name of the Croissant metadata file. */
    public static final String CROISSANT = "croissant.json";
    /** Generator name recorded in every manifest. */
    public static final String GENERATOR = "stancebench-dataset";
    /**
     * Generator version recorded in every manifest. A constant, not the build's version, so that a
     * development build and a release write the same bytes; bump it whenever output bytes change.
     */
    public static final String GENERATOR_VERSION = "1.3.0";
    /** When this format version was published: the Croissant {@code datePublished} of every dataset it writes. */
    public static final String GENERATOR_DATE = "2026-12-05";
    /** The default seed of every split and fold assignment. */
    public static final long DEFAULT_SEED = 13;
    /** The default number of cross-validation folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** The default number of cross-validation repeats. */
    public static final int DEFAULT_REPEATS = 3;

    private DatasetWriter() {
    }

    /**
     * Writes {@code examples} into {@code outDir}, replacing a dataset directory that is already
     * there (but never a directory holding anything else).
     *
     * @param seed seed of the fold assignment (record also of how the splits were made)
     * @param folds requested number of folds; fewer are used when a label has too few distinct texts
     *     (see {@link Splits#effectiveFolds})
     * @param repeats number of repeats of the k-fold assignment
     * @return the manifest written
     * @throws IllegalArgumentException when an example is invalid (unknown label or split, duplicate
     *     id, wrong hash, the same text in two splits)
     * @throws IOException when the directory cannot be written
     */
    public static Manifest write(Path outDir, DatasetDescription info, List<Example> examples, long seed, int folds,
                                 int repeats) throws IOException {
        return write(outDir, info, examples, seed, folds, repeats, true);
    }

    /**
     * As {@link #write(Path, DatasetDescription, List, long, int, int)}, but a directory holding a
     * different dataset (another manifest) is replaced only when {@code overwrite} is set; rewriting the
     * same dataset (the same manifest, byte for byte) loses nothing and needs no permission. Folds are
     * never lowered silently: fewer distinct texts than {@code folds} is an error asking for fewer.
     *
     * @throws BadInputException when the directory holds another dataset and {@code overwrite} is not
     *     set, or holds something that is not a dataset
     * @throws IllegalArgumentException when there are fewer distinct texts than {@code folds}
     */
    public static Manifest write(Path outDir, DatasetDescription info, List<Example> examples, long seed, int folds,
                                 int repeats, boolean overwrite) throws IOException {
        validate(info, examples);
        List<Splits.Item> items = examples.stream().map(Splits.Item::of).toList();
        int k = Splits.effectiveFolds(items, folds);
        if (k < folds) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "dataset %s has %d distinct text(s), too few "
                    + "for %d cross-validation folds; lower --folds to at most %d", info.name(), k, folds, k));
        }
        List<Fold> foldList = Splits.folds(items, seed, folds, repeats);

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(EXAMPLES, examplesJsonl(examples));
        files.put(FOLDS, foldsJson(foldList, seed, k, repeats));
        Map<String, Map<String, Integer>> counts = counts(info.labels(), examples);
        String fingerprint = Manifest.fingerprint(ContentHash.sha256(files.get(EXAMPLES)),
                ContentHash.sha256(files.get(FOLDS)));
        files.put(DATACARD, DataCard.markdown(info, examples, counts, seed, k, repeats, fingerprint,
                Map.of(EXAMPLES, ContentHash.sha256(files.get(EXAMPLES)), FOLDS,
                        ContentHash.sha256(files.get(FOLDS)))));
        files.put(HubCard.README, HubCard.readme(info, files.get(DATACARD), counts, examples.size()));
        files.putAll(HubCard.splitFiles(examples));
        files.put(CROISSANT, croissant(info, files, examples.size()));
        Map<String, String> hashes = new TreeMap<>();
        files.forEach((name, bytes) -> hashes.put(name, ContentHash.sha256(bytes)));
        Manifest manifest = new Manifest(info.name(), GENERATOR, GENERATOR_VERSION, seed, k, repeats,
                info.labels(), examples.size(), counts, fingerprint, hashes);
        files.put(Manifest.FILE, manifest.toJson());
        install(outDir, files, overwrite);
        return manifest;
    }

    private static void validate(DatasetDescription info, List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("dataset " + info.name() + " has no examples");
        }
        Set<String> labels = new HashSet<>(info.labels());
        Set<String> ids = new HashSet<>();
        Map<String, Example> splitOfText = new HashMap<>();
        for (Example e : examples) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("example " + e.id() + ": duplicate id");
            }
            if (!labels.contains(e.label())) {
                throw new IllegalArgumentException("example " + e.id() + ": label '" + e.label()
                        + "' is not in the label set " + info.labels());
            }
            if (!Splits.SPLIT_NAMES.contains(e.split())) {
                throw new IllegalArgumentException("example " + e.id() + ": split '" + e.split()
                        + "' is not one of " + Splits.SPLIT_NAMES);
            }
            if (!e.sha256().equals(ContentHash.sha256(e.text()))) {
                throw new IllegalArgumentException("example " + e.id() + ": sha256 does not match its text");
            }
            Example first = splitOfText.putIfAbsent(e.sha256(), e);
            if (first != null && !first.split().equals(e.split())) {
                throw new IllegalArgumentException("examples " + first.id() + " (" + first.split() + ") and "
                        + e.id() + " (" + e.split() + ") have the same text in different splits;"
                        + " drop one (see Splits.removeCrossSplitDuplicates)");
            }
        }
    }

    static Map<String, Map<String, Integer>> counts(List<String> labels, List<Example> examples) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String split : Splits.SPLIT_NAMES) {
            counts.put(split, zeroes(labels));
        }
        counts.put("all", zeroes(labels));
        for (Example e : examples) {
            counts.get(e.split()).merge(e.label(), 1, Integer::sum);
            counts.get("all").merge(e.label(), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> zeroes(List<String> labels) {
        Map<String, Integer> m = new LinkedHashMap<>();
        labels.forEach(l -> m.put(l, 0));
        return m;
    }

    static byte[] examplesJsonl(List<Example> examples) {
        StringBuilder sb = new StringBuilder();
        for (Example e : examples) {
            sb.append(exampleLine(e, true)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One example as a line of {@code examples.jsonl}, or of a split file ({@code withSplit} false). */
    static String exampleLine(Example e, boolean withSplit) {
        ObjectNode o = Json.object();
        o.put("id", e.id());
        o.put("text", e.text());
        o.put("label", e.label());
        o.put("unit", e.unit());
        o.put("source", e.source());
        if (withSplit) {
            o.put("split", e.split());
        }
        o.put("group", e.group());
        o.put("sha256", e.sha256());
        return Json.compact(o);
    }

    private static byte[] foldsJson(List<Fold> folds, long seed, int k, int repeats) {
        ObjectNode root = Json.object();
        root.put("seed", seed);
        root.put("folds", k);
        root.put("repeats", repeats);
        root.put("stratifiedBy", "label");
        root.put("groupedBy", "sha256");
        ArrayNode arr = root.putArray("assignments");
        for (Fold f : folds) {
            ObjectNode o = arr.addObject();
            o.put("repeat", f.repeat());
            o.put("fold", f.fold());
            ArrayNode test = o.putArray("test");
            f.testIds().forEach(test::add);
        }
        return Json.pretty(root).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] croissant(DatasetDescription info, Map<String, byte[]> files, int size) {
        ObjectNode root = Json.object();
        ObjectNode ctx = root.putObject("@context");
        ctx.put("@language", "en");
        ctx.put("@vocab", "https://schema.org/");
        ctx.put("citeAs", "cr:citeAs");
        ctx.put("column", "cr:column");
        ctx.put("conformsTo", "dct:conformsTo");
        ctx.put("cr", "http://mlcommons.org/croissant/");
        ctx.putObject("data").put("@id", "cr:data").put("@type", "@json");
        ctx.putObject("dataType").put("@id", "cr:dataType").put("@type", "@vocab");
        ctx.put("dct", "http://purl.org/dc/terms/");
        ctx.putObject("examples").put("@id", "cr:examples").put("@type", "@json");
        ctx.put("extract", "cr:extract");
        ctx.put("field", "cr:field");
        ctx.put("fileObject", "cr:fileObject");
        ctx.put("fileProperty", "cr:fileProperty");
        ctx.put("fileSet", "cr:fileSet");
        ctx.put("format", "cr:format");
        ctx.put("includes", "cr:includes");
        ctx.put("isLiveDataset", "cr:isLiveDataset");
        ctx.put("jsonPath", "cr:jsonPath");
        ctx.put("key", "cr:key");
        ctx.put("md5", "cr:md5");
        ctx.put("parentField", "cr:parentField");
        ctx.put("path", "cr:path");
        ctx.put("rai", "http://mlcommons.org/croissant/RAI/");
        ctx.put("recordSet", "cr:recordSet");
        ctx.put("references", "cr:references");
        ctx.put("regex", "cr:regex");
        ctx.put("repeated", "cr:repeated");
        ctx.put("replace", "cr:replace");
        ctx.put("sc", "https://schema.org/");
        ctx.put("separator", "cr:separator");
        ctx.put("source", "cr:source");
        ctx.put("subField", "cr:subField");
        ctx.put("transform", "cr:transform");
        root.put("@type", "sc:Dataset");
        root.put("name", info.name());
        root.put("alternateName", info.title());
        root.put("description", info.description().strip());
        root.put("conformsTo", "http://mlcommons.org/croissant/1.0");
        root.put("license", info.license());
        if (info.url() != null) {
            root.put("url", info.url());
        }
        // The dataset's version and date are those of the format that wrote it, never the clock: the same
        // inputs and seed give the same bytes.
        root.put("version", GENERATOR_VERSION);
        root.put("datePublished", GENERATOR_DATE);
        root.put("citeAs", citation(info));
        root.put("isLiveDataset", false);
        root.put("inLanguage", "en");
        root.put("keywords", "stance classification");
        ArrayNode dist = root.putArray("distribution");
        fileObject(dist, EXAMPLES, "All examples, one JSON object per line.", "application/jsonlines",
                files.get(EXAMPLES));
        fileObject(dist, FOLDS, "Repeated stratified k-fold assignments (held-out ids per fold).",
                "application/json", files.get(FOLDS));
        fileObject(dist, DATACARD, "Data card: motivation, composition, labelling, limits.", "text/markdown",
                files.get(DATACARD));
        for (String split : HubCard.SPLITS) {
            String name = HubCard.fileOf(split);
            if (files.containsKey(name)) {
                fileObject(dist, name, "The " + split + " split's examples (the Hub's " + HubCard.SPLIT_NAMES.get(split)
                        + "), one JSON object per line, without the split field.", "application/jsonlines",
                        files.get(name));
                String parquet = HubCard.parquetOf(split);
                fileObject(dist, parquet, "The same examples as " + name + ", as Apache Parquet.",
                        "application/x-parquet", files.get(parquet));
            }
        }
        ArrayNode recordSets = root.putArray("recordSet");
        enumeration(recordSets, "splits", "cr:Split", "The splits: train, dev (the Hub's validation) and test.",
                List.of("train", "dev", "test"), List.of("cr:TrainingSplit", "cr:ValidationSplit", "cr:TestSplit"));
        enumeration(recordSets, "labels", "sc:Enumeration", "The label set, in canonical order (the order of "
                + "probability vectors).", info.labels(), null);
        ObjectNode rs = recordSets.addObject();
        rs.put("@type", "cr:RecordSet");
        rs.put("@id", "examples");
        rs.put("name", "examples");
        rs.put("description", size + " labelled texts; labels: " + String.join(", ", info.labels()) + ".");
        rs.putObject("key").put("@id", "examples/id");
        ArrayNode fields = rs.putArray("field");
        field(fields, "id", "Stable example id, unique in the dataset.");
        field(fields, "text", "The text a classifier sees.");
        field(fields, "label", "Gold label, one of: " + String.join(", ", info.labels()) + ".");
        field(fields, "unit", "Kind of text unit (headline, subtitle, sentence, comment, post).");
        field(fields, "source", "Where the text comes from.");
        field(fields, "split", "train, dev or test.");
        field(fields, "group", "Optional grouping (stance target or topic); null when absent.");
        field(fields, "sha256", "SHA-256 of the text in UTF-8, lower-case hex.");
        ArrayNode labelType = ((ObjectNode) fields.get(2)).putArray("dataType");
        labelType.add("sc:Text").add("cr:Label");
        ((ObjectNode) fields.get(2)).putObject("references").put("@id", "labels/name");
        ((ObjectNode) fields.get(5)).putObject("references").put("@id", "splits/name");

        ObjectNode folds = recordSets.addObject();
        folds.put("@type", "cr:RecordSet");
        folds.put("@id", "folds");
        folds.put("name", "folds");
        folds.put("description", "Cross-validation assignments from " + FOLDS + ": one record per repeat and fold, "
                + "with the ids of the examples held out in it.");
        ArrayNode foldFields = folds.putArray("field");
        jsonField(foldFields, "repeat", "sc:Integer", "Repeat number, from 0.", "$.assignments[*].repeat", false);
        jsonField(foldFields, "fold", "sc:Integer", "Fold number within the repeat, from 0.", "$.assignments[*].fold",
                false);
        jsonField(foldFields, "test", "sc:Text", "Ids of the examples held out in this fold.",
                "$.assignments[*].test", true).putObject("references").put("@id", "examples/id");
        return Json.pretty(root).getBytes(StandardCharsets.UTF_8);
    }

    /** A BibTeX entry for a dataset StanceBench built: its title, where its texts come from, its format. */
    static String citation(DatasetDescription info) {
        StringBuilder b = new StringBuilder("@misc{stancebench-").append(info.name()).append(",\n  title = {")
                .append(info.title().replace("{", "(").replace("}", ")")).append("},\n  note = {Built with StanceBench, "
                        + "dataset format ").append(GENERATOR_VERSION).append("; licence: ")
                .append(info.license().replace("{", "(").replace("}", ")")).append('}');
        if (info.url() != null) {
            b.append(",\n  url = {").append(info.url()).append('}');
        }
        return b.append("\n}").toString();
    }

    private static void enumeration(ArrayNode recordSets, String id, String type, String description,
            List<String> names, List<String> urls) {
        ObjectNode rs = recordSets.addObject();
        rs.put("@type", "cr:RecordSet");
        rs.put("@id", id);
        rs.put("name", id);
        rs.put("description", description);
        rs.put("dataType", type);
        rs.putObject("key").put("@id", id + "/name");
        ArrayNode fields = rs.putArray("field");
        crField(fields, id, "name", null, "sc:Text");
        if (urls != null) {
            crField(fields, id, "url", null, type);
        }
        ArrayNode data = rs.putArray("data");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode row = data.addObject();
            row.put(id + "/name", names.get(i));
            if (urls != null) {
                row.put(id + "/url", urls.get(i));
            }
        }
    }

    private static ObjectNode jsonField(ArrayNode fields, String name, String type, String description,
            String jsonPath, boolean repeated) {
        ObjectNode f = crField(fields, "folds", name, description, type);
        if (repeated) {
            f.put("repeated", true);
        }
        ObjectNode source = f.putObject("source");
        source.putObject("fileObject").put("@id", FOLDS);
        source.putObject("extract").put("jsonPath", jsonPath);
        return f;
    }

    private static void fileObject(ArrayNode dist, String name, String description, String format, byte[] bytes) {
        ObjectNode o = dist.addObject();
        o.put("@type", "cr:FileObject");
        o.put("@id", name);
        o.put("name", name);
        o.put("description", description);
        o.put("contentUrl", name);
        o.put("contentSize", bytes.length + " B");
        o.put("encodingFormat", format);
        o.put("sha256", ContentHash.sha256(bytes));
    }

    private static void field(ArrayNode fields, String name, String description) {
        ObjectNode source = crField(fields, "examples", name, description, "sc:Text").putObject("source");
        source.putObject("fileObject").put("@id", EXAMPLES);
        source.putObject("extract").put("column", name);
    }

    /** A {@code cr:Field} of record set {@code recordSet}; {@code description} may be null. */
    private static ObjectNode crField(ArrayNode fields, String recordSet, String name, String description,
            String type) {
        ObjectNode f = fields.addObject();
        f.put("@type", "cr:Field");
        f.put("@id", recordSet + "/" + name);
        f.put("name", name);
        if (description != null) {
            f.put("description", description);
        }
        f.put("dataType", type);
        return f;
    }

    /** Builds the directory as a hidden sibling, then swaps it in. */
    private static void install(Path outDir, Map<String, byte[]> files, boolean overwrite) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw BadInputException.in(outDir, "cannot write a dataset to the file system root");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw BadInputException.in(outDir, "exists and is not a directory");
        }
        if (Files.isDirectory(target) && !isEmpty(target) && !Files.exists(target.resolve(Manifest.FILE))) {
            throw BadInputException.in(outDir, "exists, is not empty and holds no " + Manifest.FILE
                    + "; refusing to replace it");
        }
        Path existing = target.resolve(Manifest.FILE);
        if (!overwrite && Files.isRegularFile(existing)
                && !Arrays.equals(Files.readAllBytes(existing), files.get(Manifest.FILE))) {
            String what;
            try {
                Manifest other = Manifest.read(target);
                what = String.format(Locale.ROOT, "dataset '%s' (%d examples, fingerprint %s)", other.name(),
                        other.examples(), other.fingerprint().substring(0, Math.min(12, other.fingerprint().length())));
            } catch (IOException e) {
                what = "dataset whose " + Manifest.FILE + " cannot be read";
            }
            throw BadInputException.in(outDir, "holds another " + what + "; --overwrite replaces it");
        }
        Files.createDirectories(parent);
        String base = "." + target.getFileName() + ".";
        Path building = Files.createTempDirectory(parent, base + "building-");
        try {
            // Temporary directories are private (rwx------); a dataset directory is ordinary.
            try {
                Files.setPosixFilePermissions(building, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: keep its defaults.
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                AtomicFiles.write(building.resolve(f.getKey()), f.getValue());
            }
            AtomicFiles.replaceDirectory(building, target);
        } finally {
            AtomicFiles.deleteTree(building);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }
}
