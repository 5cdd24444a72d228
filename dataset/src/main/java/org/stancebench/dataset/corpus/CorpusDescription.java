package org.stancebench.dataset.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancebench.io.ContentHash;

/**
 * Collects the Markdown an importer hands to the data card: titled paragraphs plus the list of files
 * read, each with its SHA-256, so the card pins the exact bytes the dataset came from.
 */
final class CorpusDescription {
    private final StringBuilder text = new StringBuilder();
    private final List<String> files = new ArrayList<>();

    CorpusDescription section(String title, String body) {
        text.append("**").append(title).append(".** ").append(body.strip()).append("\n\n");
        return this;
    }

    CorpusDescription file(Path file, String role) throws IOException {
        files.add("- `" + file.getFileName() + "` (" + role + "): SHA-256 `" + sha256(file) + "`");
        return this;
    }

    CorpusDescription carving(String from, StratifiedCarver carver, boolean dev, boolean test, String keptTogether) {
        List<String> parts = new ArrayList<>();
        if (test) {
            parts.add(String.format("test (%s%%)", percent(carver.testFraction())));
        }
        if (dev) {
            parts.add(String.format("dev (%s%%)", percent(carver.devFraction())));
        }
        if (parts.isEmpty()) {
            return this;
        }
        return section("Carved splits", String.format(
                "The corpus ships no %s split, so %s %s carved from %s with seed %d: stratified by label "
                        + "(per label, clusters are drawn in seeded random order until the split holds its share, "
                        + "rounded), and %s always stay on the same side. These splits are StanceBench's, not the "
                        + "corpus authors'; scores on them are not comparable with published ones.",
                test && dev ? "dev or test" : test ? "test" : "dev", String.join(" and ", parts),
                parts.size() > 1 ? "were" : "was", from, carver.seed(), keptTogether));
    }

    CorpusDescription dropped(List<org.stancebench.dataset.Example> dropped) {
        if (dropped.isEmpty()) {
            return this;
        }
        return section("Dropped duplicates", dropped.size() + " example(s) were dropped because the same text "
                + "(after whitespace trimming) also occurs in a later split, and a text must never be on both sides "
                + "of a split: " + String.join(", ", dropped.stream()
                        .map(e -> "`" + e.id() + "` (" + e.split() + ")").toList()) + ".");
    }

    String build() {
        StringBuilder out = new StringBuilder(text);
        if (!files.isEmpty()) {
            out.append("**Files read.**\n\n").append(String.join("\n", files)).append("\n");
        }
        return out.toString().strip() + "\n";
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    static String sha256(Path file) throws IOException {
        return ContentHash.sha256(Files.readAllBytes(file));
    }
}
