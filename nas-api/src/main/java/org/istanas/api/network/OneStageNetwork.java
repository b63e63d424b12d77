package org.istanas.api.network;

/**
 * One-stage super-net of the {@code darts} space (paper digest 1.7): a sparse search network at target-net settings
 * where every op ends in a batch norm whose affine parameters are held at 1 and 0 until its node is released.
 */
public interface OneStageNetwork extends OneStageSearchNetwork {
    /**
     * Folds z into the last BN of each active op (gamma' = z gamma, beta' = z beta) and returns the equivalent
     * ordinary target network (the genotype of the current supports, one-stage BN layout).
     */
    @Override
    TargetNetwork fold();
}
