package org.istanas.api.op;

/**
 * The engine primitives an operation is composed of. All tensors are NCHW; convolutions have no bias
 * (a batch norm follows them). Padding is symmetric.
 */
public interface OpBuilder {
    OpBlock relu();

    OpBlock conv(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation);

    /** Depthwise convolution: one kernel per channel (groups = channels). */
    OpBlock depthwiseConv(int channels, int kernel, int stride, int padding, int dilation);

    OpBlock batchNorm(int channels, boolean affine);

    OpBlock maxPool(int kernel, int stride, int padding);

    /** Average pooling; {@code countIncludePad = false} divides by the number of in-image cells (DARTS). */
    OpBlock avgPool(int kernel, int stride, int padding, boolean countIncludePad);

    OpBlock identity();

    /**
     * ReLU, then two 1x1 stride-2 convolutions of {@code outChannels/2} each, the second on the input shifted by
     * one pixel, concatenated, then batch norm (DARTS {@code FactorizedReduce}).
     */
    OpBlock factorizedReduce(int inChannels, int outChannels, boolean affine);

    /**
     * Zeros at H/stride x W/stride (DARTS's {@code none}); engines that do not offer it throw
     * {@link UnsupportedOperationException}.
     */
    default OpBlock zero(int stride) {
        throw new UnsupportedOperationException("this engine has no zero operation");
    }

    /** Applies the blocks one after another. */
    OpBlock sequence(OpBlock... blocks);
}
