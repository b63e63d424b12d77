package org.istanas.ops.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DARTS {@code FactorizedReduce}: ReLU, then conv1x1 stride 2 on x and conv1x1 stride 2 on x[:, :, 1:, 1:], each
 * giving half of the output channels, concatenated, then batch norm. A 1x1 stride-2 convolution reads only one
 * parity phase, so each branch is computed as a stride-1 1x1 conv on a contiguous copy of phase (0, 0) or (1, 1).
 * Requires even H and W (as PyTorch's concatenation does).
 */
public final class FactorizedReduce implements Layer {
    private final int inChannels;
    private final int outA;
    private final int outB;
    private final Relu relu = new Relu();
    private final Conv2d convA;
    private final Conv2d convB;
    private final BatchNorm bn;
    private INDArray phaseA;
    private INDArray phaseB;
    private INDArray concat;
    private INDArray gradA;
    private INDArray gradB;
    private INDArray gradRelu;
    private INDArray reluOut;

    public FactorizedReduce(String name, DataType type, SplittableRandom random, int inChannels, int outChannels,
                            boolean affine) {
        if (outChannels < 2) {
            throw new IllegalArgumentException("FactorizedReduce needs at least 2 output channels, got "
                    + outChannels);
        }
        this.inChannels = inChannels;
        this.outA = outChannels / 2;
        this.outB = outChannels - outA;
        this.convA = new Conv2d(name + ".conv_1", type, random, inChannels, outA, 1, 1, 0);
        this.convB = new Conv2d(name + ".conv_2", type, random, inChannels, outB, 1, 1, 0);
        this.bn = new BatchNorm(name + ".bn", type, outChannels, affine, false);
    }

    public BatchNorm batchNorm() {
        return bn;
    }

    /** The 1x1 stride-2 convolution on x (the first half of the output channels). */
    public Conv2d convA() {
        return convA;
    }

    /** The 1x1 stride-2 convolution on x[:, :, 1:, 1:] (the second half). */
    public Conv2d convB() {
        return convB;
    }

    /** x[:, :, ::2, ::2] and x[:, :, 1::2, 1::2]. */
    private static final int[] PHASES = {0, 3};

    private static INDArrayIndex[] channels(long from, long to) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(),
                NDArrayIndex.all()};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.size(1) != inChannels || x.size(2) % 2 != 0 || x.size(3) % 2 != 0) {
            throw new IllegalArgumentException("FactorizedReduce expects " + inChannels
                    + " channels and even H, W; got " + java.util.Arrays.toString(x.shape()));
        }
        reluOut = relu.forward(x, training);
        long n = x.size(0);
        long h = x.size(2) / 2;
        long w = x.size(3) / 2;
        phaseA = Buffers.ensure(phaseA, x.dataType(), n, inChannels, h, w);
        phaseB = Buffers.ensure(phaseB, x.dataType(), n, inChannels, h, w);
        PhaseShuffle.split(reluOut, PHASES, phaseA, phaseB);
        INDArray a = convA.forward(phaseA, training);
        INDArray b = convB.forward(phaseB, training);
        concat = Buffers.ensure(concat, x.dataType(), n, outA + outB, h, w);
        concat.get(channels(0, outA)).assign(a);
        concat.get(channels(outA, outA + outB)).assign(b);
        convA.releaseOutput(); // copied into concat; the convolutions' backward passes read only their inputs
        convB.releaseOutput();
        return bn.forward(concat, training);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray g = bn.backward(gradOutput);
        gradA = Buffers.ensure(gradA, g.dataType(), g.size(0), outA, g.size(2), g.size(3));
        gradB = Buffers.ensure(gradB, g.dataType(), g.size(0), outB, g.size(2), g.size(3));
        gradA.assign(g.get(channels(0, outA)));
        gradB.assign(g.get(channels(outA, outA + outB)));
        bn.releaseGradient();
        INDArray ga = convA.backward(gradA);
        INDArray gb = convB.backward(gradB);
        Buffers.recycle(gradA);
        Buffers.recycle(gradB);
        gradA = gradB = null;
        gradRelu = Buffers.ensure(gradRelu, reluOut.dataType(), reluOut.shape());
        PhaseShuffle.merge(gradRelu, PHASES, ga, gb);
        convA.releaseGradient();
        convB.releaseGradient();
        INDArray gradInput = relu.backward(gradRelu);
        Buffers.recycle(gradRelu);
        Buffers.recycle(phaseA);
        Buffers.recycle(phaseB);
        Buffers.recycle(concat);
        gradRelu = phaseA = phaseB = concat = null;
        return gradInput;
    }

    /** It starts with a ReLU, whose backward pass reads its own output. */
    @Override
    public boolean backwardReadsInput() {
        return false;
    }

    @Override
    public boolean releaseOutput() {
        return bn.releaseOutput();
    }

    @Override
    public void releaseGradient() {
        relu.releaseGradient();
    }

    @Override
    public void collectParameters(List<Param> sink) {
        convA.collectParameters(sink);
        convB.collectParameters(sink);
        bn.collectParameters(sink);
    }

    @Override
    public void collectBuffers(List<INDArray> sink) {
        bn.collectBuffers(sink);
    }

    @Override
    public void collectLayers(List<Layer> sink) {
        sink.add(this);
        sink.add(relu);
        sink.add(convA);
        sink.add(convB);
        sink.add(bn);
    }

    @Override
    public void close() {
        relu.close();
        convA.close();
        convB.close();
        bn.close();
        for (INDArray a : new INDArray[] {phaseA, phaseB, concat, gradA, gradB, gradRelu}) {
            Buffers.release(a);
        }
        phaseA = phaseB = concat = gradA = gradB = gradRelu = reluOut = null;
    }
}
