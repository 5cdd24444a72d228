package org.stancebench.dataset.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One import request as the command line states it: a format, where to read, shared options, and
 * the options only some formats take. Guarantees: an option given to a format that does not use it
 * is rejected with a message naming the option, rather than silently ignored; {@link #run()} is
 * deterministic in the files read and the options.
 *
 * @param format the corpus layout
 * @param from the file or folder to read
 * @param options name, seed and carving fractions
 * @param target TweetEval only: import only this stance target; null for all
 * @param topicSeparator VAST only: what joins topic and post; null for {@value VastImporter#DEFAULT_SEPARATOR}
 * @param columns CSV and JSONL only (required there): which columns hold what
 * @param delimiter CSV only: the field delimiter; null for a comma
 */
public record CorpusImport(CorpusFormat format, Path from, ImportOptions options, String target,
                           String topicSeparator, TabularColumns columns, Character delimiter) {
    public CorpusImport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(options, "options");
        List<String> misplaced = new ArrayList<>();
        if (target != null && format != CorpusFormat.TWEETEVAL) {
            misplaced.add("--target (tweeteval only)");
        }
        if (topicSeparator != null && format != CorpusFormat.VAST) {
            misplaced.add("--topic-separator (vast only)");
        }
        boolean tabular = format == CorpusFormat.CSV || format == CorpusFormat.JSONL;
        if (columns != null && !tabular) {
            misplaced.add("column options (csv and jsonl only)");
        }
        if (delimiter != null && format != CorpusFormat.CSV) {
            misplaced.add("--delimiter (csv only)");
        }
        if (!misplaced.isEmpty()) {
            throw new IllegalArgumentException("format " + format.cliName() + " does not take "
                    + String.join(", ", misplaced));
        }
        if (tabular && columns == null) {
            throw new IllegalArgumentException("format " + format.cliName()
                    + " needs --text-column and --label-column");
        }
    }

    /** Reads the corpus. */
    public ImportedCorpus run() throws IOException {
        return switch (format) {
            case TWEETEVAL -> TweetEvalImporter.importTask(from, target, options);
            case ISARCASMEVAL -> ISarcasmEvalImporter.importFile(from, options);
            case VAST -> VastImporter.importFolder(from,
                    topicSeparator == null ? VastImporter.DEFAULT_SEPARATOR : topicSeparator, options);
            case CSV -> TabularImporter.importCsv(from, delimiter == null ? ',' : delimiter, columns, options);
            case JSONL -> TabularImporter.importJsonl(from, columns, options);
        };
    }
}
