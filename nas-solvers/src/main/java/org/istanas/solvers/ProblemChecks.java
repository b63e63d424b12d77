package org.istanas.solvers;

import org.istanas.api.solver.LassoProblem;

/** Input validation shared by all solvers: shape, finiteness, λ ≥ 0, sparsity and warm-start length. */
public final class ProblemChecks {
    private ProblemChecks() {
    }

    /**
     * @throws IllegalArgumentException naming the offending field, row and column
     */
    public static void validate(LassoProblem problem) {
        double[][] a = problem.a();
        double[] b = problem.b();
        if (a.length == 0) {
            throw new IllegalArgumentException("matrix a has no rows");
        }
        int n = a[0] == null ? 0 : a[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("matrix a has no columns");
        }
        for (int r = 0; r < a.length; r++) {
            if (a[r] == null || a[r].length != n) {
                throw new IllegalArgumentException("matrix a row " + r + " has "
                        + (a[r] == null ? "no" : a[r].length) + " columns, expected " + n);
            }
            for (int c = 0; c < n; c++) {
                if (!Double.isFinite(a[r][c])) {
                    throw new IllegalArgumentException("matrix a[" + r + "][" + c + "] is " + a[r][c]
                            + ", expected a finite number");
                }
            }
        }
        if (b.length != a.length) {
            throw new IllegalArgumentException("b has " + b.length + " entries but a has " + a.length + " rows");
        }
        for (int r = 0; r < b.length; r++) {
            if (!Double.isFinite(b[r])) {
                throw new IllegalArgumentException("b[" + r + "] is " + b[r] + ", expected a finite number");
            }
        }
        if (!(problem.lambda() >= 0) || Double.isInfinite(problem.lambda())) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + problem.lambda());
        }
        if (problem.sparsity() < 0 || problem.sparsity() > n) {
            throw new IllegalArgumentException("sparsity must be between 0 and n = " + n + ", got "
                    + problem.sparsity());
        }
        double[] warm = problem.warmStart();
        if (warm != null) {
            if (warm.length != n) {
                throw new IllegalArgumentException("warmStart has length " + warm.length + ", expected n = " + n);
            }
            for (int c = 0; c < n; c++) {
                if (!Double.isFinite(warm[c])) {
                    throw new IllegalArgumentException("warmStart[" + c + "] is " + warm[c]
                            + ", expected a finite number");
                }
            }
        }
    }
}
