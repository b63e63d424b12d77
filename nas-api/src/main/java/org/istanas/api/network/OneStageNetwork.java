package org.istanas.api.network;

import org.istanas.api.genotype.CellType;

/**
 * One-stage super-net (paper digest 1.7): a sparse search network at target-net settings where every op ends in a
 * batch norm whose affine parameters are held at 1 and 0 until its node is released.
 */
public interface OneStageNetwork extends SparseSearchNetwork {
    /** Stops updating b of a node (its gradient is zeroed and Adam skips it). */
    void freezeNode(CellType type, int node);

    /** Lets the BN affine parameters of every op on every edge into this node (all cells of the type) train. */
    void releaseNode(CellType type, int node);

    void setDropPathProbability(double probability);

    /**
     * Folds z into the last BN of each active op (gamma' = z gamma, beta' = z beta) and returns the equivalent
     * ordinary target network (the genotype of the current supports, one-stage BN layout).
     */
    TargetNetwork fold();
}
