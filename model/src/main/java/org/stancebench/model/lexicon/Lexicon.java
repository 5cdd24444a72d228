package org.stancebench.model.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed cue file: cues per label with weights, and the matching rules shared by training and
 * prediction.
 *
 * <p>File format (UTF-8, tab-separated): lines starting with {@code #} and blank lines are
 * ignored; the first other line is the header {@code label, cue, weight, comment}; every further
 * line has exactly those four fields. Immutable.
 */
final class Lexicon {
    static final List<String> HEADER = List.of("label", "cue", "weight", "comment");

    private final List<Cue> cues;
    private final List<Cue.Matcher> matchers;

    private Lexicon(List<Cue> cues, List<Cue.Matcher> matchers) {
        this.cues = List.copyOf(cues);
        this.matchers = List.copyOf(matchers);
    }

    /**
     * Parses a cue file.
     *
     * @param source names the file in error messages
     * @throws IllegalArgumentException with one line naming {@code source}, the line and the problem
     */
    static Lexicon parse(String content, String source) {
        List<Cue> cues = new ArrayList<>();
        List<Cue.Matcher> matchers = new ArrayList<>();
        boolean headerSeen = false;
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            List<String> fields = List.of(line.split("\t", -1));
            if (!headerSeen) {
                if (!fields.equals(HEADER)) {
                    throw new IllegalArgumentException(where + "expected the header 'label<TAB>cue<TAB>weight<TAB>comment'");
                }
                headerSeen = true;
                continue;
            }
            if (fields.size() != 4) {
                throw new IllegalArgumentException(where + "expected 4 tab-separated fields, found " + fields.size());
            }
            String label = fields.get(0).strip();
            if (label.isEmpty()) {
                throw new IllegalArgumentException(where + "empty label");
            }
            if (fields.get(1).isBlank()) {
                throw new IllegalArgumentException(where + "empty cue");
            }
            double weight;
            try {
                weight = Double.parseDouble(fields.get(2).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "weight '" + fields.get(2) + "' is not a number");
            }
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException(where + "weight '" + fields.get(2) + "' is not finite");
            }
            Cue cue = new Cue(label, fields.get(1), weight, fields.get(3));
            try {
                matchers.add(cue.matcher());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + "invalid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
            cues.add(cue);
        }
        if (!headerSeen) {
            throw new IllegalArgumentException(source + ": no header line 'label<TAB>cue<TAB>weight<TAB>comment'");
        }
        return new Lexicon(cues, matchers);
    }

    /**
     * The form both texts and literal cues are matched in: lower case (root locale), typographic
     * quotes and apostrophes made straight, every run of whitespace one space, trimmed.
     */
    static String normalise(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // One pass instead of a regex replace: texts may be 100,000 characters long.
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> out.append('"');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Every cue, in file order. */
    List<Cue> cues() {
        return cues;
    }

    /** The labels the cues name, in order of first appearance. */
    List<String> labels() {
        return cues.stream().map(Cue::label).distinct().toList();
    }

    /**
     * The summed weights of the cues present in {@code text}, per entry of {@code labels}; cues for
     * labels outside {@code labels} are ignored.
     */
    double[] cueScores(String text, List<String> labels) {
        String normalised = normalise(text);
        double[] scores = new double[labels.size()];
        for (int c = 0; c < cues.size(); c++) {
            int k = labels.indexOf(cues.get(c).label());
            if (k >= 0 && matchers.get(c).matches(normalised)) {
                scores[k] += cues.get(c).weight();
            }
        }
        return scores;
    }

    /** Whether any cue names a label of {@code labels}. */
    boolean covers(Set<String> labels) {
        return cues.stream().anyMatch(c -> labels.contains(c.label()));
    }
}
