package org.istanas.api.solver;

import java.util.Objects;

/**
 * One recovery problem: {@code min_z 1/2 ||A z - b||^2 + lambda ||z||_1}, with A of shape m x n.
 *
 * @param a          the m x n measurement matrix, row-major ({@code a[row][column]})
 * @param b          the m measurements
 * @param lambda     the l1 weight (the paper uses 1e-5)
 * @param sparsity   the support size s the caller will keep; solvers that constrain ||z||_0 use it
 * @param warmStart  a previous solution of length n to start from, or {@code null}
 * @param limits     iteration, tolerance and time limits
 */
public record LassoProblem(double[][] a, double[] b, double lambda, int sparsity, double[] warmStart,
                           SolverLimits limits) {
    public LassoProblem {
        Objects.requireNonNull(a, "a is null");
        Objects.requireNonNull(b, "b is null");
        Objects.requireNonNull(limits, "limits is null");
    }

    public int rows() {
        return a.length;
    }

    public int columns() {
        return a.length == 0 ? 0 : a[0].length;
    }

    /**
     * The duality gap of {@code z}: the objective minus the dual objective 1/2||b||² - 1/2||θ - b||² at the
     * dual-feasible point θ = r·min(1, λ/||Aᵀr||∞), r = b - Az. It is ≥ 0 and 0 exactly at the optimum, so it
     * measures how far a solver stopped from the LASSO solution, whichever solver it was.
     */
    public double dualityGap(double[] z) {
        int m = rows();
        int n = columns();
        double[] r = new double[m];
        double residualSquares = 0;
        for (int i = 0; i < m; i++) {
            double az = 0;
            for (int j = 0; j < n; j++) {
                az += a[i][j] * z[j];
            }
            r[i] = b[i] - az;
            residualSquares += r[i] * r[i];
        }
        double correlationInf = 0;
        double norm1 = 0;
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < m; i++) {
                c += a[i][j] * r[i];
            }
            correlationInf = Math.max(correlationInf, Math.abs(c));
            norm1 += Math.abs(z[j]);
        }
        double factor = correlationInf <= lambda ? 1 : lambda / correlationInf;
        double bb = 0;
        double diff = 0;
        for (int i = 0; i < m; i++) {
            bb += b[i] * b[i];
            double d = factor * r[i] - b[i];
            diff += d * d;
        }
        return 0.5 * residualSquares + lambda * norm1 - (0.5 * bb - 0.5 * diff);
    }
}
