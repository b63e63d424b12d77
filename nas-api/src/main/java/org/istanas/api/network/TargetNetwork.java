package org.istanas.api.network;

import org.istanas.api.genotype.Genotype;

/** A network built from a genotype, trained from scratch in evaluation. */
public interface TargetNetwork extends TrainableNetwork {
    Genotype genotype();

    /** Drop-path probability applied to non-identity ops in training mode (ramped by the trainer). */
    @Override
    void setDropPathProbability(double probability);
}
