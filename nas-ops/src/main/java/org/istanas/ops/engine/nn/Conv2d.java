package org.istanas.ops.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Convolution without bias (a batch norm follows): native {@code conv2d}/{@code conv2d_bp}, except 1x1 stride-1
 * convolutions of dense arrays on the host path, which run as one GEMM per image ({@link PointwiseConvKernel}).
 */
public final class Conv2d implements Layer {
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Param weight;
    private INDArray input;
    private INDArray output;
    private INDArray gradInput;
    private PointwiseConvKernel pointwise;
    private boolean lastForwardPointwise;

    public Conv2d(String name, DataType type, SplittableRandom random, int inChannels, int outChannels, int kernel,
                  int stride, int padding) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        double bound = 1 / Math.sqrt((double) inChannels * kernel * kernel);
        this.weight = new Param(name + ".weight",
                Init.uniform(random, type, bound, kernel, kernel, inChannels, outChannels));
    }

    public Param weight() {
        return weight;
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    static long outSize(long in, int kernel, int stride, int padding) {
        return (in + 2L * padding - kernel) / stride + 1;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.size(1) != inChannels) {
            throw new IllegalArgumentException("conv expects " + inChannels + " input channels, got " + x.size(1));
        }
        input = x;
        output = Buffers.ensure(output, x.dataType(), x.size(0), outChannels,
                outSize(x.size(2), kernel, stride, padding), outSize(x.size(3), kernel, stride, padding));
        lastForwardPointwise = PointwiseConvKernel.applies(kernel, stride, padding, x)
                && Buffers.isDense(weight.value()) && Buffers.isDense(weight.gradient());
        if (lastForwardPointwise) {
            if (pointwise == null) {
                pointwise = new PointwiseConvKernel();
            }
            pointwise.forward(x, weight.value(), output);
        } else {
            NativeOps.conv2d(x, weight.value(), output, kernel, stride, padding);
        }
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        gradInput = Buffers.ensure(gradInput, input.dataType(), input.shape());
        if (lastForwardPointwise) { // the path of the forward pass, whatever the setting is now
            pointwise.backward(input, weight.value(), gradOutput, gradInput, weight.gradient());
        } else {
            NativeOps.conv2dBackward(input, weight.value(), gradOutput, gradInput, weight.gradient(), kernel, stride,
                    padding);
        }
        weight.markGradient();
        Buffers.recycle(output); // its readers' backward passes ran before this one (buffer contract)
        output = null;
        return gradInput;
    }

    @Override
    public void collectParameters(List<Param> sink) {
        sink.add(weight);
    }

    /** The backward pass reads the input, never the output. */
    @Override
    public boolean releaseOutput() {
        if (output == null) {
            return false;
        }
        Buffers.recycle(output);
        output = null;
        return true;
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
        if (pointwise != null) {
            pointwise.close();
            pointwise = null;
        }
        output = null;
        gradInput = null;
        input = null;
    }
}
