package org.istanas.ops.candidates;

import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.istanas.api.op.OpSpec;

/** DARTS dilated separable convolution: [ReLU, dw k dilation 2, 1x1, BN]. */
public final class DilConv implements CandidateOperation {
    private final int kernel;

    public DilConv(int kernel) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel must be odd and positive, got " + kernel);
        }
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return "dil_conv_" + kernel + "x" + kernel;
    }

    @Override
    public String description() {
        return "dilated (2) separable " + kernel + "x" + kernel + " convolution";
    }

    @Override
    public OpBlock build(OpBuilder b, OpSpec spec) {
        return Blocks.dilConv(b, spec.channels(), spec.channels(), kernel, spec.stride(), kernel - 1, 2,
                spec.affine());
    }
}
