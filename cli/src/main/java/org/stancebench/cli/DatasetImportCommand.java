package org.stancebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.dataset.corpus.CorpusFormat;
import org.stancebench.dataset.corpus.CorpusImport;
import org.stancebench.dataset.corpus.ImportOptions;
import org.stancebench.dataset.corpus.ImportedCorpus;
import org.stancebench.dataset.corpus.TabularColumns;
import org.stancebench.dataset.corpus.VastImporter;
import org.stancebench.dataset.storage.DatasetWriter;
import org.stancebench.dataset.storage.Manifest;
import org.stancebench.io.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stancebench dataset import}: reads a public corpus (TweetEval, iSarcasmEval, VAST) or any
 * CSV/JSONL file with named columns into a dataset directory written by the same writer as the seed
 * dataset, and prints the examples per split and label and where the files are.
 */
@Command(name = "import", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Import a corpus as a dataset directory (examples.jsonl, folds.json, MANIFEST.json, "
                + "DATACARD.md, croissant.json).",
            "Published splits are kept; a missing dev (and test) split is carved from train, seeded and "
                + "stratified, and the data card says so.",
            "FORMAT: tweeteval (a task folder such as tweeteval/irony or tweeteval/stance), isarcasmeval "
                + "(train.En.csv or its folder), vast (the folder with vast_train.csv and vast_test.csv), "
                + "csv, jsonl."},
        footer = {"", "Examples:",
            "  stancebench dataset import tweeteval --from ../shared/corpora/tweeteval/stance --out data/stance",
            "  stancebench dataset import vast --from ../shared/corpora/vast --out data/vast --seed 7",
            "  stancebench dataset import csv --from my.csv --text-column text --label-column stance --out data/my"})
final class DatasetImportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "tweeteval, isarcasmeval, vast, csv or jsonl.")
    String format;

    @Option(names = "--from", required = true, paramLabel = "PATH", description = "Corpus file or folder to read.")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory; one holding another dataset is replaced only with --overwrite, one "
                    + "holding anything else never.")
    Path out;

    @Option(names = "--overwrite", description = "Replace DIR when it holds a different dataset.")
    boolean overwrite;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "13",
            description = "Seed of carved splits and of the cross-validation folds.")
    long seed;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Dataset name (default: tweeteval-<task>[-<target>], isarcasmeval, vast, or the file's base name).")
    String name;

    @Option(names = "--dev-fraction", paramLabel = "F", defaultValue = "0.15",
            description = "Share of train carved out as dev when the corpus ships no dev split.")
    double devFraction;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.15",
            description = "Share carved out as test when the corpus ships no test split (isarcasmeval, csv, jsonl).")
    double testFraction;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "Cross-validation folds written to folds.json.")
    int folds;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "3", description = "Cross-validation repeats.")
    int repeats;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "tweeteval stance: import only this target (abortion, atheism, climate, feminist, hillary); default all, pooled, group = target.")
    String target;

    @Option(names = "--topic-separator", paramLabel = "TEXT",
            description = "vast: what joins topic and post into the text (default \""
                    + VastImporter.DEFAULT_SEPARATOR + "\").")
    String topicSeparator;

    @Option(names = "--text-column", paramLabel = "NAME", description = "csv/jsonl: column holding the text.")
    String textColumn;

    @Option(names = "--label-column", paramLabel = "NAME", description = "csv/jsonl: column holding the label.")
    String labelColumn;

    @Option(names = "--split-column", paramLabel = "NAME",
            description = "csv/jsonl: column holding train, dev (val, validation) or test; without it all three are carved.")
    String splitColumn;

    @Option(names = "--id-column", paramLabel = "NAME", description = "csv/jsonl: column holding a unique id.")
    String idColumn;

    @Option(names = "--group-column", paramLabel = "NAME",
            description = "csv/jsonl: column holding a group (topic, target).")
    String groupColumn;

    @Option(names = "--labels", paramLabel = "LABEL", split = ",",
            description = "csv/jsonl: the label set in canonical order; any other label is an error (default: the labels found, sorted).")
    List<String> labels;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "csv: field delimiter, one character or \\t (default ,).")
    String delimiter;

    @Override
    public Integer call() throws IOException {
        CorpusFormat corpusFormat = CorpusFormat.parse(format);
        ImportOptions options = new ImportOptions(name, seed, devFraction, testFraction);
        TabularColumns columns = null;
        if (textColumn != null || labelColumn != null || splitColumn != null || idColumn != null
                || groupColumn != null || labels != null) {
            if (textColumn == null || labelColumn == null) {
                throw new IllegalArgumentException("--text-column and --label-column go together");
            }
            columns = new TabularColumns(textColumn, labelColumn, splitColumn, idColumn, groupColumn, labels);
        }
        CorpusImport request = new CorpusImport(corpusFormat, from, options, target, topicSeparator, columns,
                delimiter());
        PrintWriter err = spec.commandLine().getErr();
        err.println("stancebench: importing " + corpusFormat.cliName() + " from " + from + " (seed " + seed + ")");
        err.flush();
        ImportedCorpus corpus = request.run();
        checkSplitsFilled(corpus);
        Manifest m = DatasetWriter.write(out, corpus.info(), corpus.examples(), corpus.seed(), folds, repeats,
                overwrite);
        PrintWriter o = spec.commandLine().getOut();
        o.println("Imported '" + m.name() + "' (" + m.examples() + " examples) from " + from + " into " + out);
        o.print(DatasetBuildCommand.countTable(m.labels(), m.counts()));
        Map<String, Integer> groups = corpus.groupCounts();
        if (!groups.isEmpty() && groups.size() <= 12) {
            o.println("groups: " + String.join(", ", groups.entrySet().stream()
                    .map(g -> g.getKey() + " " + g.getValue()).toList()));
        } else if (!groups.isEmpty()) {
            o.println("groups: " + groups.size() + " distinct");
        }
        o.println("folds: " + m.folds() + " x " + m.repeats() + " repeats, seed " + m.seed());
        o.println("fingerprint: " + m.fingerprint());
        for (String f : List.of(DatasetWriter.EXAMPLES, DatasetWriter.FOLDS, Manifest.FILE, DatasetWriter.DATACARD,
                DatasetWriter.CROISSANT)) {
            o.println("  " + out.resolve(f));
        }
        o.flush();
        return 0;
    }

    /** An import too small for the carving asked for says so, rather than leaving dev or test empty. */
    private void checkSplitsFilled(ImportedCorpus corpus) throws BadInputException {
        Map<String, Map<String, Integer>> counts = corpus.counts();
        for (String split : List.of("dev", "test")) {
            int n = counts.get(split).values().stream().mapToInt(Integer::intValue).sum();
            double fraction = split.equals("dev") ? devFraction : testFraction;
            if (n == 0 && fraction > 0) {
                int train = counts.get("train").values().stream().mapToInt(Integer::intValue).sum();
                throw BadInputException.in(from, String.format(Locale.ROOT, "too small: split %s would be empty "
                        + "(%d train example(s), --%s-fraction %s); import more data, or give --%s-fraction 0 to "
                        + "import without a %s split", split, train, split, fraction, split, split));
            }
        }
    }

    private Character delimiter() {
        if (delimiter == null) {
            return null;
        }
        if (delimiter.equals("\\t") || delimiter.equals("tab")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character or \\t, got '" + delimiter + "'");
        }
        return delimiter.charAt(0);
    }
}
