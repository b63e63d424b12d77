package org.istanas.ops.engine.search;

/**
 * The softmax over each edge's alphas that mixes a dense (DARTS) super-net's operations, and its backward pass, for
 * both dense super-nets (the DARTS space and NAS-Bench-201).
 */
public final class EdgeSoftmax {
    private EdgeSoftmax() {
    }

    /** softmax of every row of {@code alphas} (max-shifted, so large alphas do not overflow). */
    public static double[][] of(double[][] alphas) {
        double[][] p = new double[alphas.length][];
        for (int e = 0; e < alphas.length; e++) {
            double[] a = alphas[e];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : a) {
                max = Math.max(max, v);
            }
            double sum = 0;
            p[e] = new double[a.length];
            for (int o = 0; o < a.length; o++) {
                p[e][o] = Math.exp(a[o] - max);
                sum += p[e][o];
            }
            for (int o = 0; o < a.length; o++) {
                p[e][o] /= sum;
            }
        }
        return p;
    }

    /**
     * dLoss/dα of one edge from dLoss/dw of its mixed operations: p_o (g_o − Σ_o' p_o' g_o').
     *
     * @param p its softmax weights
     * @param g dLoss/dw per operation (0 for operations that are not computed, such as {@code none})
     */
    public static double[] backward(double[] p, double[] g) {
        double dot = 0;
        for (int o = 0; o < p.length; o++) {
            dot += p[o] * g[o];
        }
        double[] grad = new double[p.length];
        for (int o = 0; o < p.length; o++) {
            grad[o] = p[o] * (g[o] - dot);
        }
        return grad;
    }
}
