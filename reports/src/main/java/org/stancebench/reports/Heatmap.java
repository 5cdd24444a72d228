package org.stancebench.reports;

import java.util.List;

/**
 * A matrix drawn as coloured cells with their value written inside: confusion matrices (counts,
 * shaded by the share of the row) and the pairwise significance matrix (p-values). Exactly
 * {@code rows × columns} elements {@code rect.cell}, row-major.
 */
final class Heatmap {
    private static final double CELL = 40;
    private static final double TOP = 70;

    private Heatmap() {
    }

    /**
     * @param text what to write in each cell
     * @param fill each cell's colour ({@code #rrggbb})
     * @param tips each cell's tooltip
     */
    static String render(String chart, String title, String rowAxis, String columnAxis, List<String> rows,
                         List<String> columns, String[][] text, String[][] fill, String[][] tips) {
        int longest = 0;
        for (String r : rows) {
            longest = Math.max(longest, r.length());
        }
        double left = 24 + 6.5 * longest;
        double width = left + CELL * columns.size() + 20;
        double height = TOP + CELL * rows.size() + 30;
        Markup m = new Markup();
        Svg.begin(m, chart, width, height, title);
        m.element("text", columnAxis, "x", Markup.num(left + CELL * columns.size() / 2.0), "y", "14",
                "text-anchor", "middle", "fill", "#555");
        m.element("text", rowAxis, "x", "12", "y", Markup.num(TOP + CELL * rows.size() / 2.0),
                "text-anchor", "middle", "fill", "#555",
                "transform", "rotate(-90 12 " + Markup.num(TOP + CELL * rows.size() / 2.0) + ")");
        for (int c = 0; c < columns.size(); c++) {
            double x = left + CELL * c + CELL / 2;
            // Column names are slanted so long labels do not overlap.
            m.element("text", columns.get(c), "x", Markup.num(x), "y", Markup.num(TOP - 8),
                    "transform", "rotate(-30 " + Markup.num(x) + " " + Markup.num(TOP - 8) + ")");
        }
        for (int r = 0; r < rows.size(); r++) {
            double y = TOP + CELL * r;
            m.element("text", rows.get(r), "x", Markup.num(left - 6), "y", Markup.num(y + CELL / 2 + 4),
                    "text-anchor", "end");
            for (int c = 0; c < columns.size(); c++) {
                double x = left + CELL * c;
                m.open("rect", "class", "cell", "x", Markup.num(x), "y", Markup.num(y), "width", Markup.num(CELL),
                        "height", Markup.num(CELL), "fill", fill[r][c], "stroke", "#fff");
                m.element("title", tips[r][c]);
                m.close("rect");
                m.element("text", text[r][c], "x", Markup.num(x + CELL / 2), "y", Markup.num(y + CELL / 2 + 4),
                        "text-anchor", "middle", "fill", dark(fill[r][c]) ? "#fff" : "#111");
            }
        }
        m.close("svg");
        return m.toString();
    }

    /** Linear blend of two {@code #rrggbb} colours; {@code t} in [0, 1]. */
    static String blend(String from, String to, double t) {
        double u = Svg.clamp(t, 0, 1);
        StringBuilder b = new StringBuilder("#");
        for (int i = 1; i < 7; i += 2) {
            int a = Integer.parseInt(from.substring(i, i + 2), 16);
            int z = Integer.parseInt(to.substring(i, i + 2), 16);
            b.append(String.format(java.util.Locale.ROOT, "%02x", (int) Math.round(a + (z - a) * u)));
        }
        return b.toString();
    }

    /** Whether white text reads better than black on {@code colour} (relative luminance below 0.45). */
    static boolean dark(String colour) {
        int r = Integer.parseInt(colour.substring(1, 3), 16);
        int g = Integer.parseInt(colour.substring(3, 5), 16);
        int b = Integer.parseInt(colour.substring(5, 7), 16);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0 < 0.45;
    }
}
