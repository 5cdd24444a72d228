package org.stancebench.reports;

import java.util.Locale;

/**
 * Number formats shared by the Markdown and HTML renderings, so both print the same digits for the
 * same value. Locale-independent; NaN and infinities print as {@code n/a}.
 */
final class Formats {
    private Formats() {
    }

    /** {@code value} with {@code decimals} digits after the point. */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        // "-0.000" reads as a sign that is not there.
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /** A metric value in [0, 1] with three decimals. */
    static String metric(double value) {
        return fixed(value, 3);
    }

    /** A 95% interval as {@code [lo, hi]}. */
    static String interval(double lo, double hi) {
        return "[" + fixed(lo, 3) + ", " + fixed(hi, 3) + "]";
    }

    /** A p-value: three significant-looking decimals, or {@code <0.001}. */
    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : fixed(p, 3);
    }

    /** A throughput in texts per second, with thousands separated by commas. */
    static String rate(double perSecond) {
        if (!Double.isFinite(perSecond)) {
            return "n/a";
        }
        if (perSecond >= 100) {
            return String.format(Locale.ROOT, "%,.0f", perSecond);
        }
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** A signed change, for example {@code +0.012} or {@code -0.034}. */
    static String signed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        String s = fixed(value, decimals);
        return s.startsWith("-") ? s : "+" + s;
    }

    /** A signed percentage, for example {@code +3.4%}. */
    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        return signed(fraction * 100.0, 1) + "%";
    }
}
