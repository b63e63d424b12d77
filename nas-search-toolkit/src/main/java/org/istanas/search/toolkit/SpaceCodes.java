package org.istanas.search.toolkit;

import java.util.List;
import org.istanas.api.genotype.CellType;
import org.istanas.api.space.Architecture;

/**
 * How a search space lays out the architecture codes of a super-net search: which cell types and nodes have a code,
 * how long each code is, which of its entries a discrete architecture keeps, and the architecture those choices
 * spell. {@link DartsCodes} and {@link Nb201Codes} are the two built-in layouts; entry k of node j's code is always
 * (input {@code k / ops}, op {@code k % ops}).
 */
public interface SpaceCodes {
    /** The cell types that carry codes, in codes.csv order. */
    List<CellType> types();

    /** Intermediate nodes per cell type. */
    int nodes();

    /** Candidate operations per input edge. */
    int operationsPerEdge();

    /**
     * Rows m_j of node {@code node}'s measurement matrix A_j.
     *
     * @param projDims the configured m (the paper's 7 for the darts cells)
     */
    int measurements(int node, int projDims);

    /** Length n_j of node {@code node}'s code (0-based). */
    int candidates(int node);

    /** How many entries a discrete architecture keeps at this node (s of the LASSO, the DARTS top-k). */
    int picks(int node);

    /**
     * The entries node {@code node} keeps, from a code: in the order the architecture lists them.
     *
     * @param code the node's code (length {@link #candidates})
     */
    int[] support(double[] code, int node);

    /** The architecture of per-node supports {@code supports[type index][node]}. */
    Architecture architecture(int[][][] supports);

    /** Column names of codes.csv, one per entry of every code. */
    List<String> codeColumns();

    /** Column names of metrics.csv, one per node of every cell type (its support as a label). */
    List<String> supportColumns();

    /** Names of the nodes in messages, in {@link #supportColumns} order, e.g. {@code normal node 2}. */
    List<String> nodeNames();

    /** A node's support as text without commas, e.g. {@code sep_conv_3x3@1+skip_connect@0}. */
    String label(int[] support);

    /** The architecture on one line, for progress output. */
    String line(Architecture architecture);
}
