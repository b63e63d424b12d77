package org.istanas.api.solver;

import java.util.SplittableRandom;

/**
 * Seeded random measurement matrices A (m x n, row-major). Every draw comes from one
 * {@link SplittableRandom} seeded with {@code seed}, consumed row by row, column by column, so a
 * (m, n, seed) triple always gives the same matrix on every JVM (SplittableRandom's algorithm is
 * specified by its Javadoc and has not changed since Java 8; {@code nextGaussian} uses the Java 17+
 * {@link java.util.random.RandomGenerator} default, a modified ziggurat).
 */
public final class MeasurementMatrices {
    private MeasurementMatrices() {
    }

    /**
     * I.i.d. Uniform[0,1) entries, unnormalised, as the official ISTA-NAS code draws them
     * ({@code np.random.rand(m, n)}). Its columns are strongly coherent (all lie in the positive orthant).
     */
    public static double[][] uniform(int m, int n, long seed) {
        checkShape(m, n);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[m][n];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                a[r][c] = random.nextDouble();
            }
        }
        return a;
    }

    /**
     * I.i.d. standard normal entries, then every column scaled to unit Euclidean norm: the matrices compressed
     * sensing theory (RIP, incoherence) is stated for.
     */
    public static double[][] gaussianNormalized(int m, int n, long seed) {
        checkShape(m, n);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[m][n];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                a[r][c] = random.nextGaussian();
            }
        }
        for (int c = 0; c < n; c++) {
            double norm = 0;
            for (int r = 0; r < m; r++) {
                norm += a[r][c] * a[r][c];
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < m; r++) {
                a[r][c] /= norm;
            }
        }
        return a;
    }

    private static void checkShape(int m, int n) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("matrix shape must be at least 1 x 1, got " + m + " x " + n);
        }
    }
}
