package org.istanas.ops.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Fully connected layer y = x W + b on [N, in]; W is [in, out] (PyTorch's weight transposed). */
public final class Linear implements Layer {
    private final int in;
    private final int out;
    private final Param weight;
    private final Param bias;
    private INDArray input;
    private INDArray output;
    private INDArray gradInput;

    public Linear(String name, DataType type, SplittableRandom random, int in, int out) {
        this.in = in;
        this.out = out;
        double bound = 1 / Math.sqrt(in);
        this.weight = new Param(name + ".weight", Init.uniform(random, type, bound, in, out));
        this.bias = new Param(name + ".bias", Init.uniform(random, type, bound, out));
    }

    /** [in, out]. */
    public Param weight() {
        return weight;
    }

    public Param bias() {
        return bias;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.rank() != 2 || x.size(1) != in) {
            throw new IllegalArgumentException("linear layer expects [N, " + in + "], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        input = x;
        output = Buffers.ensure(output, x.dataType(), x.size(0), out);
        Nd4j.gemm(x, weight.value(), output, false, false, 1.0, 0.0);
        output.addiRowVector(bias.value());
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Nd4j.gemm(input, gradOutput, weight.gradient(), true, false, 1.0, 0.0);
        bias.gradient().assign(gradOutput.sum(0));
        weight.markGradient();
        bias.markGradient();
        gradInput = Buffers.ensure(gradInput, input.dataType(), input.shape());
        Nd4j.gemm(gradOutput, weight.value(), gradInput, false, true, 1.0, 0.0);
        return gradInput;
    }

    @Override
    public void collectParameters(List<Param> sink) {
        sink.add(weight);
        sink.add(bias);
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
        output = gradInput = input = null;
    }
}
