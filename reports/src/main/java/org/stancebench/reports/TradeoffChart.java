package org.stancebench.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.RunResult;

/**
 * Speed against quality in one picture: a scatter of throughput (texts per second, logarithmic x)
 * against macro-F1 (y, with its confidence interval as an error bar), one point per classifier, with
 * the Pareto front marked: ringed, labelled and joined by a dashed line.
 *
 * <p>A point is on the front when no other point is at least as fast and at least as good with one of
 * the two strictly; so of two points with the same throughput only the better one is on it, of two
 * with the same score only the faster one, and identical points are both on it. One
 * {@code g.point} per point with {@code data-front}; deterministic.
 */
final class TradeoffChart {
    private static final double LEFT = 70;
    static final double PLOT_W = 520;
    static final double PLOT_H = 300;
    /** The benchmark row the x axis uses: end-to-end throughput at this batch size, one thread. */
    static final int BATCH = 32;

    /** One classifier: its throughput, its score with the interval, its colour and hover text. */
    record Point(String name, double rate, double score, double low, double high, String colour, String tip) {
        Point {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(colour, "colour");
            Objects.requireNonNull(tip, "tip");
            if (!(rate > 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException(name + ": throughput must be positive, got " + rate);
            }
        }
    }

    private TradeoffChart() {
    }

    /** Whether each point is on the Pareto front (higher rate and higher score are better). */
    static List<Boolean> front(List<Point> points) {
        List<Boolean> on = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = false;
            for (Point q : points) {
                if (q.rate() >= p.rate() && q.score() >= p.score()
                        && (q.rate() > p.rate() || q.score() > p.score())) {
                    dominated = true;
                    break;
                }
            }
            on.add(!dominated);
        }
        return List.copyOf(on);
    }

    /**
     * The ticks of a logarithmic axis covering [min, max]: the powers of ten from the one at or below
     * {@code min} to the one at or above {@code max}, at least two; the first and last are the axis ends.
     */
    static List<Double> decades(double min, double max) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a log axis needs 0 < min <= max, got " + min + ", " + max);
        }
        int lo = (int) Math.floor(Math.log10(min) + 1e-9);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (hi <= lo) {
            hi = lo + 1;
        }
        List<Double> ticks = new ArrayList<>();
        for (int e = lo; e <= hi; e++) {
            ticks.add(Math.pow(10, e));
        }
        return List.copyOf(ticks);
    }

    static String render(String chart, String title, String yTitle, List<Point> points) {
        List<Boolean> front = front(points);
        List<String> names = points.stream().map(Point::name).toList();
        List<String> colours = points.stream().map(Point::colour).toList();
        double width = LEFT + PLOT_W + 30;
        double top = 24 + Svg.LEGEND_LINE * Svg.legendLines(names, PLOT_W);
        double bottom = top + PLOT_H;
        double height = bottom + 50;
        List<Double> ticks = decades(points.stream().mapToDouble(Point::rate).min().orElse(1),
                points.stream().mapToDouble(Point::rate).max().orElse(10));
        double xMin = Math.log10(ticks.get(0));
        double xMax = Math.log10(ticks.get(ticks.size() - 1));
        Markup m = new Markup();
        Svg.begin(m, chart, width, height, title);
        Svg.legend(m, names, colours, LEFT, 18, PLOT_W);
        m.open("g", "class", "axis", "fill", "#555");
        m.empty("rect", "x", Markup.num(LEFT), "y", Markup.num(top), "width", Markup.num(PLOT_W),
                "height", Markup.num(PLOT_H), "fill", "none", "stroke", "#bbb");
        for (double t : ticks) {
            double x = sx(t, xMin, xMax);
            m.empty("line", "x1", Markup.num(x), "y1", Markup.num(top), "x2", Markup.num(x), "y2", Markup.num(bottom),
                    "stroke", "#eee");
            m.element("text", LineChart.tickLabel(t), "class", "x-tick", "x", Markup.num(x),
                    "y", Markup.num(bottom + 16), "text-anchor", "middle");
        }
        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            double y = sy(v, top);
            m.empty("line", "x1", Markup.num(LEFT), "y1", Markup.num(y), "x2", Markup.num(LEFT + PLOT_W),
                    "y2", Markup.num(y), "stroke", "#eee");
            m.element("text", Formats.fixed(v, 1), "x", Markup.num(LEFT - 6), "y", Markup.num(y + 4),
                    "text-anchor", "end");
        }
        m.element("text", "texts/s (log scale)", "x", Markup.num(LEFT + PLOT_W / 2), "y", Markup.num(bottom + 36),
                "text-anchor", "middle");
        m.element("text", yTitle, "x", "14", "y", Markup.num(top + PLOT_H / 2), "text-anchor", "middle",
                "transform", "rotate(-90 14 " + Markup.num(top + PLOT_H / 2) + ")");
        m.close("g");
        List<Point> onFront = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (front.get(i)) {
                onFront.add(points.get(i));
            }
        }
        onFront.sort(Comparator.comparingDouble(Point::rate).thenComparingDouble(Point::score));
        if (onFront.size() > 1) {
            List<String> coords = new ArrayList<>();
            for (Point p : onFront) {
                coords.add(Markup.num(sx(p.rate(), xMin, xMax)) + "," + Markup.num(sy(p.score(), top)));
            }
            m.empty("polyline", "class", "front", "points", String.join(" ", coords), "fill", "none",
                    "stroke", "#555", "stroke-width", "1.5", "stroke-dasharray", "5 4");
        }
        java.util.Map<Integer, double[]> labels = labels(points, front, xMin, xMax, top);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            boolean isFront = front.get(i);
            double x = sx(p.rate(), xMin, xMax);
            double y = sy(p.score(), top);
            m.open("g", "class", "point", "data-name", p.name(), "data-front", Boolean.toString(isFront));
            if (Double.isFinite(p.low()) && Double.isFinite(p.high()) && p.high() > p.low()) {
                m.empty("line", "class", "error", "x1", Markup.num(x), "y1", Markup.num(sy(p.low(), top)),
                        "x2", Markup.num(x), "y2", Markup.num(sy(p.high(), top)), "stroke", p.colour(),
                        "stroke-width", "1.5");
            }
            m.open("circle", "cx", Markup.num(x), "cy", Markup.num(y), "r", isFront ? "6" : "4.5", "fill", p.colour(),
                    "stroke", isFront ? "#000" : "none", "stroke-width", "2");
            m.element("title", p.name() + ": " + p.tip() + (isFront ? " (on the Pareto front)" : ""));
            m.close("circle");
            if (isFront) {
                double[] at = labels.get(i);
                m.element("text", p.name(), "class", "front-label", "x", Markup.num(at[0]), "y", Markup.num(at[1]),
                        "text-anchor", at[2] > 0 ? "end" : at[2] < 0 ? "middle" : "start");
            }
            m.close("g");
        }
        m.close("svg");
        return m.toString();
    }

    /**
     * Where each front point's label goes ({x, baseline, anchor: 0 start, 1 end, -1 middle}): above
     * right of the point (above left near the right edge), or centred below it when that would
     * overlap a label placed before it, going from slow to fast.
     */
    private static java.util.Map<Integer, double[]> labels(List<Point> points, List<Boolean> front, double xMin,
                                                           double xMax, double top) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (front.get(i)) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> points.get(i).rate()).thenComparing(i -> i));
        java.util.Map<Integer, double[]> at = new java.util.HashMap<>();
        List<double[]> boxes = new ArrayList<>();
        for (int i : order) {
            double x = sx(points.get(i).rate(), xMin, xMax);
            double y = sy(points.get(i).score(), top);
            boolean right = x > LEFT + PLOT_W * 0.75;
            // An estimate of 12px sans-serif text, as the legend's.
            double width = 6.5 * points.get(i).name().length();
            double x0 = right ? x - 9 - width : x + 9;
            if (boxes.stream().noneMatch(b -> overlaps(b, x0, x0 + width, y - 8))) {
                boxes.add(new double[] {x0, x0 + width, y - 8});
                at.put(i, new double[] {right ? x - 9 : x + 9, y - 8, right ? 1 : 0});
            } else {
                boxes.add(new double[] {x - width / 2, x + width / 2, y + 22});
                at.put(i, new double[] {x, y + 22, -1});
            }
        }
        return at;
    }

    private static boolean overlaps(double[] box, double x0, double x1, double baseline) {
        return x0 < box[1] && box[0] < x1 && Math.abs(box[2] - baseline) < 14;
    }

    private static double sx(double rate, double xMin, double xMax) {
        return LEFT + PLOT_W * Svg.clamp((Math.log10(rate) - xMin) / (xMax - xMin), 0, 1);
    }

    private static double sy(double score, double top) {
        return top + PLOT_H * (1 - Svg.clamp(score, 0, 1));
    }

    /** A run that may become a point: its label, the benchmark summary of its results file, its colour. */
    record Candidate(String name, RunResult run, BenchFigures bench, String colour) {
    }

    /**
     * One figure for a group of runs: the chart of those with a macro-F1 and a throughput row at batch
     * {@value #BATCH} on one thread (joined by classifier name), a caption naming that row, and a note
     * listing the runs left out; or only a note when no run has both.
     */
    static void figure(Markup m, String chart, String title, List<Candidate> candidates) {
        List<Point> points = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Candidate c : candidates) {
            MetricValue f1 = c.run().metrics().get("macro-f1");
            BenchFigures.Row row = c.bench() == null ? null : c.bench().throughputAt(c.run().classifier(), BATCH);
            if (f1 == null || row == null || !(row.score() > 0)) {
                leftOut.add(c.name());
                continue;
            }
            points.add(new Point(c.name(), row.score(), f1.value(), f1.low(), f1.high(), c.colour(),
                    tip(row.score(), row.error(), f1.value(), f1.low(), f1.high())));
        }
        if (points.isEmpty()) {
            m.element("p", title + ": no run has both a macro-F1 and a benchmark throughput at batch " + BATCH
                    + " on one thread, so there is no chart.", "class", "note");
            return;
        }
        m.open("figure");
        m.raw(render(chart, "Throughput against macro-F1, " + title, "macro-F1", points));
        m.element("figcaption", title + ". x: end-to-end texts/s of the benchmark summary's throughput row at batch "
                + BATCH + ", 1 thread (InferenceBench.batch1T), log scale; y: macro-F1 with its 95% bootstrap "
                + "interval. Ringed, labelled and joined by the dashed line: the Pareto front (no other point at "
                + "least as fast and at least as good, and strictly one of the two).");
        m.close("figure").newline();
        if (!leftOut.isEmpty()) {
            m.element("p", "Left out, no throughput at batch " + BATCH + " on one thread in the benchmark data"
                    + " (or no macro-F1): " + String.join(", ", leftOut) + ".", "class", "sub");
        }
    }

    /** The hover text of a point: throughput with its error, score with its interval. */
    static String tip(double rate, double rateError, double score, double low, double high) {
        return String.format(Locale.ROOT, "%s ± %s texts/s; macro-F1 %s %s", Formats.rate(rate), Formats.rate(rateError),
                Formats.metric(score), Formats.interval(low, high));
    }
}
