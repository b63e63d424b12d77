package org.istanas.ops.engine.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.istanas.api.run.StateStreams;

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

    /** Writes A (its row count, then each row), the support (its size, then each index) and x to a state stream. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(a.length);
        for (double[] row : a) {
            StateStreams.writeDoubles(out, row);
        }
        out.writeInt(support.length);
        for (int k : support) {
            out.writeInt(k);
        }
        StateStreams.writeDoubles(out, x);
    }

    /**
     * Reads what {@link #write} wrote, as the code of a node with {@code n} candidates.
     *
     * @throws IllegalArgumentException naming {@code where} when the values do not make a code of such a node
     */
    public static SparseNodeCode read(DataInputStream in, int n, String where) throws IOException {
        double[][] a = new double[in.readInt()][];
        for (int r = 0; r < a.length; r++) {
            a[r] = StateStreams.readDoubles(in);
        }
        int[] support = new int[in.readInt()];
        for (int i = 0; i < support.length; i++) {
            support[i] = in.readInt();
        }
        return new SparseNodeCode(a, support, StateStreams.readDoubles(in), n, where);
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
