package org.stancebench.reports;

import java.util.List;
import java.util.Objects;

/**
 * A horizontal bar chart with a 95% confidence interval drawn as an error bar on each bar: the
 * leaderboard chart. One {@code rect.bar} and one {@code g.ci} per row, in the order given.
 * Values outside [0, 1] are clipped to the axis (every metric drawn here is a proportion).
 */
final class IntervalBarChart {
    private static final double LEFT = 180;
    private static final double PLOT = 420;
    private static final double ROW = 30;
    private static final double TOP = 30;

    /** One bar: a name, the value and its interval, and the bar's colour. */
    record Row(String name, double value, double lo, double hi, String colour) {
        Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(colour, "colour");
        }
    }

    private IntervalBarChart() {
    }

    static String render(String chart, String title, String axis, List<Row> rows) {
        double width = LEFT + PLOT + 170;
        double height = TOP + ROW * Math.max(1, rows.size()) + 40;
        Markup m = new Markup();
        Svg.begin(m, chart, width, height, title);
        double plotBottom = TOP + ROW * Math.max(1, rows.size());
        m.open("g", "class", "axis", "fill", "#555");
        for (int t = 0; t <= 10; t += 2) {
            double x = LEFT + PLOT * t / 10.0;
            m.empty("line", "x1", Markup.num(x), "y1", Markup.num(TOP - 5), "x2", Markup.num(x),
                    "y2", Markup.num(plotBottom), "stroke", "#ddd");
            m.element("text", Formats.fixed(t / 10.0, 1), "x", Markup.num(x), "y", Markup.num(plotBottom + 16),
                    "text-anchor", "middle");
        }
        m.element("text", axis, "x", Markup.num(LEFT + PLOT / 2), "y", Markup.num(plotBottom + 34),
                "text-anchor", "middle");
        m.close("g");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = TOP + ROW * i;
            double xv = LEFT + PLOT * Svg.clamp(r.value(), 0, 1);
            double xlo = LEFT + PLOT * Svg.clamp(r.lo(), 0, 1);
            double xhi = LEFT + PLOT * Svg.clamp(r.hi(), 0, 1);
            String tip = r.name() + ": " + Formats.metric(r.value()) + " " + Formats.interval(r.lo(), r.hi());
            m.element("text", r.name(), "x", Markup.num(LEFT - 8), "y", Markup.num(y + ROW / 2 + 4),
                    "text-anchor", "end");
            m.open("rect", "class", "bar", "x", Markup.num(LEFT), "y", Markup.num(y + 5),
                    "width", Markup.num(xv - LEFT), "height", Markup.num(ROW - 10), "fill", r.colour(),
                    "fill-opacity", "0.8");
            m.element("title", tip);
            m.close("rect");
            double cy = y + ROW / 2;
            m.open("g", "class", "ci", "stroke", "#222", "stroke-width", "1.5");
            m.element("title", "95% CI " + Formats.interval(r.lo(), r.hi()));
            m.empty("line", "x1", Markup.num(xlo), "y1", Markup.num(cy), "x2", Markup.num(xhi), "y2", Markup.num(cy));
            m.empty("line", "x1", Markup.num(xlo), "y1", Markup.num(cy - 6), "x2", Markup.num(xlo), "y2", Markup.num(cy + 6));
            m.empty("line", "x1", Markup.num(xhi), "y1", Markup.num(cy - 6), "x2", Markup.num(xhi), "y2", Markup.num(cy + 6));
            m.close("g");
            m.element("text", Formats.metric(r.value()) + " " + Formats.interval(r.lo(), r.hi()),
                    "x", Markup.num(LEFT + PLOT + 8), "y", Markup.num(cy + 4));
        }
        m.close("svg");
        return m.toString();
    }
}
