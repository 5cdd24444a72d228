package org.stancebench.dataset.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.dataset.Example;
import org.stancebench.io.BadInputException;

/**
 * Imports the English training file of iSarcasmEval (SemEval-2022 Task 6,
 * github.com/iabufarha/iSarcasmEval), {@code train.En.csv}: a quoted CSV whose records may span
 * several lines, with columns {@code tweet} and {@code sarcastic} (0 or 1) among others.
 *
 * <p>Guarantees: labels are {@code not_sarcastic} and {@code sarcastic} (in that order); since only
 * the training file is available, seeded stratified dev and test splits are carved from it (records
 * with identical text kept together) and the description says so; records with a blank tweet are
 * skipped and counted; ids are {@code <name>/train/<record index from 0, six digits>}, naming the
 * source file, whatever split the record lands in. A broken quote, a missing column or a value of
 * {@code sarcastic} other than 0/1 fails with {@code FILE:LINE: what is wrong}.
 */
public final class ISarcasmEvalImporter {
    /** Label names in id order: 0 then 1. */
    public static final List<String> LABELS = List.of("not_sarcastic", "sarcastic");

    private ISarcasmEvalImporter() {
    }

    /**
     * One record of an iSarcasmEval file, for the reproduction: its id ({@code NAME/RECORD} with the
     * record index from 0, six digits), cleaned text, label, the author's non-sarcastic rephrase
     * (empty when there is none or the file has no {@code rephrase} column) and its first line.
     */
    public record Tweet(String id, String text, String label, String rephrase, int line) implements java.io.Serializable {
    }

    /**
     * The records of the training file {@code train.En.csv} (or a folder holding it, as
     * {@link #importFile}) with their rephrases, in file order; records with a blank tweet skipped.
     *
     * @throws IOException as {@link #importFile}, naming the file and line
     */
    public static List<Tweet> readTrain(Path path) throws IOException {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = Files.isRegularFile(path.resolve("train/train.En.csv"))
                    ? path.resolve("train/train.En.csv") : path.resolve("train.En.csv");
        }
        return read(file, "tweet", true, "isarcasmeval/train");
    }

    /**
     * The records of a file in the official test layout of subtask A ({@code text,sarcastic}
     * columns, quoted CSV; other columns ignored); a blank text is an error naming its line, since
     * every test record is scored.
     *
     * @throws IOException naming the file and line of a missing column, a broken quote, a blank text
     *     or a label other than 0/1
     */
    public static List<Tweet> readTest(Path file) throws IOException {
        return read(file, "text", false, "isarcasmeval/test");
    }

    /** The label of a row's {@code sarcastic} column (0 or 1), or a one-line error naming file and line. */
    private static String label(Path file, CsvRecord row, int sarcastic) throws BadInputException {
        String value = row.fields().get(sarcastic).strip();
        return switch (value) {
            case "0" -> LABELS.get(0);
            case "1" -> LABELS.get(1);
            default -> throw BadInputException.at(file, row.line(),
                    String.format("column 'sarcastic' must be 0 or 1, got '%s'", value));
        };
    }

    private static List<Tweet> read(Path file, String textColumn, boolean train, String prefix) throws IOException {
        CsvTable table = CsvTable.read(file, CsvParser.csv());
        int tweet = table.column(textColumn);
        int sarcastic = table.column("sarcastic");
        int rephrase = train ? table.column("rephrase") : -1;
        List<Tweet> out = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            CsvRecord row = table.rows().get(r);
            String label = label(file, row, sarcastic);
            String text = ImportedCorpus.clean(row.fields().get(tweet));
            if (text.isEmpty()) {
                if (train) {
                    continue;
                }
                throw BadInputException.at(file, row.line(), "column '" + textColumn + "' is blank");
            }
            String re = rephrase < 0 ? "" : ImportedCorpus.clean(row.fields().get(rephrase));
            out.add(new Tweet(String.format("%s/%06d", prefix, r), text, label, re, row.line()));
        }
        if (out.isEmpty()) {
            throw BadInputException.at(file, 1, "no records after the header");
        }
        return out;
    }

    /**
     * Imports {@code path}: the CSV file itself, or a folder holding {@code train/train.En.csv} or
     * {@code train.En.csv}.
     */
    public static ImportedCorpus importFile(Path path, ImportOptions options) throws IOException {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = Files.isRegularFile(path.resolve("train/train.En.csv"))
                    ? path.resolve("train/train.En.csv") : path.resolve("train.En.csv");
        }
        CsvTable table = CsvTable.read(file, CsvParser.csv());
        int tweet = table.column("tweet");
        int sarcastic = table.column("sarcastic");
        String name = options.nameOr("isarcasmeval");
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        int skipped = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            CsvRecord row = table.rows().get(r);
            String label = label(file, row, sarcastic);
            String text = ImportedCorpus.clean(row.fields().get(tweet));
            if (text.isEmpty()) {
                skipped++;
                continue;
            }
            texts.add(text);
            labels.add(label);
            indices.add(r);
        }
        StratifiedCarver carver = new StratifiedCarver(options.devFraction(), options.testFraction(), options.seed());
        List<String> splits = carver.carve(labels, texts);
        List<Example> examples = new ArrayList<>();
        String source = "isarcasmeval/" + file.getFileName();
        for (int i = 0; i < texts.size(); i++) {
            examples.add(ImportedCorpus.post(String.format("%s/train/%06d", name, indices.get(i)), texts.get(i),
                    labels.get(i), source, splits.get(i), null));
        }
        CorpusDescription description = new CorpusDescription()
                .section("Source", "iSarcasmEval, SemEval-2022 Task 6 (github.com/iabufarha/iSarcasmEval), English "
                        + "training file `" + file.getFileName() + "`. Abu Farha et al., \"SemEval-2022 Task 6: "
                        + "iSarcasmEval, Intended Sarcasm Detection in English and Arabic\"; cite it.")
                .section("Text", "The `tweet` column, CRLF turned into LF and surrounding whitespace removed. The "
                        + "other columns (`rephrase`, sarcasm categories) are not imported. Example ids are `" + name
                        + "/train/<record index from 0>`, naming the source file whatever split the example is in.")
                .carving("the training file", carver, true, true, "records with identical text")
                .section("Official metric", "F1 of the sarcastic class (on the official test set, not included "
                        + "here).");
        if (skipped > 0) {
            description.section("Skipped", skipped + " record(s) with a blank tweet were skipped.");
        }
        description.file(file, "training records");
        return new ImportedCorpus(name, "iSarcasmEval (English, training file)", LABELS, examples,
                "Tweets whose authors said whether they meant them sarcastically, imported as a realistic sarcasm "
                        + "corpus: sarcasm is one of StanceBench's seed labels and a classic trap for stance "
                        + "classifiers.",
                description.build(), "MIT licence (the repository's LICENSE)",
                "https://github.com/iabufarha/iSarcasmEval",
                "Intended sarcasm: each tweet's own author labelled it sarcastic or not (column `sarcastic`: "
                        + "0 = not_sarcastic, 1 = sarcastic), as collected by the task organisers.",
                List.of("Only the English training file is available: dev and test are carved from it, so scores "
                                + "are not comparable with the shared task's leaderboard.",
                        "About one tweet in four is sarcastic."),
                options.seed());
    }
}
