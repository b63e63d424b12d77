package org.istanas.app.consistency;

import java.util.Locale;
import java.util.Objects;
import org.istanas.metrics.CorrelationTest;
import org.istanas.metrics.RankCorrelation;

/**
 * A rank correlation of the experiment's pairs, or the reason it is undefined (fewer than two pairs, or a constant
 * accuracy where the coefficient is 0/0).
 *
 * @param method    the coefficient
 * @param n         number of pairs
 * @param test      the coefficient and its test (nas-metrics), or null when undefined
 * @param undefined why the coefficient is undefined, or null when it is defined
 */
public record Correlation(RankCorrelation method, int n, CorrelationTest test, String undefined) {
    public Correlation {
        Objects.requireNonNull(method, "method is null");
        if ((test == null) == (undefined == null)) {
            throw new IllegalArgumentException("exactly one of test and undefined must be given");
        }
    }

    /** The coefficient of {@code method} between x and y, with a reason instead where it is undefined. */
    public static Correlation of(RankCorrelation method, double[] x, double[] y) {
        Objects.requireNonNull(method, "method is null");
        int n = x.length;
        if (n < 2) {
            return new Correlation(method, n, null, method.id() + " is undefined: it needs at least 2 pairs, got " + n);
        }
        if (method != RankCorrelation.KENDALL_A) {
            String constant = constant(x, "search accuracies", y, "evaluation accuracies");
            if (constant != null) {
                return new Correlation(method, n, null, method.id() + " is undefined: the " + constant
                        + ", so there is no ranking to correlate (0/0)");
            }
        }
        return new Correlation(method, n, method.test(x, y), null);
    }

    public boolean defined() {
        return test != null;
    }

    /** The coefficient, or NaN when undefined. */
    public double value() {
        return test == null ? Double.NaN : test.value();
    }

    /** Two-sided p-value, or NaN when undefined or untestable. */
    public double pValue() {
        return test == null ? Double.NaN : test.pValue();
    }

    /**
     * One line for people, e.g. {@code kendall-b = 0.3333 (p = 0.6015, exact p = 1.0000, n = 3)}; the exact
     * permutation p-value is shown where nas-metrics has one (untied, n &lt;= 50), since the normal approximation is
     * rough for the few runs of a consistency experiment.
     */
    public String toText() {
        if (test == null) {
            return undefined;
        }
        String p = !test.hasPValue() ? "p undefined, "
                : test.hasExactPValue()
                ? String.format(Locale.ROOT, "p = %.4f, exact p = %.4f, ", test.pValue(), test.exactPValue())
                : String.format(Locale.ROOT, "p = %.4f, ", test.pValue());
        return String.format(Locale.ROOT, "%s = %.4f (%sn = %d)", method.id(), test.value(), p, n);
    }

    private static String constant(double[] x, String xName, double[] y, String yName) {
        boolean cx = isConstant(x);
        boolean cy = isConstant(y);
        if (cx && cy) {
            return xName + " are all " + format(x[0]) + " and the " + yName + " are all " + format(y[0]);
        }
        if (cx) {
            return xName + " are all " + format(x[0]);
        }
        return cy ? yName + " are all " + format(y[0]) : null;
    }

    private static boolean isConstant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
