package org.istanas.metrics;

/**
 * Log-gamma, the complementary error function and the regularized incomplete beta function, to about 1e-14
 * relative accuracy (Lanczos' log-gamma; incomplete gamma and beta by series and Lentz continued fractions as in
 * Press et al., Numerical Recipes, 3rd ed., sections 6.2 and 6.4).
 */
final class SpecialFunctions {
    private static final double EPS = Math.ulp(1.0);
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;
    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
    /** Lanczos coefficients for g = 7, n = 9 (Godfrey), about 1e-15 relative accuracy. */
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /** {@code ln Gamma(x)} for {@code x > 0} (Lanczos approximation; reflection below 1/2). */
    static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        }
        if (x < 0.5) {
            // Gamma(x) Gamma(1-x) = pi / sin(pi x)
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** {@code erfc(x) = Q(1/2, x^2)} for {@code x >= 0}, accurate in the far tail (no 1 - erf cancellation). */
    static double erfc(double x) {
        if (x < 0) {
            return 2.0 - erfc(-x);
        }
        return regularizedGammaQ(0.5, x * x, LOG_SQRT_PI);
    }

    /** Upper regularized incomplete gamma {@code Q(a, x)}; {@code logGammaA} is {@code ln Gamma(a)}. */
    private static double regularizedGammaQ(double a, double x, double logGammaA) {
        if (x == 0) {
            return 1.0;
        }
        double front = Math.exp(-x + a * Math.log(x) - logGammaA);
        if (x < a + 1) {
            // Series for P(a, x), then Q = 1 - P (no cancellation problem here: P is not close to 1).
            double ap = a;
            double del = 1.0 / a;
            double sum = del;
            for (int i = 0; i < MAX_ITERATIONS; i++) {
                ap++;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * EPS) {
                    return 1.0 - sum * front;
                }
            }
            throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
        }
        // Continued fraction for Q(a, x), modified Lentz.
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                return front * h;
            }
        }
        throw new ArithmeticException("incomplete gamma fraction did not converge for a=" + a + ", x=" + x);
    }

    /** Regularized incomplete beta {@code I_x(a, b)} for {@code 0 <= x <= 1}, {@code a, b > 0}. */
    static double regularizedBeta(double x, double a, double b) {
        if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("regularizedBeta needs 0 <= x <= 1 and a, b > 0; got x=" + x
                    + ", a=" + a + ", b=" + b);
        }
        if (x == 0 || x == 1) {
            return x;
        }
        double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        // The continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a).
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * betaFraction(x, a, b) / a;
        }
        return 1.0 - Math.exp(logFront) * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                return h;
            }
        }
        throw new ArithmeticException("incomplete beta fraction did not converge for x=" + x + ", a=" + a
                + ", b=" + b);
    }
}
