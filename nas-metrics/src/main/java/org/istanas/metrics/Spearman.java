package org.istanas.metrics;

/**
 * Spearman's rank correlation: the Pearson correlation of the average ranks (ties share the mean of their
 * positions), as in scipy's {@code spearmanr} and Commons Math's {@code SpearmansCorrelation}.
 */
public final class Spearman {
    private Spearman() {
    }

    /**
     * Spearman's rho.
     *
     * @throws IllegalArgumentException for fewer than two pairs, non-finite values, unequal lengths, or a constant
     *                                  x or y (rho is 0/0 there)
     */
    public static double rho(double[] x, double[] y) {
        Inputs.checkPaired(x, y, 2);
        return pearson(Ranks.average(x), Ranks.average(y));
    }

    /** {@link #rho} on integer ranks in {@code [0, dx)} and {@code [0, dy)}, in O(n + dx + dy). */
    static double rhoOfRanks(int[] rx, int dx, int[] ry, int dy) {
        return pearson(Ranks.averageOfRanks(rx, dx), Ranks.averageOfRanks(ry, dy));
    }

    /**
     * Two-sided p-value of independence from Student's t with {@code n - 2} degrees of freedom,
     * {@code t = rho sqrt((n-2) / (1-rho^2))} (scipy's default for {@code spearmanr}); 0 when |rho| = 1 and NaN
     * for {@code n < 3}, where the test has no degrees of freedom.
     */
    public static double pValue(double rho, int n) {
        if (!(rho >= -1.0 && rho <= 1.0)) {
            throw new IllegalArgumentException("rho must be in [-1, 1], got " + rho);
        }
        if (n < 3) {
            return Double.NaN;
        }
        if (Math.abs(rho) == 1.0) {
            return 0.0;
        }
        return Distributions.studentTTwoSidedP(tStatistic(rho, n), n - 2);
    }

    /** The t statistic {@code rho sqrt((n-2) / (1-rho^2))}; infinite when |rho| = 1, NaN for {@code n < 3}. */
    public static double tStatistic(double rho, int n) {
        if (n < 3) {
            return Double.NaN;
        }
        double denominator = 1.0 - rho * rho;
        return denominator <= 0 ? Math.copySign(Double.POSITIVE_INFINITY, rho)
                : rho * Math.sqrt((n - 2) / denominator);
    }

    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= n;
        meanB /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            throw new IllegalArgumentException("Spearman's rho is undefined: " + (saa == 0 ? "x" : "y")
                    + " is constant (all " + n + " values are equal)");
        }
        double r = sab / Math.sqrt(saa * sbb);
        return Math.max(-1.0, Math.min(1.0, r));
    }
}
