package org.istanas.ops.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One file format's graph builder, in the engine's primitives. Tensors are NCHW; convolution weights are
 * [kH, kW, inC, outC] (depthwise: [kH, kW, C, 1]); arrays passed in are copied. {@code name} is a unique,
 * readable node name chosen by the caller (e.g. {@code cell3/n1/e0/sep_conv_3x3/conv2}).
 */
public interface GraphWriter {
    Tensor input(String name, int channels, int height, int width);

    Tensor relu(String name, Tensor x);

    Tensor conv(String name, Tensor x, INDArray weight, int stride, int padding);

    /** A depthwise convolution; dilation > 1 is written as the file format's dilated op. */
    Tensor depthwiseConv(String name, Tensor x, INDArray weight, int stride, int padding, int dilation);

    /** Inference batch norm: gamma (x - mean) / sqrt(var + eps) + beta per channel. */
    Tensor batchNorm(String name, Tensor x, INDArray mean, INDArray variance, INDArray gamma, INDArray beta,
                     double eps);

    Tensor maxPool(String name, Tensor x, int kernel, int stride, int padding);

    Tensor avgPool(String name, Tensor x, int kernel, int stride, int padding, boolean countIncludePad);

    /** x[:, :, top:, left:]. */
    Tensor crop(String name, Tensor x, int top, int left);

    /** Parity phases: x[:, :, a::2, b::2] for the phase p = 2a + b of each entry, stacked along the batch. */
    default Tensor splitPhases(String name, Tensor x, int[] phases) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot write phase splits");
    }

    /** Inverse of {@link #splitPhases} with all four phases: [4N, C, H, W] to [N, C, 2H, 2W]. */
    default Tensor mergePhases(String name, Tensor x) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot write phase merges");
    }

    /** Whether {@link #splitPhases}/{@link #mergePhases} are available. */
    default boolean phases() {
        return false;
    }

    Tensor add(String name, List<Tensor> terms);

    Tensor scale(String name, Tensor x, double factor);

    Tensor concat(String name, List<Tensor> parts);

    /** [N, C, H, W] to [N, C]. */
    Tensor globalAvgPool(String name, Tensor x);

    /** x W + b on [N, in]; W is [in, out]. */
    Tensor dense(String name, Tensor x, INDArray weight, INDArray bias);

    /** Marks {@code x} as a graph output under {@code name}. */
    void output(String name, Tensor x);

    /** Runs the graph in inference mode on NCHW images; returns each output's [N, classes]. */
    List<INDArray> run(INDArray images);

    /** Number of graph nodes (ops, layers or vertices) written. */
    int nodes();

    void save(Path file) throws IOException;
}
