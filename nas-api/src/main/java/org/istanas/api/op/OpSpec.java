package org.istanas.api.op;

/**
 * Where an operation instance sits.
 *
 * @param channels number of input (and output) channels
 * @param stride   1, or 2 on the input edges of a reduction cell
 * @param affine   whether batch norms inside the op learn a scale and shift (false in search networks)
 */
public record OpSpec(int channels, int stride, boolean affine) {
    public OpSpec {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException("stride must be 1 or 2, got " + stride);
        }
    }
}
