package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** max(x, 0), native {@code relu}/{@code relu_bp}. */
public final class Relu implements Layer {
    private INDArray input;
    private INDArray output;
    private INDArray gradInput;

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        output = Buffers.ensure(output, x.dataType(), x.shape());
        NativeOps.relu(x, output);
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        gradInput = Buffers.ensure(gradInput, input.dataType(), input.shape());
        NativeOps.reluBackward(input, gradOutput, gradInput);
        return gradInput;
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
        output = null;
        gradInput = null;
        input = null;
    }
}
