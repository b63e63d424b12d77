package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Direct calls of libnd4j's native ops (oneDNN-backed where available) with caller-owned output arrays, so no
 * op allocates. All tensors are NCHW; convolution weights are [kH, kW, inC, outC] (depthwise: [kH, kW, C, 1]).
 */
public final class NativeOps {
    private NativeOps() {
    }

    private static int[] convArgs(int kernel, int stride, int padding) {
        // kH, kW, sH, sW, pH, pW, dH, dW, isSameMode, 0 = NCHW, 0 = weights [kH, kW, iC, oC]
        return new int[] {kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 0};
    }

    private static void exec(String op, INDArray[] inputs, INDArray[] outputs, int... iArgs) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).addOutputs(outputs).addIntegerArguments(iArgs)
                .build());
    }

    public static void conv2d(INDArray x, INDArray w, INDArray out, int kernel, int stride, int padding) {
        exec("conv2d", new INDArray[] {x, w}, new INDArray[] {out}, convArgs(kernel, stride, padding));
    }

    public static void conv2dBackward(INDArray x, INDArray w, INDArray gradOut, INDArray gradIn, INDArray gradW,
                                      int kernel, int stride, int padding) {
        exec("conv2d_bp", new INDArray[] {x, w, gradOut}, new INDArray[] {gradIn, gradW},
                convArgs(kernel, stride, padding));
    }

    public static void depthwiseConv2d(INDArray x, INDArray w, INDArray out, int kernel, int stride, int padding) {
        exec("depthwise_conv2d", new INDArray[] {x, w}, new INDArray[] {out}, convArgs(kernel, stride, padding));
    }

    public static void depthwiseConv2dBackward(INDArray x, INDArray w, INDArray gradOut, INDArray gradIn,
                                               INDArray gradW, int kernel, int stride, int padding) {
        exec("depthwise_conv2d_bp", new INDArray[] {x, w, gradOut}, new INDArray[] {gradIn, gradW},
                convArgs(kernel, stride, padding));
    }

    private static int[] poolArgs(int kernel, int stride, int padding, int extra) {
        // kH, kW, sH, sW, pH, pW, dH, dW, isSameMode, extra, isNHWC
        return new int[] {kernel, kernel, stride, stride, padding, padding, 1, 1, 0, extra, 0};
    }

    public static void maxPool(INDArray x, INDArray out, int kernel, int stride, int padding) {
        exec("maxpool2d", new INDArray[] {x}, new INDArray[] {out}, poolArgs(kernel, stride, padding, 0));
    }

    public static void maxPoolBackward(INDArray x, INDArray gradOut, INDArray gradIn, int kernel, int stride,
                                       int padding) {
        exec("maxpool2d_bp", new INDArray[] {x, gradOut}, new INDArray[] {gradIn},
                poolArgs(kernel, stride, padding, 0));
    }

    /** {@code countIncludePad}: whether zero padding counts in the divisor (libnd4j extra = 1) or not (0). */
    public static void avgPool(INDArray x, INDArray out, int kernel, int stride, int padding,
                               boolean countIncludePad) {
        exec("avgpool2d", new INDArray[] {x}, new INDArray[] {out},
                poolArgs(kernel, stride, padding, countIncludePad ? 1 : 0));
    }

    public static void avgPoolBackward(INDArray x, INDArray gradOut, INDArray gradIn, int kernel, int stride,
                                       int padding, boolean countIncludePad) {
        exec("avgpool2d_bp", new INDArray[] {x, gradOut}, new INDArray[] {gradIn},
                poolArgs(kernel, stride, padding, countIncludePad ? 1 : 0));
    }

    public static void relu(INDArray x, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("relu").addInputs(x).addOutputs(out).addFloatingPointArguments(0.0)
                .build());
    }

    public static void reluBackward(INDArray x, INDArray gradOut, INDArray gradIn) {
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(x, gradOut).addOutputs(gradIn)
                .addFloatingPointArguments(0.0).build());
    }
}
