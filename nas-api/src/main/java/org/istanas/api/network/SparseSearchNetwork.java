package org.istanas.api.network;

import org.istanas.api.genotype.CellType;

/**
 * The ISTA-NAS super-net. Node j of a cell type has compressed variables b_j (length m, shared by all cells of the
 * type) and weights z_j = x_S + A_S^T (b_j - A_S x_S) on its support S, zero elsewhere (paper digest 1.4). Entry k of
 * z_j belongs to input node {@code k / ops} and op {@code k % ops}. Ops outside S are not computed.
 */
public interface SparseSearchNetwork extends TrainableNetwork {
    /** The compressed variables b of all nodes of both cell types (Adam updates them). */
    ParameterGroup architecture();

    double[] compressedCode(CellType type, int node);

    void setCompressedCode(CellType type, int node, double[] b);

    /**
     * Fixes A_j, the support S (indices into z_j) and the linearisation point x (length n_j, read only on S).
     * Weights of ops leaving the support are kept and reused when they come back.
     */
    void setSupport(CellType type, int node, double[][] a, int[] support, double[] x);

    /** The current z_j (length n_j) as the forward pass uses it. */
    double[] nodeWeights(CellType type, int node);

    /** Number of (input, op) evaluations per [cell][node] in the last forward pass, for verification. */
    int[][] computedOperations();
}
