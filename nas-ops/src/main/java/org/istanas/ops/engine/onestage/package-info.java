/**
 * The one-stage ISTA-NAS super-net (paper digest 1.7) on the ND4J layer stack: target-net settings, only the
 * support's ops computed, a batch norm at the end of every op whose affine parameters stay at 1 and 0 until the
 * node is released, and folding of z into those batch norms. One class per job: {@code Nd4jOneStageNetwork} (cells,
 * op instances, forward and backward hooks), {@code NodeCodes} of the search package (A, support, x, b, freezing), {@code OneStageState}
 * (its part of a checkpoint), {@code SupportGenotype} (the genotype of the supports) and {@code Folding}.
 */
package org.istanas.ops.engine.onestage;
