package org.stancebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.dataset.labels.LabelFile;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.dataset.storage.DatasetWriter;
import org.stancebench.dataset.storage.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stancebench dataset build}: builds the seed dataset directory from a page and its labels
 * (the built-in ones by default) and prints label counts per split and where the files are.
 */
@Command(name = "build", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Build the seed stance dataset: examples.jsonl, folds.json, MANIFEST.json, DATACARD.md, croissant.json.",
            "Same inputs and seed give byte-identical files (see docs/dataset-format.md)."})
final class DatasetBuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory; one holding a different dataset is replaced only with --overwrite, one "
                    + "holding anything else never. Rebuilding the same dataset needs no --overwrite.")
    Path out;

    @Option(names = "--overwrite", description = "Replace DIR when it holds a different dataset.")
    boolean overwrite;

    @Option(names = "--page", paramLabel = "FILE",
            description = "Page file (default: the built-in page \"Long live negotiations!\").")
    Path page;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Label file for the page (default: the built-in labels).")
    Path labels;

    @Option(names = "--pass", paramLabel = "FILE",
            description = {"An independent annotation pass (a label file by one annotator), given twice: the data card "
                + "then reports both passes and Cohen's kappa between them.",
                "Default: the two built-in passes with the built-in labels, none with --labels."})
    List<Path> passes = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "13",
            description = "Seed of the split and fold assignment.")
    long seed;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "Cross-validation folds (fewer when a label has fewer distinct texts).")
    int folds;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "3", description = "Cross-validation repeats.")
    int repeats;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        byte[] pageBytes = page == null ? PageParser.builtInBytes() : PageParser.readFile(page);
        String pageName = page == null ? PageParser.builtInName() : page.toString();
        byte[] labelBytes = labels == null ? LabelFile.builtInBytes() : PageParser.readFile(labels);
        String labelsName = labels == null ? LabelFile.builtInName() : labels.toString();
        List<LabelFile.Source> passSources = new ArrayList<>();
        if (passes.isEmpty() && labels == null) {
            passSources.addAll(LabelFile.builtInPasses());
        }
        for (Path p : passes) {
            passSources.add(LabelFile.Source.read(p));
        }
        if (!passSources.isEmpty() && passSources.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--pass needs exactly two files (one per annotator), got " + passSources.size());
        }
        err.println("stancebench: building dataset from " + pageName + " and " + labelsName
                + (passSources.isEmpty() ? "" : " with " + passSources.size() + " annotation passes") + " (seed "
                        + seed + ")");
        err.flush();
        Manifest m = SeedDataset.build(out, pageBytes, pageName, labelBytes, labelsName, passSources, seed, folds,
                repeats,
                overwrite);
        PrintWriter o = spec.commandLine().getOut();
        o.println("Built dataset '" + m.name() + "' (" + m.examples() + " examples) in " + out);
        o.print(countTable(m.labels(), m.counts()));
        o.println("folds: " + m.folds() + " x " + m.repeats() + " repeats, seed " + m.seed());
        o.println("fingerprint: " + m.fingerprint());
        for (String f : List.of(DatasetWriter.EXAMPLES, DatasetWriter.FOLDS, Manifest.FILE, DatasetWriter.DATACARD,
                DatasetWriter.CROISSANT)) {
            o.println("  " + out.resolve(f));
        }
        o.flush();
        return 0;
    }

    /** Label counts per split as an aligned text table, with a total row. */
    static String countTable(List<String> labels, Map<String, Map<String, Integer>> counts) {
        List<String> splits = List.of("train", "dev", "test", "all");
        int width = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + width + "s", "label"));
        splits.forEach(s -> sb.append(String.format(Locale.ROOT, " %6s", s)));
        sb.append('\n');
        int[] totals = new int[splits.size()];
        for (String label : labels) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s", label));
            for (int i = 0; i < splits.size(); i++) {
                int n = counts.get(splits.get(i)).getOrDefault(label, 0);
                totals[i] += n;
                sb.append(String.format(Locale.ROOT, " %6d", n));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-" + width + "s", "total"));
        for (int t : totals) {
            sb.append(String.format(Locale.ROOT, " %6d", t));
        }
        return sb.append('\n').toString();
    }
}
