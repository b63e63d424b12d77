package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Max or average pooling, native {@code maxpool2d}/{@code avgpool2d} and their {@code _bp}. */
public final class Pool implements Layer {
    public enum Kind { MAX, AVG }

    private final Kind kind;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean countIncludePad;
    private INDArray input;
    private INDArray output;
    private INDArray gradInput;

    public Pool(Kind kind, int kernel, int stride, int padding, boolean countIncludePad) {
        this.kind = kind;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.countIncludePad = countIncludePad;
    }

    public Kind kind() {
        return kind;
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

    /** Whether zero padding counts in the divisor of average pooling. */
    public boolean countIncludePad() {
        return countIncludePad;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        output = Buffers.ensure(output, x.dataType(), x.size(0), x.size(1),
                Conv2d.outSize(x.size(2), kernel, stride, padding), Conv2d.outSize(x.size(3), kernel, stride, padding));
        if (kind == Kind.MAX) {
            NativeOps.maxPool(x, output, kernel, stride, padding);
        } else {
            NativeOps.avgPool(x, output, kernel, stride, padding, countIncludePad);
        }
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        gradInput = Buffers.ensure(gradInput, input.dataType(), input.shape());
        if (kind == Kind.MAX) {
            NativeOps.maxPoolBackward(input, gradOutput, gradInput, kernel, stride, padding);
        } else {
            NativeOps.avgPoolBackward(input, gradOutput, gradInput, kernel, stride, padding, countIncludePad);
        }
        Buffers.recycle(output); // its readers' backward passes ran before this one (buffer contract)
        output = null;
        return gradInput;
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
        output = null;
        gradInput = null;
        input = null;
    }
}
