package org.stancebench.reports;

import java.util.List;

/**
 * A vertical grouped bar chart: one group per category (a class label), one bar per series (a
 * classifier) inside each group, values on a [0, 1] axis. Exactly {@code groups × series} elements
 * {@code rect.bar}, group-major, so a test can count them.
 */
final class GroupedBarChart {
    private static final double LEFT = 50;
    private static final double PLOT_H = 220;
    private static final double BAR = 14;

    private GroupedBarChart() {
    }

    /**
     * @param values {@code values[s][g]}: the value of series {@code s} in group {@code g}; NaN draws
     *     no visible bar (the element is still there, with height 0, and says "n/a" in its title)
     */
    static String render(String chart, String title, String axis, List<String> groups, List<String> series,
                         List<String> colours, double[][] values) {
        double groupWidth = BAR * Math.max(1, series.size()) + 24;
        double width = Math.max(LEFT + groupWidth * groups.size() + 20, 360);
        double top = 24 + Svg.LEGEND_LINE * Svg.legendLines(series, width - LEFT - 10);
        double height = top + PLOT_H + 50;
        Markup m = new Markup();
        Svg.begin(m, chart, width, height, title);
        Svg.legend(m, series, colours, LEFT, 18, width - LEFT - 10);
        double bottom = top + PLOT_H;
        m.open("g", "class", "axis", "fill", "#555");
        for (int t = 0; t <= 10; t += 2) {
            double y = bottom - PLOT_H * t / 10.0;
            m.empty("line", "x1", Markup.num(LEFT), "y1", Markup.num(y), "x2", Markup.num(width - 10),
                    "y2", Markup.num(y), "stroke", "#ddd");
            m.element("text", Formats.fixed(t / 10.0, 1), "x", Markup.num(LEFT - 6), "y", Markup.num(y + 4),
                    "text-anchor", "end");
        }
        m.element("text", axis, "x", "12", "y", Markup.num(top + PLOT_H / 2), "text-anchor", "middle",
                "transform", "rotate(-90 12 " + Markup.num(top + PLOT_H / 2) + ")");
        m.close("g");
        for (int g = 0; g < groups.size(); g++) {
            double gx = LEFT + 12 + groupWidth * g;
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][g];
                double h = PLOT_H * Svg.clamp(v, 0, 1);
                m.open("rect", "class", "bar", "x", Markup.num(gx + BAR * s), "y", Markup.num(bottom - h),
                        "width", Markup.num(BAR - 2), "height", Markup.num(h), "fill", colours.get(s));
                m.element("title", series.get(s) + ", " + groups.get(g) + ": " + Formats.metric(v));
                m.close("rect");
            }
            m.element("text", groups.get(g), "x", Markup.num(gx + BAR * series.size() / 2.0),
                    "y", Markup.num(bottom + 16), "text-anchor", "middle");
        }
        m.close("svg");
        return m.toString();
    }
}
