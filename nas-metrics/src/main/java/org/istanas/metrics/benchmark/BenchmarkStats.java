package org.istanas.metrics.benchmark;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Summary of one dataset's column of a {@link BenchmarkTable}: the best cell, the median accuracy and where a given
 * cell ranks.
 */
public final class BenchmarkStats {
    private final BenchmarkTable table;
    private final BenchmarkDataset dataset;
    private final double[] sorted;

    public BenchmarkStats(BenchmarkTable table, BenchmarkDataset dataset) {
        this.table = Objects.requireNonNull(table, "table is null");
        this.dataset = Objects.requireNonNull(dataset, "dataset is null");
        this.sorted = table.entries().stream().mapToDouble(e -> e.accuracy(dataset)).sorted().toArray();
    }

    public BenchmarkDataset dataset() {
        return dataset;
    }

    /** The cell with the highest accuracy (the lowest index among ties). */
    public BenchmarkEntry best() {
        return table.entries().stream().max(Comparator.comparingDouble((BenchmarkEntry e) -> e.accuracy(dataset))
                .thenComparing(Comparator.comparingInt(BenchmarkEntry::index).reversed())).orElseThrow();
    }

    /** The median accuracy (the middle value; the table has an odd number of cells). */
    public double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double mean() {
        return Arrays.stream(sorted).average().orElseThrow();
    }

    /** Percentage of all cells whose accuracy is at most {@code accuracy} (100 for the best cell). */
    public double percentile(double accuracy) {
        int atMost = upperBound(accuracy);
        return 100.0 * atMost / sorted.length;
    }

    /** 1 + the number of cells strictly better than {@code accuracy}. */
    public int rank(double accuracy) {
        return sorted.length - upperBound(accuracy) + 1;
    }

    /** Number of values {@code <= accuracy}. */
    private int upperBound(double accuracy) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= accuracy) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
