package org.istanas.metrics;

import java.util.Arrays;

/**
 * Agreement of the best {@code k} items under two scores, where larger is better in both (negate a score where
 * smaller is better, e.g. an error rate). Typical use: x = search-time (proxy) accuracy, y = stand-alone accuracy.
 *
 * <p><b>Ties.</b> With ties at the k-th place the top-k set is not unique. Both measures are therefore defined as
 * expectations over breaking every tie uniformly at random, independently in x and in y; an item's probability of
 * being in the top k of a score v is
 * <pre>
 *   p_v(i) = 1                        if v_i &gt; t,
 *            (k - #{v &gt; t}) / #{v = t} if v_i = t,
 *            0                        otherwise,
 * </pre>
 * where t is the k-th largest value of v. Without ties at the k-th place this is the plain top-k set, and the
 * result never depends on the order of the rows.
 */
public final class TopK {
    private TopK() {
    }

    /**
     * Top-k overlap: {@code E|T_k(x) ∩ T_k(y)| / k = sum_i p_x(i) p_y(i) / k}, where {@code T_k(v)} is the set of
     * the k items with the largest v. Symmetric in x and y; 1 when both scores pick the same k items; {@code k/n} in
     * expectation for unrelated scores.
     *
     * @param k the number of best items, {@code 1 <= k <= n}
     */
    public static double overlap(double[] x, double[] y, int k) {
        checkK(Inputs.checkPaired(x, y, 1), k);
        double[] px = inclusionProbabilities(x, k);
        double[] py = inclusionProbabilities(y, k);
        double sum = 0;
        for (int i = 0; i < px.length; i++) {
            sum += px[i] * py[i];
        }
        return Math.min(1.0, sum / k);
    }

    /**
     * Precision at k: the expected fraction of the k items ranked best by x whose y is at least the k-th largest y,
     * {@code sum_i p_x(i) [y_i >= t_y] / k}. Items tied with the k-th best y all count as relevant, so with ties
     * in y this is at least {@link #overlap}; without ties in y at the k-th place the two are equal.
     *
     * @param x the ranking score (e.g. the proxy)
     * @param y the reference score whose top k are the relevant items (e.g. stand-alone accuracy)
     * @param k the number of best items, {@code 1 <= k <= n}
     */
    public static double precisionAtK(double[] x, double[] y, int k) {
        int n = Inputs.checkPaired(x, y, 1);
        checkK(n, k);
        double[] px = inclusionProbabilities(x, k);
        double threshold = kthLargest(y, k);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] >= threshold) {
                sum += px[i];
            }
        }
        return Math.min(1.0, sum / k);
    }

    /** {@code p_v(i)} of the class comment: the chance that item i is among the top k after random tie-breaking. */
    static double[] inclusionProbabilities(double[] v, int k) {
        double threshold = kthLargest(v, k);
        int above = 0;
        int equal = 0;
        for (double value : v) {
            if (value > threshold) {
                above++;
            } else if (value == threshold) {
                equal++;
            }
        }
        double share = (double) (k - above) / equal;
        double[] p = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = v[i] > threshold ? 1.0 : v[i] == threshold ? share : 0.0;
        }
        return p;
    }

    private static double kthLargest(double[] v, int k) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - k] + 0.0;
    }

    private static void checkK(int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n] = [1, " + n + "], got " + k);
        }
    }
}
