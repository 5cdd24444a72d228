package org.stancebench.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --format} (and {@code --json}, its short form) for commands whose stdout other tools read:
 * {@code json} is one JSON document on stdout (progress and messages stay on stderr).
 */
final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output on stdout: md (Markdown), text or json, as the command offers; default its first.")
    String format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    /** The format asked for, checked against {@code offered} (the first is the default). */
    String resolve(List<String> offered) {
        if (json && format != null && !format.equals("json")) {
            throw new IllegalArgumentException("--json and --format " + format + " contradict each other");
        }
        String f = json ? "json" : format == null ? offered.get(0) : format;
        if (!offered.contains(f)) {
            throw new IllegalArgumentException("--format must be one of " + String.join(", ", offered) + ", got '" + f + "'");
        }
        return f;
    }
}
