package org.istanas.api.space;

import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.TrainableNetwork;

/**
 * How a {@link SearchSpace}'s networks are built through the numeric engine. The interface is engine-neutral;
 * the engine module implements it (nas-ops for ND4J), so a space can live in a jar without engine types and still
 * be bound to networks by the engine.
 */
public interface SpaceNetworks {
    /**
     * The stand-alone network of {@code architecture}.
     *
     * @throws IllegalArgumentException when the architecture is not of this space or names an unknown operation
     */
    StandaloneModel standalone(Architecture architecture, StandaloneRequest request);

    /**
     * The stand-alone network of {@code architecture}, trainable from scratch ({@code evaluate}): softmax
     * cross-entropy training steps, inference, and its state for checkpoints.
     *
     * @throws IllegalArgumentException      when the architecture is not of this space or names an unknown operation
     * @throws UnsupportedOperationException when the engine cannot train this space's networks
     */
    default TrainableNetwork trainable(Architecture architecture, StandaloneRequest request) {
        throw new UnsupportedOperationException("no trainable stand-alone network for this space in this engine");
    }

    /**
     * The ISTA-NAS sparse super-net of this space: only each node's support is computed, b gets its gradient through
     * z_S = x_S + A_S^T (b - A_S x_S). Spaces with a single cell type use {@code CellType.NORMAL} only.
     *
     * @throws UnsupportedOperationException when the engine has no sparse super-net for this space
     */
    default SparseSearchNetwork sparseSearchNetwork(SpaceSearchSpec spec) {
        throw new UnsupportedOperationException("no sparse search network for this space in this engine");
    }

    /**
     * The DARTS super-net of this space: every operation of every edge computed and mixed by a softmax over the
     * edge's alphas ({@code none} included when the spec's operations hold it). Spaces with a single cell type use
     * {@code CellType.NORMAL} only.
     *
     * @throws UnsupportedOperationException when the engine has no dense super-net for this space
     */
    default DenseSearchNetwork denseSearchNetwork(SpaceSearchSpec spec) {
        throw new UnsupportedOperationException("no dense search network for this space in this engine");
    }

    /**
     * The one-stage ISTA-NAS super-net of this space at target-net settings: only each node's support is computed,
     * every op ends in a batch norm held at gamma = 1, beta = 0 until its node is released, and {@code fold()} gives
     * the space's stand-alone network (one-stage BN layout) with z inside those batch norms.
     *
     * @throws UnsupportedOperationException when the engine has no one-stage super-net for this space
     */
    default OneStageSearchNetwork oneStageNetwork(SpaceSearchSpec spec) {
        throw new UnsupportedOperationException("no one-stage search network for this space in this engine");
    }
}
