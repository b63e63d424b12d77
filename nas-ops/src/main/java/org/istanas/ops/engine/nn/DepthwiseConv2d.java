package org.istanas.ops.engine.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Depthwise convolution (groups = channels), native {@code depthwise_conv2d}/{@code _bp}.
 *
 * <p>oneDNN rejects dilated depthwise convolutions, so dilation is rewritten (docs/engine.md):
 * <ul>
 *   <li>{@link DilationMode#SPACE_TO_BATCH} (dilation 2, even padding, even H and W): with d = 2 the output pixels
 *   of each parity phase only read input pixels of the same phase, so a dilated conv is an ordinary conv with
 *   padding p/2 on the four phase sub-images (stride 1) or on phase (0, 0) alone (stride 2). Same FLOPs as the
 *   undilated kernel plus one rearranging copy each way.</li>
 *   <li>{@link DilationMode#EXPANDED_KERNEL} (any case): the kernel is spread into a (d(k-1)+1)^2 kernel with
 *   zeros; exact, but 2.8x (3x3) to 3.2x (5x5) the FLOPs.</li>
 * </ul>
 */
public final class DepthwiseConv2d implements Layer {
    /** How a dilated kernel is computed. */
    public enum DilationMode { AUTO, SPACE_TO_BATCH, EXPANDED_KERNEL }

    private final int channels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final DilationMode mode;
    private final Param weight;
    private INDArray input;
    private INDArray output;
    private INDArray gradInput;
    // space-to-batch / expanded-kernel scratch
    private boolean phased;
    private INDArray phases;
    private INDArray phaseOutput;
    private INDArray phaseGradOutput;
    private INDArray phaseGradInput;
    private INDArray expanded;
    private INDArray expandedGrad;

    public DepthwiseConv2d(String name, DataType type, SplittableRandom random, int channels, int kernel, int stride,
                           int padding, int dilation, DilationMode mode) {
        if (dilation < 1) {
            throw new IllegalArgumentException("dilation must be >= 1, got " + dilation);
        }
        this.channels = channels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.mode = mode;
        double bound = 1 / Math.sqrt((double) kernel * kernel);
        this.weight = new Param(name + ".weight", Init.uniform(random, type, bound, kernel, kernel, channels, 1));
    }

    public Param weight() {
        return weight;
    }

    public int channels() {
        return channels;
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

    public int dilation() {
        return dilation;
    }

    private long outSize(long in) {
        return (in + 2L * padding - (long) dilation * (kernel - 1) - 1) / stride + 1;
    }

    private boolean usePhases(INDArray x) {
        boolean possible = dilation == 2 && padding % 2 == 0 && x.size(2) % 2 == 0 && x.size(3) % 2 == 0
                && (stride == 1 || stride == 2);
        return switch (mode) {
            case SPACE_TO_BATCH -> {
                if (!possible) {
                    throw new IllegalStateException("space-to-batch needs dilation 2, even padding and even H, W");
                }
                yield true;
            }
            case EXPANDED_KERNEL -> false;
            case AUTO -> possible;
        };
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.size(1) != channels) {
            throw new IllegalArgumentException("depthwise conv expects " + channels + " channels, got " + x.size(1));
        }
        input = x;
        long n = x.size(0);
        long h = x.size(2);
        long w = x.size(3);
        long oh = outSize(h);
        long ow = outSize(w);
        output = Buffers.ensure(output, x.dataType(), n, channels, oh, ow);
        if (dilation == 1) {
            NativeOps.depthwiseConv2d(x, weight.value(), output, kernel, stride, padding);
            return output;
        }
        phased = usePhases(x);
        if (!phased) {
            int big = dilation * (kernel - 1) + 1;
            expanded = Buffers.zeros(expanded, x.dataType(), big, big, channels, 1);
            expandedTaps(expanded).assign(weight.value());
            NativeOps.depthwiseConv2d(x, expanded, output, big, stride, padding);
            return output;
        }
        int p = padding / 2;
        if (stride == 1) {
            phases = Buffers.ensure(phases, x.dataType(), 4 * n, channels, h / 2, w / 2);
            PhaseShuffle.split(x, ALL_PHASES, blocks(phases, n));
            phaseOutput = Buffers.ensure(phaseOutput, x.dataType(), 4 * n, channels, oh / 2, ow / 2);
            NativeOps.depthwiseConv2d(phases, weight.value(), phaseOutput, kernel, 1, p);
            PhaseShuffle.merge(output, ALL_PHASES, blocks(phaseOutput, n));
            Buffers.recycle(phaseOutput); // forward scratch, not read by the backward pass
            phaseOutput = null;
        } else {
            phases = Buffers.ensure(phases, x.dataType(), n, channels, h / 2, w / 2);
            PhaseShuffle.split(x, EVEN_PHASE, phases);
            NativeOps.depthwiseConv2d(phases, weight.value(), output, kernel, 1, p);
        }
        // The backward pass splits the input again rather than keeping a second copy of it for the whole step.
        Buffers.recycle(phases);
        phases = null;
        return output;
    }

    private static final int[] ALL_PHASES = {0, 1, 2, 3};
    private static final int[] EVEN_PHASE = {0};

    /** The four [N, ...] blocks of a [4N, ...] array, phase-major. */
    private static INDArray[] blocks(INDArray a, long n) {
        INDArray[] views = new INDArray[4];
        for (int p = 0; p < 4; p++) {
            views[p] = a.get(NDArrayIndex.interval(p * n, (p + 1) * n), NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.all());
        }
        return views;
    }

    private INDArray expandedTaps(INDArray big) {
        long size = big.size(0);
        return big.get(NDArrayIndex.interval(0, dilation, size), NDArrayIndex.interval(0, dilation, size),
                NDArrayIndex.all(), NDArrayIndex.all());
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        gradInput = Buffers.ensure(gradInput, input.dataType(), input.shape());
        if (dilation == 1) {
            NativeOps.depthwiseConv2dBackward(input, weight.value(), gradOutput, gradInput, weight.gradient(), kernel,
                    stride, padding);
        } else if (!phased) {
            int big = dilation * (kernel - 1) + 1;
            expandedGrad = Buffers.ensure(expandedGrad, input.dataType(), big, big, channels, 1);
            NativeOps.depthwiseConv2dBackward(input, expanded, gradOutput, gradInput, expandedGrad, big, stride,
                    padding);
            weight.gradient().assign(expandedTaps(expandedGrad));
        } else {
            int p = padding / 2;
            long n = input.size(0);
            long h = input.size(2);
            long w = input.size(3);
            INDArray denseCopy = null;
            if (!Buffers.isDense(gradOutput)) {
                gradOutput = denseCopy = gradOutput.dup('c');
            }
            phases = Buffers.ensure(phases, input.dataType(), stride == 1 ? 4 * n : n, channels, h / 2, w / 2);
            if (stride == 1) {
                PhaseShuffle.split(input, ALL_PHASES, blocks(phases, n));
            } else {
                PhaseShuffle.split(input, EVEN_PHASE, phases);
            }
            if (stride == 1) {
                long oh = gradOutput.size(2);
                long ow = gradOutput.size(3);
                phaseGradOutput = Buffers.ensure(phaseGradOutput, input.dataType(), 4 * n, channels, oh / 2, ow / 2);
                PhaseShuffle.split(gradOutput, ALL_PHASES, blocks(phaseGradOutput, n));
                phaseGradInput = Buffers.ensure(phaseGradInput, input.dataType(), 4 * n, channels, h / 2, w / 2);
                NativeOps.depthwiseConv2dBackward(phases, weight.value(), phaseGradOutput, phaseGradInput,
                        weight.gradient(), kernel, 1, p);
                PhaseShuffle.merge(gradInput, ALL_PHASES, blocks(phaseGradInput, n));
            } else {
                phaseGradInput = Buffers.ensure(phaseGradInput, input.dataType(), n, channels, h / 2, w / 2);
                NativeOps.depthwiseConv2dBackward(phases, weight.value(), gradOutput, phaseGradInput,
                        weight.gradient(), kernel, 1, p);
                PhaseShuffle.merge(gradInput, EVEN_PHASE, phaseGradInput);
            }
            Buffers.release(denseCopy);
            // backward scratch: the next layer's gradient can use it
            Buffers.recycle(phaseGradOutput);
            Buffers.recycle(phaseGradInput);
            Buffers.recycle(phases);
            phaseGradOutput = phaseGradInput = phases = null;
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
        for (INDArray a : new INDArray[] {output, gradInput, phases, phaseOutput, phaseGradOutput, phaseGradInput,
                expanded, expandedGrad}) {
            Buffers.release(a);
        }
        output = gradInput = phases = phaseOutput = phaseGradOutput = phaseGradInput = expanded = expandedGrad = null;
        input = null;
    }
}
