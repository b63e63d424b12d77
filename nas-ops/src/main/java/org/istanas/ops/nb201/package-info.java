/**
 * NAS-Bench-201 networks on the ND4J engine: the five operations, the cell, the residual reduction block and the
 * stand-alone {@link org.istanas.ops.nb201.Nb201Network} exactly as the official code builds them (trainable, with
 * the one-stage BN layout as an option), and the ISTA-NAS two-stage, DARTS and one-stage super-nets of the space.
 */
package org.istanas.ops.nb201;
