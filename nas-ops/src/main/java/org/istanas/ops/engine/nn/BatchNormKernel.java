package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arithmetic of {@link BatchNorm} over dense NCHW arrays, per channel. Statistics travel as double arrays of
 * length C so that both implementations share the running-statistics update and the layer state.
 */
interface BatchNormKernel {
    /**
     * Training forward pass: y = gamma (x - mean) / sqrt(var + eps) + beta (then max(0, .) when {@code relu}),
     * with the biased batch variance; fills {@code mean} and {@code invStd} = 1 / sqrt(var + eps).
     */
    void forwardTrain(INDArray x, INDArray y, double[] gamma, double[] beta, boolean relu, double[] mean,
                      double[] invStd);

    /** Inference: y = scale x + shift per channel (then max(0, .) when {@code relu}). */
    void affine(INDArray x, INDArray y, double[] scale, double[] shift, boolean relu);

    /**
     * Backward pass of {@link #forwardTrain} (y is its output, dy the gradient of y): writes dx and fills
     * dLoss/dgamma and dLoss/dbeta.
     */
    void backward(INDArray x, INDArray y, INDArray dy, INDArray dx, double[] gamma, double[] beta, boolean relu,
                  double[] mean, double[] invStd, double[] gradGamma, double[] gradBeta);

    /** The implementation for a path. */
    static BatchNormKernel of(KernelPath path) {
        return path == KernelPath.HOST ? HostBatchNormKernel.INSTANCE : Nd4jBatchNormKernel.INSTANCE;
    }
}
