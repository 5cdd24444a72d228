package org.stancebench.dataset.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.stancebench.io.ContentHash;

/**
 * One labelled unit of a page: the headline, the subtitle, a body sentence or a whole comment, with
 * an id derived from its position and the SHA-256 of its text.
 *
 * <p>Ids are {@code PREFIX/h01} (headline), {@code PREFIX/h02} (subtitle, when present),
 * {@code PREFIX/s01}, {@code PREFIX/s02} ... (body sentences in reading order) and {@code PREFIX/c01}
 * ... (comments in page order); numbers have at least two digits, more when a page has 100 or more
 * sentences or comments. The same page always gives the same units.
 *
 * @param id the position-derived id
 * @param unit {@code headline}, {@code subtitle}, {@code sentence} or {@code comment}
 * @param text the unit's text
 * @param sha256 SHA-256 of {@code text} in UTF-8, lower-case hex
 */
public record PageUnit(String id, String unit, String text, String sha256) {

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public PageUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(text, "text");
        if (!sha256.equals(ContentHash.sha256(text))) {
            throw new IllegalArgumentException("unit " + id + ": sha256 does not match its text");
        }
    }

    /** A unit whose hash is computed from its text. */
    public static PageUnit of(String id, String unit, String text) {
        return new PageUnit(id, unit, text, ContentHash.sha256(text));
    }

    /** Every unit of {@code page}, in reading order, with ids under {@code prefix} (for example {@code seed}). */
    public static List<PageUnit> units(Page page, String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("id prefix must match " + PREFIX + ": '" + prefix + "'");
        }
        List<PageUnit> out = new ArrayList<>();
        out.add(of(prefix + "/h01", "headline", page.title()));
        if (page.subtitle() != null) {
            out.add(of(prefix + "/h02", "subtitle", page.subtitle()));
        }
        List<String> sentences = new ArrayList<>();
        for (String paragraph : page.paragraphs()) {
            sentences.addAll(SentenceSplitter.split(paragraph));
        }
        int width = Math.max(2, String.valueOf(Math.max(sentences.size(), page.comments().size())).length());
        for (int i = 0; i < sentences.size(); i++) {
            out.add(of(prefix + "/s" + pad(i + 1, width), "sentence", sentences.get(i)));
        }
        for (Page.Comment c : page.comments()) {
            out.add(of(prefix + "/c" + pad(c.index(), width), "comment", c.text()));
        }
        return out;
    }

    private static String pad(int n, int width) {
        String s = String.valueOf(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
