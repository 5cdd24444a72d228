package org.stancebench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart of several series of points, with optional error bars and an optional {@code y = x}
 * reference line: the reliability diagram (confidence against accuracy, on [0, 1] × [0, 1]) and
 * throughput against batch size (logarithmic x axis). One {@code circle.point} per point.
 */
final class LineChart {
    private static final double LEFT = 70;
    /** Plot area of a full-size chart. */
    static final double PLOT_W = 440;
    static final double PLOT_H = 280;

    /** One point; {@code error} is a half-width drawn as a vertical error bar (0 for none). */
    record Point(double x, double y, double error, String tip) {
        Point {
            Objects.requireNonNull(tip, "tip");
        }
    }

    /**
     * The axes: ranges, titles, whether x is logarithmic (base 2), whether y is logarithmic (base 10,
     * for figures spanning orders of magnitude such as throughputs) and whether to draw y = x.
     */
    record Axes(String xTitle, double xMin, double xMax, boolean logX, String yTitle, double yMin, double yMax,
                boolean logY, boolean diagonal) {
        Axes {
            if (!(xMax > xMin) || !(yMax > yMin) || (logX && !(xMin > 0)) || (logY && !(yMin > 0))) {
                throw new IllegalArgumentException("empty or invalid axis range");
            }
        }
    }

    private LineChart() {
    }

    static String render(String chart, String title, Axes axes, List<String> series, List<String> colours,
                         List<List<Point>> points) {
        return render(chart, title, axes, series, colours, points, PLOT_W, PLOT_H);
    }

    /** The chart with a plot area of {@code plotW × plotH} pixels (small multiples use a small one). */
    static String render(String chart, String title, Axes axes, List<String> series, List<String> colours,
                         List<List<Point>> points, double plotW, double plotH) {
        Box box = new Box(plotW, plotH);
        double width = LEFT + plotW + 30;
        double top = 24 + Svg.LEGEND_LINE * Svg.legendLines(series, plotW);
        double height = top + plotH + 50;
        Markup m = new Markup();
        Svg.begin(m, chart, width, height, title);
        Svg.legend(m, series, colours, LEFT, 18, plotW);
        double bottom = top + plotH;
        m.open("g", "class", "axis", "fill", "#555");
        m.empty("rect", "x", Markup.num(LEFT), "y", Markup.num(top), "width", Markup.num(plotW),
                "height", Markup.num(plotH), "fill", "none", "stroke", "#bbb");
        for (double xt : xTicks(axes)) {
            double x = sx(axes, box, xt);
            m.empty("line", "x1", Markup.num(x), "y1", Markup.num(top), "x2", Markup.num(x), "y2", Markup.num(bottom),
                    "stroke", "#eee");
            m.element("text", tickLabel(xt), "x", Markup.num(x), "y", Markup.num(bottom + 16), "text-anchor", "middle");
        }
        for (double yt : yTicks(axes)) {
            double y = sy(axes, box, top, yt);
            m.empty("line", "x1", Markup.num(LEFT), "y1", Markup.num(y), "x2", Markup.num(LEFT + plotW),
                    "y2", Markup.num(y), "stroke", "#eee");
            m.element("text", tickLabel(yt), "x", Markup.num(LEFT - 6), "y", Markup.num(y + 4), "text-anchor", "end");
        }
        m.element("text", axes.xTitle(), "x", Markup.num(LEFT + plotW / 2), "y", Markup.num(bottom + 36),
                "text-anchor", "middle");
        m.element("text", axes.yTitle(), "x", "14", "y", Markup.num(top + plotH / 2), "text-anchor", "middle",
                "transform", "rotate(-90 14 " + Markup.num(top + plotH / 2) + ")");
        m.close("g");
        if (axes.diagonal()) {
            m.empty("line", "class", "reference", "x1", Markup.num(sx(axes, box, axes.xMin())),
                    "y1", Markup.num(sy(axes, box, top, axes.yMin())), "x2", Markup.num(sx(axes, box, axes.xMax())),
                    "y2", Markup.num(sy(axes, box, top, axes.yMax())), "stroke", "#888", "stroke-dasharray", "4 4");
        }
        for (int s = 0; s < series.size(); s++) {
            List<Point> pts = points.get(s);
            String colour = colours.get(s);
            m.open("g", "class", "series", "data-series", series.get(s));
            if (pts.size() > 1) {
                List<String> coords = new ArrayList<>();
                for (Point p : pts) {
                    coords.add(Markup.num(sx(axes, box, p.x())) + "," + Markup.num(sy(axes, box, top, p.y())));
                }
                m.empty("polyline", "points", String.join(" ", coords), "fill", "none", "stroke", colour,
                        "stroke-width", "2");
            }
            for (Point p : pts) {
                double x = sx(axes, box, p.x());
                if (p.error() > 0) {
                    m.empty("line", "class", "error", "x1", Markup.num(x), "y1", Markup.num(sy(axes, box, top, p.y() - p.error())),
                            "x2", Markup.num(x), "y2", Markup.num(sy(axes, box, top, p.y() + p.error())), "stroke", colour);
                }
                m.open("circle", "class", "point", "cx", Markup.num(x), "cy", Markup.num(sy(axes, box, top, p.y())), "r", "4",
                        "fill", colour);
                m.element("title", series.get(s) + ": " + p.tip());
                m.close("circle");
            }
            m.close("g");
        }
        m.close("svg");
        return m.toString();
    }

    /** The plot area's size. */
    private record Box(double w, double h) {
    }

    private static double sx(Axes a, Box box, double x) {
        double f = a.logX()
                ? (log2(x) - log2(a.xMin())) / (log2(a.xMax()) - log2(a.xMin()))
                : (x - a.xMin()) / (a.xMax() - a.xMin());
        return LEFT + box.w() * Svg.clamp(f, 0, 1);
    }

    private static double sy(Axes a, Box box, double top, double y) {
        double f = a.logY()
                ? (Math.log10(Math.max(y, a.yMin())) - Math.log10(a.yMin())) / (Math.log10(a.yMax()) - Math.log10(a.yMin()))
                : (y - a.yMin()) / (a.yMax() - a.yMin());
        return top + box.h() * (1 - Svg.clamp(f, 0, 1));
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static List<Double> xTicks(Axes a) {
        List<Double> ticks = new ArrayList<>();
        if (a.logX()) {
            for (double v = Math.pow(2, Math.ceil(log2(a.xMin()))); v <= a.xMax() * 1.0000001; v *= 2) {
                ticks.add(v);
            }
        } else {
            for (int t = 0; t <= 5; t++) {
                ticks.add(a.xMin() + (a.xMax() - a.xMin()) * t / 5.0);
            }
        }
        return ticks;
    }

    private static List<Double> yTicks(Axes a) {
        List<Double> ticks = new ArrayList<>();
        if (a.logY()) {
            for (double v = Math.pow(10, Math.ceil(Math.log10(a.yMin()) - 1e-9)); v <= a.yMax() * 1.0000001; v *= 10) {
                ticks.add(v);
            }
        } else {
            for (int t = 0; t <= 5; t++) {
                ticks.add(a.yMin() + (a.yMax() - a.yMin()) * t / 5.0);
            }
        }
        return ticks;
    }

    static String tickLabel(double v) {
        // Large round numbers in short form (10k, 1M) so the labels fit left of the plot.
        if (v >= 1e9 && v == Math.rint(v / 1e9) * 1e9) {
            return String.format(java.util.Locale.ROOT, "%dG", (long) (v / 1e9));
        }
        if (v >= 1e6 && v == Math.rint(v / 1e6) * 1e6) {
            return String.format(java.util.Locale.ROOT, "%dM", (long) (v / 1e6));
        }
        if (v >= 1e4 && v == Math.rint(v / 1e3) * 1e3) {
            return String.format(java.util.Locale.ROOT, "%dk", (long) (v / 1e3));
        }
        if (v == Math.rint(v) && Math.abs(v) >= 1) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) v);
        }
        return Formats.fixed(v, Math.abs(v) < 10 ? 1 : 0);
    }
}
