package org.istanas.api.network;

import org.istanas.api.data.Batch;
import org.istanas.api.space.Architecture;

/**
 * A super-net that can evaluate one discrete architecture with its shared weights: only the architecture's
 * operations are computed, each with weight 1 (the one-shot estimate of how good the architecture is). Super-net
 * rankings ({@code istanas supernet-rank}) use it.
 */
public interface CellEvaluation {
    /**
     * The loss and accuracy of {@code architecture} on a batch, with the super-net's weights.
     *
     * @param batchStatistics normalise with the batch's own statistics (training-mode BN, as NATS-Bench scores
     *                        one-shot cells) instead of the running statistics the super-net accumulated
     * @throws IllegalArgumentException when the architecture is not of the super-net's space or uses an
     *                                  operation the super-net does not have
     */
    StepResult evaluate(Batch batch, Architecture architecture, boolean batchStatistics);
}
