/**
 * The one-stage ISTA-NAS super-net (paper digest 1.7) on the ND4J layer stack: target-net settings, only the
 * support's ops computed, a batch norm at the end of every op whose affine parameters stay at 1 and 0 until the
 * node is released, and folding of z into those batch norms.
 */
package org.istanas.ops.engine.onestage;
