package org.stancebench.dataset.storage;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancebench.dataset.Example;

/**
 * What makes a dataset directory load on the Hugging Face Hub without thinking: one JSON-lines file per
 * split under the Hub's split names ({@code train.jsonl}, {@code validation.jsonl} for StanceBench's
 * {@code dev}, {@code test.jsonl}; a split with no examples has no file) and a {@code README.md}
 * dataset card whose YAML front matter names them ({@code configs}), declares the label as a
 * {@code ClassLabel} in the dataset's label order ({@code dataset_info}) and carries licence, language,
 * task, size and title, followed by the data card's own text. Deterministic like everything the
 * writer produces.
 */
final class HubCard {
    /** The dataset card file name the Hub reads. */
    static final String README = "README.md";
    /** StanceBench split name -> the Hub's name and the file holding it, in order. */
    static final Map<String, String> SPLIT_NAMES = Map.of("train", "train", "dev", "validation", "test", "test");
    static final List<String> SPLITS = List.of("train", "dev", "test");

    private HubCard() {
    }

    /** The Hub's file for StanceBench split {@code split}, for example {@code validation.jsonl}. */
    static String fileOf(String split) {
        return SPLIT_NAMES.get(split) + ".jsonl";
    }

    /** The Parquet twin of {@link #fileOf}, for example {@code validation.parquet}. */
    static String parquetOf(String split) {
        return SPLIT_NAMES.get(split) + ".parquet";
    }

    /**
     * The per-split files, JSON lines and Parquet: each example as in {@code examples.jsonl} without
     * {@code split}, which the file name says; splits without examples are left out.
     */
    static Map<String, byte[]> splitFiles(List<Example> examples) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String split : SPLITS) {
            List<Example> in = examples.stream().filter(e -> e.split().equals(split)).toList();
            if (in.isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (Example e : in) {
                sb.append(DatasetWriter.exampleLine(e, false)).append('\n');
            }
            files.put(fileOf(split), sb.toString().getBytes(StandardCharsets.UTF_8));
            files.put(parquetOf(split), ParquetSplitFile.write(in,
                    DatasetWriter.GENERATOR + " version " + DatasetWriter.GENERATOR_VERSION));
        }
        return files;
    }

    /** {@code README.md}: the Hub's YAML front matter, then the data card. */
    static byte[] readme(DatasetDescription info, byte[] dataCard, Map<String, Map<String, Integer>> counts, int size) {
        StringBuilder y = new StringBuilder("---\n");
        y.append("pretty_name: ").append(quote(info.title())).append('\n');
        y.append("language:\n- en\n");
        y.append("license: ").append(licenseId(info.license())).append('\n');
        y.append("task_categories:\n- text-classification\n");
        y.append("tags:\n- stance-detection\n- stancebench\n");
        y.append("size_categories:\n- ").append(sizeCategory(size)).append('\n');
        y.append("configs:\n- config_name: default\n  data_files:\n");
        for (String split : SPLITS) {
            if (total(counts.get(split)) > 0) {
                y.append("  - split: ").append(SPLIT_NAMES.get(split)).append("\n    path: ").append(fileOf(split))
                        .append('\n');
            }
        }
        y.append("dataset_info:\n  features:\n");
        for (String column : List.of("id", "text")) {
            y.append("  - name: ").append(column).append("\n    dtype: string\n");
        }
        y.append("  - name: label\n    dtype:\n      class_label:\n        names:\n");
        for (int i = 0; i < info.labels().size(); i++) {
            y.append("          '").append(i).append("': ").append(quote(info.labels().get(i))).append('\n');
        }
        for (String column : List.of("unit", "source", "group", "sha256")) {
            y.append("  - name: ").append(column).append("\n    dtype: string\n");
        }
        y.append("  splits:\n");
        for (String split : SPLITS) {
            int n = total(counts.get(split));
            if (n > 0) {
                y.append("  - name: ").append(SPLIT_NAMES.get(split)).append("\n    num_examples: ").append(n).append('\n');
            }
        }
        y.append("---\n\n");
        y.append("<!-- The Hugging Face Hub reads the YAML above: load with datasets.load_dataset(\"json\", "
                + "data_files=...) or from this directory; StanceBench's dev split is the Hub's validation. -->\n\n");
        byte[] head = y.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + dataCard.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(dataCard, 0, out, head.length, dataCard.length);
        return out;
    }

    /** The Hub's licence id for a licence statement: a known id, else {@code other} or {@code unknown}. */
    static String licenseId(String license) {
        String l = license.toLowerCase(Locale.ROOT);
        if (l.startsWith("unknown")) {
            return "unknown";
        }
        if (l.startsWith("mit")) {
            return "mit";
        }
        if ((l.startsWith("cc by 4.0") || l.startsWith("cc-by-4.0")) && !l.contains("no open licence")) {
            return "cc-by-4.0";
        }
        return "other"; // mixed or unstated terms: the card's text says which
    }

    static String sizeCategory(int n) {
        if (n < 1_000) {
            return "n<1K";
        }
        if (n < 10_000) {
            return "1K<n<10K";
        }
        if (n < 100_000) {
            return "10K<n<100K";
        }
        return n < 1_000_000 ? "100K<n<1M" : "1M<n<10M";
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static int total(Map<String, Integer> byLabel) {
        return byLabel == null ? 0 : byLabel.values().stream().mapToInt(Integer::intValue).sum();
    }
}
