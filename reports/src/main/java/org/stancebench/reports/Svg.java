package org.stancebench.reports;

import java.util.List;

/**
 * The pieces every inline SVG chart of the HTML report shares: the root element, the colour of a
 * series, the legend and tick values. Colours come from a fixed palette (Okabe and Ito's, readable
 * with the common colour-vision deficiencies), assigned by series position, so the same results
 * always get the same colours.
 */
final class Svg {
    static final String NS = "http://www.w3.org/2000/svg";
    private static final List<String> PALETTE = List.of(
            "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
            "#7F7F7F", "#8C564B");

    private Svg() {
    }

    /** Opens the {@code <svg>} root with an accessible title; the caller closes it. */
    static void begin(Markup m, String chart, double width, double height, String title) {
        m.open("svg", "xmlns", NS, "class", "chart", "data-chart", chart,
                "width", Markup.num(width), "height", Markup.num(height),
                "viewBox", "0 0 " + Markup.num(width) + " " + Markup.num(height),
                "role", "img", "aria-label", title, "font-family", "sans-serif", "font-size", "12");
        m.element("title", title);
    }

    /** The colour of series {@code index}. */
    static String colour(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** Height of one legend line. */
    static final double LEGEND_LINE = 16;

    /**
     * A legend: one swatch and name per series, in the series' colours, from (x, y), wrapping onto a
     * new line when a line would grow wider than {@code width}.
     */
    static void legend(Markup m, List<String> names, List<String> colours, double x, double y, double width) {
        m.open("g", "class", "legend");
        double cx = x;
        double cy = y;
        for (int i = 0; i < names.size(); i++) {
            double w = itemWidth(names.get(i));
            if (cx > x && cx + w > x + width) {
                cx = x;
                cy += LEGEND_LINE;
            }
            m.empty("rect", "x", Markup.num(cx), "y", Markup.num(cy - 9), "width", "10", "height", "10",
                    "fill", colours.get(i));
            m.element("text", names.get(i), "x", Markup.num(cx + 14), "y", Markup.num(cy));
            cx += w;
        }
        m.close("g");
    }

    /** Number of lines {@link #legend} takes for these names in {@code width}. */
    static int legendLines(List<String> names, double width) {
        int lines = 1;
        double cx = 0;
        for (String n : names) {
            double w = itemWidth(n);
            if (cx > 0 && cx + w > width) {
                lines++;
                cx = 0;
            }
            cx += w;
        }
        return lines;
    }

    private static double itemWidth(String name) {
        // An estimate of 12px sans-serif text: about 6.5 pixels per character.
        return 24 + 6.5 * name.length();
    }

    /** A "nice" upper bound for an axis starting at zero: 1, 2 or 5 times a power of ten. */
    static double niceMax(double max) {
        if (!(max > 0) || !Double.isFinite(max)) {
            return 1.0;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= max * 0.9999999) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** A value clamped to [lo, hi], with NaN mapped to lo so a missing number draws nothing odd. */
    static double clamp(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return lo;
        }
        return Math.max(lo, Math.min(hi, v));
    }
}
