package org.istanas.metrics.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A plot axis: the data range with a small margin, and ticks at the multiples of a "nice" step (1, 2 or 5 times a
 * power of ten) that fall inside it, as matplotlib does, so that the data fill the plot.
 *
 * @param min  lower end of the axis
 * @param max  upper end of the axis, {@code > min}
 * @param step distance between ticks
 */
record AxisScale(double min, double max, double step) {

    /**
     * The axis for data in {@code [lo, hi]}: 3% margin on both sides so that no point sits on the frame, at most
     * {@code 7} ticks. A zero-width range is widened by 5% of its value (or by 1 around 0).
     */
    static AxisScale forData(double lo, double hi) {
        if (hi - lo <= 0) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        } else {
            double pad = (hi - lo) * 0.03;
            lo -= pad;
            hi += pad;
        }
        double step = niceAtMost((hi - lo) / 5);
        while (tickCount(lo, hi, step) > 7) {
            step = nextNice(step);
        }
        return new AxisScale(lo, hi, step);
    }

    /** The largest 1, 2 or 5 times a power of ten that is at most {@code raw}. */
    private static double niceAtMost(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        return (fraction >= 5 ? 5 : fraction >= 2 ? 2 : 1) * power;
    }

    private static double nextNice(double step) {
        double power = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double fraction = Math.round(step / power);
        return (fraction == 1 ? 2 : fraction == 2 ? 5 : 10) * power;
    }

    private static int tickCount(double lo, double hi, double step) {
        return (int) (Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9)) + 1;
    }

    /** Tick values inside the axis, rounded to the step's decimals (no 0.30000000000000004). */
    double[] ticks() {
        long first = (long) Math.ceil(min / step - 1e-9);
        int count = tickCount(min, max, step);
        double[] ticks = new double[count];
        int decimals = decimals();
        for (int i = 0; i < count; i++) {
            ticks[i] = BigDecimal.valueOf((first + i) * step).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
        }
        return ticks;
    }

    /** Decimals needed to print the ticks exactly. */
    int decimals() {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /** Position of {@code value} on the axis, 0 at {@link #min} and 1 at {@link #max}. */
    double fraction(double value) {
        return (value - min) / (max - min);
    }
}
