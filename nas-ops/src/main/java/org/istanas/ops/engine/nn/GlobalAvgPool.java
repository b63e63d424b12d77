package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Mean over H and W: [N, C, H, W] to [N, C]. */
public final class GlobalAvgPool implements Layer {
    private long[] inputShape;
    private INDArray output;
    private INDArray gradInput;

    @Override
    public INDArray forward(INDArray x, boolean training) {
        inputShape = x.shape();
        long n = x.size(0);
        long c = x.size(1);
        Buffers.release(output);
        output = x.reshape('c', n, c, x.size(2) * x.size(3)).mean(2);
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        long n = inputShape[0];
        long c = inputShape[1];
        long hw = inputShape[2] * inputShape[3];
        gradInput = Buffers.zeros(gradInput, gradOutput.dataType(), inputShape);
        INDArray scaled = gradOutput.reshape('c', n * c, 1).div(hw);
        gradInput.reshape('c', n * c, hw).addiColumnVector(scaled);
        scaled.close();
        return gradInput;
    }

    /** The backward pass needs only the input's shape. */
    @Override
    public boolean backwardReadsInput() {
        return false;
    }

    @Override
    public void releaseGradient() {
        Buffers.recycle(gradInput);
        gradInput = null;
    }

    @Override
    public void close() {
        Buffers.release(output);
        Buffers.release(gradInput);
        output = gradInput = null;
    }
}
