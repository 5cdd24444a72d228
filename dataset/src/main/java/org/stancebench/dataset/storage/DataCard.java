package org.stancebench.dataset.storage;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stancebench.dataset.Example;
import org.stancebench.dataset.splitting.Splits;

/** Renders {@code DATACARD.md}: the dataset's own words from {@link DatasetDescription} plus computed tables. */
final class DataCard {

    private DataCard() {
    }

    static byte[] markdown(DatasetDescription info, List<Example> examples, Map<String, Map<String, Integer>> counts,
                           long seed, int folds, int repeats, String fingerprint, Map<String, String> hashes) {
        StringBuilder md = new StringBuilder();
        md.append("# Data card: ").append(info.title()).append("\n\n");
        md.append("Dataset `").append(info.name()).append("`, written by ").append(DatasetWriter.GENERATOR)
                .append(' ').append(DatasetWriter.GENERATOR_VERSION).append(" with seed ").append(seed)
                .append(".\nFingerprint: `").append(fingerprint).append("`.\n\n");

        md.append("## Motivation\n\n").append(info.description().strip()).append("\n\n");

        md.append("## Composition\n\n");
        md.append(examples.size()).append(" examples, labels `").append(String.join("`, `", info.labels()))
                .append("`.\n\n");
        md.append("| label | train | dev | test | all | share |\n|---|---:|---:|---:|---:|---:|\n");
        for (String label : info.labels()) {
            md.append("| ").append(label);
            for (String split : List.of("train", "dev", "test", "all")) {
                md.append(" | ").append(counts.get(split).get(label));
            }
            md.append(" | ").append(DatasetWriter.percent(counts.get("all").get(label), examples.size())).append(" |\n");
        }
        md.append("| **total**");
        for (String split : List.of("train", "dev", "test", "all")) {
            md.append(" | ").append(counts.get(split).values().stream().mapToInt(Integer::intValue).sum());
        }
        md.append(" | 100% |\n\n");

        Map<String, Integer> units = new TreeMap<>();
        Map<String, Integer> groups = new TreeMap<>();
        for (Example e : examples) {
            units.merge(e.unit(), 1, Integer::sum);
            if (e.group() != null) {
                groups.merge(e.group(), 1, Integer::sum);
            }
        }
        md.append("Units: ");
        md.append(String.join(", ", units.entrySet().stream().map(u -> u.getValue() + " " + u.getKey()).toList()));
        md.append(".\n");
        if (!groups.isEmpty()) {
            md.append("Groups: ");
            md.append(String.join(", ", groups.entrySet().stream().map(g -> g.getKey() + " (" + g.getValue() + ")").toList()));
            md.append(".\n");
        }
        md.append("\nCross-validation: ").append(folds).append(" folds x ").append(repeats)
                .append(" repeats over all examples (`folds.json`), stratified by label; identical texts are kept "
                        + "in the same split and the same fold.");
        Map<String, Integer> rare = Splits.rareLabels(examples.stream().map(Splits.Item::of).toList(), folds);
        rare.forEach((label, texts) -> md.append(" Label `").append(label).append("` has ").append(texts)
                .append(texts == 1 ? " distinct text" : " distinct texts").append(", fewer than the folds: it is held out in ")
                .append(texts).append(" of the ").append(folds).append(" folds of each repeat")
                .append(texts == 1 ? ", where no training example has it." : "."));
        md.append("\n\n");

        md.append("## Source\n\n").append(info.source().strip()).append("\n\n");
        md.append("License: ").append(info.license()).append(".\n");
        if (info.url() != null) {
            md.append("URL: ").append(info.url()).append("\n");
        }
        md.append('\n');

        md.append("## Labelling process\n\n").append(info.labelling().strip()).append("\n\n");

        md.append("## Known limits\n\n");
        md.append("- Size: ").append(examples.size()).append(" examples");
        md.append(" (").append(counts.get("test").values().stream().mapToInt(Integer::intValue).sum())
                .append(" in test)");
        // Below about a thousand examples, a single accuracy figure moves by several points per error.
        md.append(examples.size() < 1000 ? "; every score on it has a wide confidence interval.\n" : ".\n");
        Map.Entry<String, Integer> largest = counts.get("all").entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow();
        Map.Entry<String, Integer> smallest = counts.get("all").entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow();
        md.append("- Class imbalance: the largest class `").append(largest.getKey()).append("` has ")
                .append(largest.getValue()).append(" examples, the smallest `").append(smallest.getKey())
                .append("` ").append(smallest.getValue());
        if (smallest.getValue() > 0) {
            md.append(String.format(Locale.ROOT, " (ratio %.1f : 1)", (double) largest.getValue() / smallest.getValue()));
        }
        md.append("; report macro-averaged scores.\n");
        Map<String, Integer> textCounts = new HashMap<>();
        examples.forEach(e -> textCounts.merge(e.sha256(), 1, Integer::sum));
        long repeated = textCounts.values().stream().filter(c -> c > 1).count();
        if (repeated > 0) {
            md.append("- Repeated texts: ").append(repeated).append(" text(s) occur more than once; "
                    + "each is kept within one split and one fold.\n");
        }
        for (String limit : info.limits()) {
            md.append("- ").append(limit.strip()).append('\n');
        }
        md.append('\n');

        md.append("## Files\n\n| file | sha256 |\n|---|---|\n");
        new TreeMap<>(hashes).forEach((name, sha) -> md.append("| `").append(name).append("` | `").append(sha).append("` |\n"));
        md.append("\n`MANIFEST.json` lists the SHA-256 of every file, this one included; "
                + "`stancebench dataset verify DIR` re-checks them.\n");
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }
}
