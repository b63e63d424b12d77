package org.istanas.api.network;

import org.istanas.api.genotype.CellType;

/**
 * One-stage super-net of any search space (paper digest 1.7): a sparse search network at target-net settings where
 * every op ends in a batch norm whose affine parameters are held at 1 and 0 until its node is released, and whose
 * architecture weights z fold into those batch norms at the end. {@link OneStageNetwork} is the {@code darts}
 * space's, whose folded network is a genotype's {@link TargetNetwork}; spaces with one cell type use
 * {@code CellType.NORMAL} only.
 */
public interface OneStageSearchNetwork extends SparseSearchNetwork {
    /** Stops updating b of a node (its gradient is zeroed and Adam skips it). */
    void freezeNode(CellType type, int node);

    /** Lets the BN affine parameters of every op on every edge into this node (all cells of the type) train. */
    void releaseNode(CellType type, int node);

    /**
     * Drop-path probability of the non-identity ops in training mode.
     *
     * @throws IllegalArgumentException when the network has no drop-path and the probability is not 0
     */
    void setDropPathProbability(double probability);

    /**
     * Folds z into the last BN of each active op (gamma' = z gamma, beta' = z beta) and returns the equivalent
     * ordinary network of the current supports (the space's one-stage BN layout), trainable on its own.
     */
    TrainableNetwork fold();
}
