package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * max(x, 0), native {@code relu}/{@code relu_bp}. The backward pass reads the output, not the input (y > 0 exactly
 * where x > 0, so the mask is the same bit for bit), as PyTorch's does: the input can be freed after the forward
 * pass when nothing else needs it.
 */
public final class Relu implements Layer {
    private INDArray output;
    private INDArray gradInput;

    @Override
    public INDArray forward(INDArray x, boolean training) {
        output = Buffers.ensure(output, x.dataType(), x.shape());
        NativeOps.relu(x, output);
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        gradInput = Buffers.ensure(gradInput, output.dataType(), output.shape());
        NativeOps.reluBackward(output, gradOutput, gradInput);
        Buffers.recycle(output); // its readers' backward passes ran before this one (buffer contract)
        output = null;
        return gradInput;
    }

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
        output = null;
        gradInput = null;
    }
}
