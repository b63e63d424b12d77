package org.istanas.ops.engine.search;

import java.util.Arrays;

/**
 * The fixed part of one node's ISTA-NAS parametrisation: A (m x n), support S and linearisation point x. Maps b
 * to z_S = x_S + A_S^T (b - A_S x_S) and dLoss/dz_S back to dLoss/db = A_S dLoss/dz_S (paper digest 1.4).
 */
public final class SparseNodeCode {
    private final double[][] a;
    private final int[] support;
    private final double[] x;

    public SparseNodeCode(double[][] a, int[] support, double[] x, int n, String where) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException(where + ": A must have at least one row");
        }
        this.a = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            if (a[r] == null || a[r].length != n) {
                throw new IllegalArgumentException(where + ": row " + r + " of A has "
                        + (a[r] == null ? 0 : a[r].length) + " columns, expected n = " + n);
            }
            this.a[r] = a[r].clone();
        }
        if (support == null || support.length == 0) {
            throw new IllegalArgumentException(where + ": the support is empty");
        }
        if (x == null || x.length != n) {
            throw new IllegalArgumentException(where + ": x has length " + (x == null ? 0 : x.length)
                    + ", expected n = " + n);
        }
        boolean[] seen = new boolean[n];
        for (int k : support) {
            if (k < 0 || k >= n || seen[k]) {
                throw new IllegalArgumentException(where + ": support " + Arrays.toString(support)
                        + " must hold distinct indices in 0.." + (n - 1));
            }
            seen[k] = true;
        }
        this.support = support.clone();
        this.x = x.clone();
    }

    public int m() {
        return a.length;
    }

    public int[] support() {
        return support.clone();
    }

    public double[][] a() {
        double[][] copy = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            copy[r] = a[r].clone();
        }
        return copy;
    }

    public double[] x() {
        return x.clone();
    }

    /** z on the support, in support order. */
    public double[] weights(double[] b) {
        double[] residual = b.clone();
        for (int r = 0; r < a.length; r++) {
            for (int k : support) {
                residual[r] -= a[r][k] * x[k];
            }
        }
        double[] z = new double[support.length];
        for (int t = 0; t < support.length; t++) {
            int k = support[t];
            double v = x[k];
            for (int r = 0; r < a.length; r++) {
                v += a[r][k] * residual[r];
            }
            z[t] = v;
        }
        return z;
    }

    /** dLoss/db from dLoss/dz on the support. */
    public double[] gradientOfB(double[] gradZ) {
        double[] g = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            for (int t = 0; t < support.length; t++) {
                g[r] += a[r][support[t]] * gradZ[t];
            }
        }
        return g;
    }
}
