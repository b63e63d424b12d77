package org.istanas.ops.candidates;

import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;

/** DARTS building blocks composed from engine primitives, usable by any operation plugin. */
public final class Blocks {
    private Blocks() {
    }

    /** ReLU, k x k convolution (no bias), batch norm: DARTS {@code ReLUConvBN} (1x1 in cell preprocessing). */
    public static OpBlock reluConvBn(OpBuilder b, int in, int out, int kernel, int stride, int padding,
                                     boolean affine) {
        return b.sequence(b.relu(), b.conv(in, out, kernel, stride, padding, 1), b.batchNorm(out, affine));
    }

    /** DARTS {@code FactorizedReduce}: halves H and W with two offset 1x1 stride-2 convolutions. */
    public static OpBlock factorizedReduce(OpBuilder b, int in, int out, boolean affine) {
        return b.factorizedReduce(in, out, affine);
    }

    /** DARTS {@code DilConv}: ReLU, depthwise k x k (dilated), pointwise 1x1, batch norm. */
    public static OpBlock dilConv(OpBuilder b, int in, int out, int kernel, int stride, int padding, int dilation,
                                  boolean affine) {
        return b.sequence(b.relu(), b.depthwiseConv(in, kernel, stride, padding, dilation),
                b.conv(in, out, 1, 1, 0, 1), b.batchNorm(out, affine));
    }

    /** DARTS {@code SepConv}: two DilConv-like stages without dilation, only the first with the stride. */
    public static OpBlock sepConv(OpBuilder b, int in, int out, int kernel, int stride, int padding, boolean affine) {
        return b.sequence(
                b.relu(), b.depthwiseConv(in, kernel, stride, padding, 1), b.conv(in, in, 1, 1, 0, 1),
                b.batchNorm(in, affine),
                b.relu(), b.depthwiseConv(in, kernel, 1, padding, 1), b.conv(in, out, 1, 1, 0, 1),
                b.batchNorm(out, affine));
    }
}
