package org.istanas.metrics.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Two numeric columns read from a CSV file, keeping only rows where both values are finite numbers.
 *
 * @param source        the file, as given
 * @param xColumn       name of the x column
 * @param yColumn       name of the y column
 * @param x             x values of the kept rows, in file order
 * @param y             y values of the kept rows, in file order
 * @param skipped       number of rows left out (missing, unparseable or non-finite value in either column)
 * @param skippedSample the first few skipped rows with reasons ({@link CsvPairs#SKIPPED_SAMPLE_SIZE} at most)
 */
public record PairedColumns(String source, String xColumn, String yColumn, double[] x, double[] y, int skipped,
                            List<SkippedRow> skippedSample) {

    public PairedColumns {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(xColumn, "xColumn is null");
        Objects.requireNonNull(yColumn, "yColumn is null");
        Objects.requireNonNull(x, "x is null");
        Objects.requireNonNull(y, "y is null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
        x = x.clone();
        y = y.clone();
        skippedSample = List.copyOf(skippedSample);
    }

    /** Number of kept pairs. */
    public int n() {
        return x.length;
    }

    /** A copy of the x values. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y values. */
    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairedColumns p && source.equals(p.source) && xColumn.equals(p.xColumn)
                && yColumn.equals(p.yColumn) && Arrays.equals(x, p.x) && Arrays.equals(y, p.y)
                && skipped == p.skipped && skippedSample.equals(p.skippedSample);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, xColumn, yColumn, Arrays.hashCode(x), Arrays.hashCode(y),
                skipped, skippedSample);
    }

    @Override
    public String toString() {
        return "PairedColumns[" + source + ": " + xColumn + " vs " + yColumn + ", n=" + n() + ", skipped=" + skipped
                + "]";
    }
}
