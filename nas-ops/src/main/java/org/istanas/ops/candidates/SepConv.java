package org.istanas.ops.candidates;

import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.istanas.api.op.OpSpec;

/** DARTS separable convolution applied twice: [ReLU, dw k, 1x1, BN, ReLU, dw k, 1x1, BN]. */
public final class SepConv implements CandidateOperation {
    private final int kernel;

    public SepConv(int kernel) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel must be odd and positive, got " + kernel);
        }
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return "sep_conv_" + kernel + "x" + kernel;
    }

    @Override
    public String description() {
        return "separable " + kernel + "x" + kernel + " convolution, twice";
    }

    @Override
    public OpBlock build(OpBuilder b, OpSpec spec) {
        return Blocks.sepConv(b, spec.channels(), spec.channels(), kernel, spec.stride(), kernel / 2, spec.affine());
    }
}
