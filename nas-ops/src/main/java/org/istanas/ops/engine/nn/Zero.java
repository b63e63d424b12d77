package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DARTS's {@code none} operation: zeros of the input's shape at the given stride (H and W divided by the stride,
 * rounded up, as {@code x[:, :, ::stride, ::stride].mul(0.)}); its input gradient is zero.
 */
public final class Zero implements Layer {
    private final int stride;
    private INDArray output;
    private INDArray gradInput;
    private long[] inputShape;

    public Zero(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        }
        this.stride = stride;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        inputShape = x.shape();
        output = Buffers.zeros(output, x.dataType(), x.size(0), x.size(1), (x.size(2) + stride - 1) / stride,
                (x.size(3) + stride - 1) / stride);
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        gradInput = Buffers.zeros(gradInput, gradOutput.dataType(), inputShape);
        return gradInput;
    }

    @Override
    public void close() {
        Buffers.release(output);
        Buffers.release(gradInput);
        output = null;
        gradInput = null;
    }
}
