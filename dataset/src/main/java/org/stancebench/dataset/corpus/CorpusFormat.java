package org.stancebench.dataset.corpus;

import java.util.Arrays;
import java.util.Locale;

/** The corpus layouts {@code stancebench dataset import} reads, by their command-line names. */
public enum CorpusFormat {
    /** A TweetEval task folder (github.com/cardiffnlp/tweeteval), including stance with its targets. */
    TWEETEVAL,
    /** iSarcasmEval's English training CSV. */
    ISARCASMEVAL,
    /** VAST's {@code vast_train.csv} and {@code vast_test.csv}. */
    VAST,
    /** Any CSV file with a header and named text and label columns. */
    CSV,
    /** Any JSON Lines file with named text and label fields. */
    JSONL;

    /** The command-line name, lower case. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format with this command-line name (case-insensitive). */
    public static CorpusFormat parse(String name) {
        for (CorpusFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown corpus format '" + name + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(CorpusFormat::cliName).toList()));
    }
}
