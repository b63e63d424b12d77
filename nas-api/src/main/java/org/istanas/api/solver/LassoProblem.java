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
}
