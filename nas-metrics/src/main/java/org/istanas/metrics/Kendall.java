package org.istanas.metrics;

import java.util.Arrays;

/**
 * Kendall's rank correlation in O(n log n) time with Knight's algorithm (Knight 1966, "A computer method for
 * calculating Kendall's tau with ungrouped data", JASA 61:436-439), extended to ties as in scipy and Commons Math:
 * sort the pairs by x then y, count the x-ties and the joint ties in that order, count discordant pairs as the
 * swaps of a merge sort of y, and count the y-ties from the sorted y.
 *
 * <p>{@link #tauA} is the statistic of the ISTA-NAS supplementary material (section 2): concordant minus
 * discordant pairs over all {@code n(n-1)/2} pairs. {@link #tauB} divides by the geometric mean of the untied pair
 * counts instead and reaches +-1 with ties; it is what most tools report as "Kendall's tau".
 */
public final class Kendall {
    private Kendall() {
    }

    /** Kendall's tau-a. Requires at least two finite pairs of equal-length arrays. */
    public static double tauA(double[] x, double[] y) {
        return counts(x, y).tauA();
    }

    /** Kendall's tau-b. Additionally refuses a constant x or y, where tau-b is 0/0. */
    public static double tauB(double[] x, double[] y) {
        return counts(x, y).tauB();
    }

    /** All pair counts, the null variance of S with tie correction, and thereby both coefficients and the test. */
    public static KendallCounts counts(double[] x, double[] y) {
        int n = Inputs.checkPaired(x, y, 2);
        int[] rx = Ranks.dense(x);
        int[] ry = Ranks.dense(y);

        // Sort by (x rank, y rank) as one primitive key: ranks are < 2^31, so the pair packs into a long.
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) rx[i] << 32) | ry[i];
        }
        Arrays.sort(keys);

        long tiedXY = 0;
        long run = 1;
        int[] yInXOrder = new int[n];
        yInXOrder[0] = (int) keys[0];
        for (int i = 1; i < n; i++) {
            yInXOrder[i] = (int) keys[i];
            if (keys[i] == keys[i - 1]) {
                run++;
            } else {
                tiedXY += run * (run - 1) / 2;
                run = 1;
            }
        }
        tiedXY += run * (run - 1) / 2;

        // Within an x-tie group y is ascending, so merge-sort swaps count exactly the discordant pairs.
        long discordant = countInversions(yInXOrder);

        TieTerms tx = TieTerms.of(rx);
        TieTerms ty = TieTerms.of(ry);
        return new KendallCounts(n, tx.pairs, ty.pairs, tiedXY, discordant, varianceOfS(n, tx, ty));
    }

    /**
     * Var(S) under independence given the tie groups (Kendall 1970, eq. 4.4; scipy's 'asymptotic' method):
     * {@code [n(n-1)(2n+5) - sum t(t-1)(2t+5) - sum u(u-1)(2u+5)] / 18
     * + [sum t(t-1)][sum u(u-1)] / (2n(n-1))
     * + [sum t(t-1)(t-2)][sum u(u-1)(u-2)] / (9n(n-1)(n-2))}, t and u the x and y tie-group sizes.
     */
    private static double varianceOfS(int n, TieTerms tx, TieTerms ty) {
        double m = (double) n * (n - 1);
        double v = (m * (2.0 * n + 5) - tx.v1 - ty.v1) / 18.0
                + 2.0 * tx.pairs * (double) ty.pairs / m;
        if (n > 2) {
            v += tx.v2 * ty.v2 / (9.0 * m * (n - 2));
        }
        return Math.max(0.0, v);
    }

    /** Sums over tie groups of size t: t(t-1)/2 (tied pairs), t(t-1)(2t+5) and t(t-1)(t-2). */
    private record TieTerms(long pairs, double v1, double v2) {
        static TieTerms of(int[] denseRanks) {
            int distinct = 0;
            for (int r : denseRanks) {
                distinct = Math.max(distinct, r + 1);
            }
            long pairs = 0;
            double v1 = 0;
            double v2 = 0;
            for (long t : Ranks.tieGroupSizes(denseRanks, distinct)) {
                if (t > 1) {
                    pairs += t * (t - 1) / 2;
                    v1 += (double) t * (t - 1) * (2 * t + 5);
                    v2 += (double) t * (t - 1) * (t - 2);
                }
            }
            return new TieTerms(pairs, v1, v2);
        }
    }

    /**
     * Sorts {@code a} ascending with a bottom-up merge sort and returns the number of pairs {@code i < j} with
     * {@code a[i] > a[j]} (strictly: equal values are not inversions).
     */
    static long countInversions(int[] a) {
        int n = a.length;
        int[] src = a;
        int[] dst = new int[n];
        long inversions = 0;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (src[i] <= src[j]) {
                        dst[k++] = src[i++];
                    } else {
                        inversions += mid - i; // src[j] jumps over every remaining left element
                        dst[k++] = src[j++];
                    }
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] tmp = src;
            src = dst;
            dst = tmp;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
        return inversions;
    }
}
