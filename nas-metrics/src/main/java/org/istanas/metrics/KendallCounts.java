package org.istanas.metrics;

/**
 * Pair counts of a paired sample, from which both Kendall coefficients and their test follow.
 * A pair {@code (i, j)}, {@code i < j}, is <em>concordant</em> when
 * {@code sign(x_i - x_j) * sign(y_i - y_j) = +1}, <em>discordant</em> when it is {@code -1}, and tied otherwise.
 *
 * @param n          sample size
 * @param tiedX      pairs with {@code x_i = x_j} (including those also tied in y)
 * @param tiedY      pairs with {@code y_i = y_j} (including those also tied in x)
 * @param tiedXY     pairs tied in both x and y
 * @param discordant discordant pairs
 * @param varianceOfS variance of {@code S = concordant - discordant} under independence, given the observed ties
 *                   (Kendall 1970, eq. 4.4; scipy's {@code 'asymptotic'} method)
 */
public record KendallCounts(int n, long tiedX, long tiedY, long tiedXY, long discordant, double varianceOfS) {

    public KendallCounts {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + n);
        }
        long pairs = (long) n * (n - 1) / 2;
        if (tiedX < tiedXY || tiedY < tiedXY || tiedX > pairs || tiedY > pairs || discordant < 0
                || tiedX + tiedY - tiedXY + discordant > pairs) {
            throw new IllegalArgumentException("inconsistent pair counts for n=" + n + ": tiedX=" + tiedX
                    + ", tiedY=" + tiedY + ", tiedXY=" + tiedXY + ", discordant=" + discordant);
        }
    }

    /** Number of pairs, {@code n(n-1)/2}. */
    public long pairs() {
        return (long) n * (n - 1) / 2;
    }

    /** Concordant pairs. */
    public long concordant() {
        return pairs() - tiedX - tiedY + tiedXY - discordant;
    }

    /** Kendall's score {@code S = concordant - discordant}. */
    public long s() {
        return concordant() - discordant;
    }

    /** {@code S / (n(n-1)/2)}: the supplementary material's tau, defined for any input. */
    public double tauA() {
        return (double) s() / pairs();
    }

    /**
     * {@code S / sqrt((n0 - n1)(n0 - n2))} with {@code n0} pairs, {@code n1} x-tied and {@code n2} y-tied pairs.
     *
     * @throws IllegalArgumentException when x or y is constant (the denominator is zero)
     */
    public double tauB() {
        long pairs = pairs();
        if (tiedX == pairs || tiedY == pairs) {
            throw new IllegalArgumentException("Kendall's tau-b is undefined: "
                    + (tiedX == pairs ? "x" : "y") + " is constant (all " + n + " values are equal)");
        }
        double value = s() / (Math.sqrt((double) (pairs - tiedX)) * Math.sqrt((double) (pairs - tiedY)));
        return Math.max(-1.0, Math.min(1.0, value));
    }

    /**
     * Normal score {@code S / sqrt(Var S)}; 0 when the variance is zero, which happens exactly when x or y is
     * constant, so that {@code S} is 0 under every permutation.
     */
    public double z() {
        return varianceOfS > 0 ? s() / Math.sqrt(varianceOfS) : 0.0;
    }

    /**
     * Two-sided p-value of independence from the normal approximation with tie correction; the same for tau-a and
     * tau-b because both are multiples of {@code S}. It is 1 when x or y is constant.
     */
    public double pValue() {
        return Distributions.normalTwoSidedP(z());
    }

    /** Whether {@link #exactPValue()} is available: no ties and {@code n <= }{@link #EXACT_MAX_N}. */
    public boolean hasExactPValue() {
        return tiedX == 0 && tiedY == 0 && n <= EXACT_MAX_N;
    }

    /** Largest n for {@link #exactPValue()} (scipy's automatic choice of the exact test uses the same bound). */
    public static final int EXACT_MAX_N = 50;

    /**
     * Exact two-sided p-value of independence for untied data: with {@code d} discordant pairs and
     * {@code c = min(d, n0 - d)}, {@code p = min(1, 2 P(D <= c))} where D is the number of inversions of a uniformly
     * random permutation (scipy's {@code kendalltau(method='exact')}). Preferable to {@link #pValue()} for the
     * small samples of a consistency experiment (a handful of searches).
     *
     * @throws IllegalStateException when there are ties or {@code n > }{@link #EXACT_MAX_N}
     */
    public double exactPValue() {
        if (!hasExactPValue()) {
            throw new IllegalStateException("the exact Kendall test needs untied data and n <= " + EXACT_MAX_N
                    + "; got n=" + n + ", " + tiedX + " x-tied and " + tiedY + " y-tied pairs");
        }
        long c = Math.min(discordant, pairs() - discordant);
        return Math.min(1.0, 2 * Distributions.inversionsCdf(n, (int) c));
    }
}
