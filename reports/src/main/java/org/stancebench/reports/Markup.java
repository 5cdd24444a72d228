package org.stancebench.reports;

import java.util.Locale;

/**
 * An append-only writer of well-formed XML-compatible markup (the HTML report and its inline SVG).
 *
 * <p>Guarantees: every text and attribute value passes through {@link #escape(String)}, so any
 * string from a results file (a classifier name, a label, a path) cannot break the document;
 * elements are closed in the order they were opened (checked); numbers are formatted with
 * {@link Locale#ROOT} so the output does not depend on the machine's locale. The result parses as
 * XML and as HTML, which is what lets the tests check the report's structure with an XML parser.
 */
final class Markup {
    private final StringBuilder out = new StringBuilder(1 << 14);
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    /** Opens {@code tag} with attributes given as name, value pairs (a null value omits the attribute). */
    Markup open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    Markup close(String tag) {
        String top = open.poll();
        if (!tag.equals(top)) {
            throw new IllegalStateException("closing <" + tag + "> but <" + top + "> is open");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with no content, written {@code <tag .../>} (SVG shapes, HTML void elements). */
    Markup empty(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only escaped text. */
    Markup element(String tag, String text, String... attributes) {
        open(tag, attributes);
        text(text);
        return close(tag);
    }

    /** Escaped text content. */
    Markup text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup produced by another {@code Markup}, or constant markup written in this package. */
    Markup raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A line break in the source, to keep the file readable and diffs small. */
    Markup newline() {
        out.append('\n');
        return this;
    }

    /** The markup written so far; every element must be closed. */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void start(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes of <" + tag + "> are not name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    /**
     * Escapes text for use as XML or HTML content or a double- or single-quoted attribute value.
     * Characters that XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become
     * U+FFFD, so a stray control character in a text cannot make the document unparseable.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                            || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A coordinate or size with one decimal, locale-independent; {@code -0.0} prints as {@code 0}. */
    static String num(double value) {
        double rounded = Math.round(value * 10.0) / 10.0;
        if (rounded == 0.0) {
            return "0";
        }
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }
}
