package org.istanas.metrics;

import java.util.Arrays;

/**
 * Rank transforms that treat equal values as ties (and {@code -0.0} as equal to {@code 0.0}).
 * Both run in O(n log n) on primitive arrays. Callers validate finiteness first.
 */
public final class Ranks {
    private Ranks() {
    }

    /**
     * Dense ranks: the smallest value gets 0, the next distinct value 1, and so on; equal values share a rank.
     *
     * @param values finite values
     * @return one rank per value, in [0, number of distinct values)
     */
    public static int[] dense(double[] values) {
        int n = values.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[i] + 0.0; // maps -0.0 to 0.0 so both compare as one value
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = Arrays.binarySearch(sorted, 0, distinct, values[i] + 0.0);
        }
        return ranks;
    }

    /**
     * Fractional ("average") ranks, 1-based: tied values get the mean of the positions they occupy,
     * e.g. {@code [10, 20, 20, 30]} gives {@code [1, 2.5, 2.5, 4]}.
     */
    public static double[] average(double[] values) {
        int[] dense = dense(values);
        return averageOfRanks(dense, distinct(dense));
    }

    /** Average ranks from integer ranks in {@code [0, distinct)} (gaps allowed), in O(n + distinct). */
    static double[] averageOfRanks(int[] dense, int distinct) {
        long[] counts = tieGroupSizes(dense, distinct);
        double[] rankOfGroup = new double[distinct];
        long before = 0;
        for (int r = 0; r < distinct; r++) {
            // positions before+1 .. before+count; their mean is before + (count + 1) / 2
            rankOfGroup[r] = before + (counts[r] + 1) / 2.0;
            before += counts[r];
        }
        double[] ranks = new double[dense.length];
        for (int i = 0; i < dense.length; i++) {
            ranks[i] = rankOfGroup[dense[i]];
        }
        return ranks;
    }

    /** Number of distinct values behind dense ranks: the largest rank plus one (0 when empty). */
    static int distinct(int[] denseRanks) {
        int distinct = 0;
        for (int r : denseRanks) {
            distinct = Math.max(distinct, r + 1);
        }
        return distinct;
    }

    /** Size of each tie group, indexed by dense rank. */
    static long[] tieGroupSizes(int[] denseRanks, int distinct) {
        long[] counts = new long[distinct];
        for (int r : denseRanks) {
            counts[r]++;
        }
        return counts;
    }
}
