package org.istanas.ops.engine.onestage;

import java.util.Arrays;
import java.util.Objects;

/**
 * The differentiable map b -> z of one node (paper digest 1.4): z_S = x_S + A_S^T (b - A_S x_S) on the support S,
 * zero elsewhere, and its adjoint dL/db = A_S dL/dz_S. Immutable; A is m x n.
 */
final class NodeCode {
    private final double[][] a;
    private final int[] support;
    private final double[] x;
    private final int n;

    NodeCode(double[][] a, int[] support, double[] x, int n, String context) {
        Objects.requireNonNull(a, "a is null");
        Objects.requireNonNull(support, "support is null");
        Objects.requireNonNull(x, "x is null");
        if (a.length == 0) {
            throw new IllegalArgumentException(context + ": A has no rows");
        }
        this.a = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            if (a[r] == null || a[r].length != n) {
                throw new IllegalArgumentException(context + ": row " + r + " of A must have n = " + n + " columns, got "
                        + (a[r] == null ? "null" : a[r].length));
            }
            this.a[r] = a[r].clone();
        }
        if (x.length != n) {
            throw new IllegalArgumentException(context + ": x must have length n = " + n + ", got " + x.length);
        }
        boolean[] seen = new boolean[n];
        for (int k : support) {
            if (k < 0 || k >= n) {
                throw new IllegalArgumentException(context + ": support index " + k + " outside 0.." + (n - 1));
            }
            if (seen[k]) {
                throw new IllegalArgumentException(context + ": support index " + k + " repeated");
            }
            seen[k] = true;
        }
        this.support = support.clone();
        this.x = x.clone();
        this.n = n;
    }

    int m() {
        return a.length;
    }

    int n() {
        return n;
    }

    int[] support() {
        return support.clone();
    }

    double[][] a() {
        double[][] copy = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            copy[r] = a[r].clone();
        }
        return copy;
    }

    double[] x() {
        return x.clone();
    }

    /** z on the support, in support order. */
    double[] weights(double[] b) {
        if (b.length != a.length) {
            throw new IllegalArgumentException("b has length " + b.length + ", A has " + a.length + " rows");
        }
        double[] residual = b.clone();
        for (int r = 0; r < a.length; r++) {
            for (int k : support) {
                residual[r] -= a[r][k] * x[k];
            }
        }
        double[] z = new double[support.length];
        for (int i = 0; i < support.length; i++) {
            int k = support[i];
            double sum = x[k];
            for (int r = 0; r < a.length; r++) {
                sum += a[r][k] * residual[r];
            }
            z[i] = sum;
        }
        return z;
    }

    /** dL/db from dL/dz on the support (support order). */
    double[] gradientOfB(double[] gradZ) {
        double[] g = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            for (int i = 0; i < support.length; i++) {
                g[r] += a[r][support[i]] * gradZ[i];
            }
        }
        return g;
    }

    @Override
    public String toString() {
        return "NodeCode[m=" + a.length + ", n=" + n + ", support=" + Arrays.toString(support) + "]";
    }
}
