package org.istanas.metrics;

/**
 * Kendall's rank correlation in O(n log n) time with Knight's algorithm (Knight 1966, "A computer method for
 * calculating Kendall's tau with ungrouped data", JASA 61:436-439), extended to ties as in scipy and Commons Math:
 * sort the pairs by x then y, count the x-ties and the joint ties in that order, count discordant pairs as the
 * swaps of a merge sort of y, and count the y-ties from the sorted y.
 *
 * The sort by (x, y) runs as two counting sorts over the dense ranks, so only the rank transform and the merge
 * sort cost O(n log n).
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
        Inputs.checkPaired(x, y, 2);
        int[] rx = Ranks.dense(x);
        int[] ry = Ranks.dense(y);
        return countsOfRanks(rx, Ranks.distinct(rx), ry, Ranks.distinct(ry));
    }

    /**
     * {@link #counts} on integer ranks in {@code [0, dx)} and {@code [0, dy)} (not necessarily all used), in
     * O(n log n + dx + dy): the bootstrap calls this with resampled ranks and so sorts no doubles.
     */
    static KendallCounts countsOfRanks(int[] rx, int dx, int[] ry, int dy) {
        int n = rx.length;
        // Order the pairs by (x rank, y rank) with two stable counting-sort passes: by y, then by x.
        int[] byY = countingSort(identity(n), ry, dy);
        int[] byXThenY = countingSort(byY, rx, dx);

        long tiedXY = 0;
        long run = 1;
        int[] yInXOrder = new int[n];
        yInXOrder[0] = ry[byXThenY[0]];
        for (int i = 1; i < n; i++) {
            int cur = byXThenY[i];
            int prev = byXThenY[i - 1];
            yInXOrder[i] = ry[cur];
            if (rx[cur] == rx[prev] && ry[cur] == ry[prev]) {
                run++;
            } else {
                tiedXY += run * (run - 1) / 2;
                run = 1;
            }
        }
        tiedXY += run * (run - 1) / 2;

        // Within an x-tie group y is ascending, so merge-sort swaps count exactly the discordant pairs.
        long discordant = countInversions(yInXOrder);

        TieTerms tx = TieTerms.of(rx, dx);
        TieTerms ty = TieTerms.of(ry, dy);
        return new KendallCounts(n, tx.pairs, ty.pairs, tiedXY, discordant, varianceOfS(n, tx, ty));
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Stable counting sort of the indices in {@code order} by {@code key[index]} in {@code [0, range)}. */
    private static int[] countingSort(int[] order, int[] key, int range) {
        int[] start = new int[range + 1];
        for (int index : order) {
            start[key[index] + 1]++;
        }
        for (int r = 0; r < range; r++) {
            start[r + 1] += start[r];
        }
        int[] sorted = new int[order.length];
        for (int index : order) {
            sorted[start[key[index]]++] = index;
        }
        return sorted;
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
        static TieTerms of(int[] ranks, int distinct) {
            long pairs = 0;
            double v1 = 0;
            double v2 = 0;
            for (long t : Ranks.tieGroupSizes(ranks, distinct)) {
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
