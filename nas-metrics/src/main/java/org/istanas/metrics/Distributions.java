package org.istanas.metrics;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Tail probabilities for the significance tests: the normal and Student's t tails from Apache Commons Statistics
 * (their survival functions keep full relative accuracy far into the tails), and the exact null distribution of
 * Kendall's statistic, which no library provides.
 */
final class Distributions {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Distributions() {
    }

    /** {@code P(|Z| >= |z|)} for a standard normal Z. */
    static double normalTwoSidedP(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    /**
     * {@code P(D <= c)} for the number D of inversions of a uniformly random permutation of n items, by the
     * recurrence {@code P_n(k) = (1/n) sum_{j=0}^{min(k, n-1)} P_{n-1}(k - j)} (the last item adds j inversions, each
     * j equally likely), with running sums: O(n c) time.
     */
    static double inversionsCdf(int n, int c) {
        double[] p = new double[c + 1];
        p[0] = 1.0; // one item: no inversions
        double[] next = new double[c + 1];
        for (int m = 2; m <= n; m++) {
            double window = 0;
            for (int k = 0; k <= c; k++) {
                window += p[k];
                if (k - m >= 0) {
                    window -= p[k - m];
                }
                next[k] = window / m;
            }
            double[] t = p;
            p = next;
            next = t;
        }
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        return Math.min(1.0, sum);
    }

    /** {@code P(|T| >= |t|)} for Student's T with {@code df} degrees of freedom. */
    static double studentTTwoSidedP(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Math.min(1.0, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
    }
}
