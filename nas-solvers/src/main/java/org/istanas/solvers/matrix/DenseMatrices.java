package org.istanas.solvers.matrix;

import java.util.Arrays;

/**
 * The dense products and norms the solvers need, on row-major {@code double[m][n]} arrays. Results go to
 * caller-provided arrays so iterative solvers allocate nothing per iteration.
 */
public final class DenseMatrices {
    private DenseMatrices() {
    }

    /** out = A x (length m). */
    public static void multiply(double[][] a, double[] x, double[] out) {
        for (int r = 0; r < a.length; r++) {
            double[] row = a[r];
            double sum = 0;
            for (int c = 0; c < row.length; c++) {
                sum += row[c] * x[c];
            }
            out[r] = sum;
        }
    }

    /** out = Aᵀ y (length n). */
    public static void multiplyTransposed(double[][] a, double[] y, double[] out) {
        Arrays.fill(out, 0);
        for (int r = 0; r < a.length; r++) {
            double[] row = a[r];
            double yr = y[r];
            if (yr == 0) {
                continue;
            }
            for (int c = 0; c < row.length; c++) {
                out[c] += row[c] * yr;
            }
        }
    }

    /** b - A z as a new array. */
    public static double[] residual(double[][] a, double[] z, double[] b) {
        double[] r = new double[b.length];
        multiply(a, z, r);
        for (int i = 0; i < r.length; i++) {
            r[i] = b[i] - r[i];
        }
        return r;
    }

    /** Aᵀ (b - A z) as a new array: the negative gradient of 1/2 ||Az - b||². */
    public static double[] correlation(double[][] a, double[] z, double[] b) {
        double[] g = new double[z.length];
        multiplyTransposed(a, residual(a, z, b), g);
        return g;
    }

    public static double norm1(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.abs(v);
        }
        return sum;
    }

    public static double norm2Squared(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum;
    }

    public static double normInf(double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Euclidean norm of column {@code c}. */
    public static double columnNorm(double[][] a, int c) {
        double sum = 0;
        for (double[] row : a) {
            sum += row[c] * row[c];
        }
        return Math.sqrt(sum);
    }
}
