package org.istanas.metrics;

/**
 * Tail probabilities for the significance tests, built on {@link SpecialFunctions} so that nas-metrics needs no
 * numerics library at run time (tests compare them with Commons Math).
 */
final class Distributions {
    private static final double SQRT2 = Math.sqrt(2.0);

    private Distributions() {
    }

    /** {@code P(|Z| >= |z|)} for a standard normal Z, i.e. {@code erfc(|z| / sqrt 2)}. */
    static double normalTwoSidedP(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Math.min(1.0, SpecialFunctions.erfc(Math.abs(z) / SQRT2));
    }

    /** {@code P(|T| >= |t|)} for Student's T with {@code df} degrees of freedom: {@code I_{df/(df+t^2)}(df/2, 1/2)}. */
    static double studentTTwoSidedP(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Math.min(1.0, SpecialFunctions.regularizedBeta(df / (df + t * t), df / 2.0, 0.5));
    }
}
