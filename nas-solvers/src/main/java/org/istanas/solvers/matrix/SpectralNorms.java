package org.istanas.solvers.matrix;

import java.util.SplittableRandom;

/**
 * λ_max(AᵀA) = ||A||₂², the Lipschitz constant of the gradient of 1/2||Az - b||².
 *
 * <p>When min(m, n) ≤ {@value #EXACT_LIMIT} it is computed exactly (up to rounding) as the largest eigenvalue of
 * the smaller Gram matrix (AAᵀ or AᵀA, same non-zero spectrum) by cyclic Jacobi rotations. Larger matrices use
 * power iteration on AᵀA from a fixed-seed start; the Rayleigh quotient approaches λ_max from below, so the
 * result is inflated by {@value #POWER_MARGIN} to stay a safe upper bound (a step 1/L with L too small diverges;
 * one slightly too large only slows convergence by the same factor).
 */
public final class SpectralNorms {
    /** Largest min(m, n) for the exact (Jacobi) path; a 200 x 200 Gram matrix takes a few milliseconds. */
    public static final int EXACT_LIMIT = 200;
    /** Relative inflation of the power-iteration estimate. */
    public static final double POWER_MARGIN = 1.02;
    /** Relative inflation of the exact value, covering rounding. */
    private static final double EXACT_MARGIN = 1 + 1e-9;

    private SpectralNorms() {
    }

    /** A safe upper bound on λ_max(AᵀA), tight to rounding for small matrices. */
    public static double lipschitzBound(double[][] a) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        if (m == 0 || n == 0) {
            return 0;
        }
        if (Math.min(m, n) <= EXACT_LIMIT) {
            return largestEigenvalue(smallerGram(a)) * EXACT_MARGIN;
        }
        return powerIteration(a) * POWER_MARGIN;
    }

    private static double[][] smallerGram(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        if (m <= n) {
            double[][] g = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += a[i][k] * a[j][k];
                    }
                    g[i][j] = s;
                    g[j][i] = s;
                }
            }
            return g;
        }
        double[][] g = new double[n][n];
        for (double[] row : a) {
            for (int i = 0; i < n; i++) {
                double ri = row[i];
                for (int j = i; j < n; j++) {
                    g[i][j] += ri * row[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                g[i][j] = g[j][i];
            }
        }
        return g;
    }

    /** Largest eigenvalue of a symmetric matrix by cyclic Jacobi sweeps (destroys its argument). */
    static double largestEigenvalue(double[][] g) {
        int n = g.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += g[i][i] * g[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += g[i][j] * g[i][j];
                }
            }
            if (off <= 1e-30 * diag || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = g[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (g[q][q] - g[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double gkp = g[k][p];
                        double gkq = g[k][q];
                        g[k][p] = c * gkp - s * gkq;
                        g[k][q] = s * gkp + c * gkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double gpk = g[p][k];
                        double gqk = g[q][k];
                        g[p][k] = c * gpk - s * gqk;
                        g[q][k] = s * gpk + c * gqk;
                    }
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, g[i][i]);
        }
        return Math.max(max, 0);
    }

    private static double powerIteration(double[][] a) {
        int n = a[0].length;
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(0x5EED);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        double[] av = new double[a.length];
        double[] w = new double[n];
        double estimate = 0;
        for (int it = 0; it < 1000; it++) {
            double norm = Math.sqrt(DenseMatrices.norm2Squared(v));
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            DenseMatrices.multiply(a, v, av);
            DenseMatrices.multiplyTransposed(a, av, w);
            double next = DenseMatrices.norm2Squared(av); // Rayleigh quotient vᵀAᵀAv with ||v|| = 1
            double[] swap = v;
            v = w;
            w = swap;
            if (it > 5 && Math.abs(next - estimate) <= 1e-12 * next) {
                return next;
            }
            estimate = next;
        }
        return estimate;
    }
}
