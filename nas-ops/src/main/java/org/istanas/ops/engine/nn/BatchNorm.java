package org.istanas.ops.engine.nn;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over N, H, W (PyTorch {@code BatchNorm2d}: eps 1e-5, momentum 0.1, biased variance for
 * normalising, unbiased for the running estimate), optionally followed by a fused ReLU.
 *
 * <p>The arithmetic is a {@link BatchNormKernel} chosen per forward pass by {@link KernelPath}: on the CPU backend
 * a Java kernel on the raw host buffers ({@link HostBatchNormKernel}; ND4J's reductions cost ~10x PyTorch's
 * kernel, docs/engine.md), elsewhere one built from ND4J operations ({@link Nd4jBatchNormKernel}).
 *
 * <p>Affine parameters: {@code affine = false} has none (search networks). With {@code affine = true}, gamma and
 * beta can be frozen at their values with {@link #setAffineTrainable(boolean)} (one-stage search holds them at 1
 * and 0 until the node is released), and folded with {@link #scaleAffine(double)}.
 */
public final class BatchNorm implements Layer {
    public static final double EPS = 1e-5;
    public static final double MOMENTUM = 0.1;

    private final int channels;
    private boolean fusedRelu;
    private final Param gamma;
    private final Param beta;
    private final INDArray runningMean;
    private final INDArray runningVar;
    private final double[] mean;
    private final double[] invStd;
    private INDArray input;
    private INDArray output;
    private INDArray gradInput;
    private final double[] gradGamma;
    private final double[] gradBeta;
    /** The kernel of the last forward pass (its backward pass must use the same one). */
    private BatchNormKernel kernel;

    public BatchNorm(String name, DataType type, int channels, boolean affine, boolean fusedRelu) {
        this.channels = channels;
        this.fusedRelu = fusedRelu;
        this.gamma = affine ? new Param(name + ".gamma", Init.constant(type, 1, channels)) : null;
        this.beta = affine ? new Param(name + ".beta", Init.constant(type, 0, channels)) : null;
        this.runningMean = Init.constant(type, 0, channels);
        this.runningVar = Init.constant(type, 1, channels);
        this.mean = new double[channels];
        this.invStd = new double[channels];
        this.gradGamma = new double[channels];
        this.gradBeta = new double[channels];
    }

    public boolean affine() {
        return gamma != null;
    }

    public boolean fusedRelu() {
        return fusedRelu;
    }

    /** Makes this layer apply a ReLU after normalising (used when a sequence has BN followed by ReLU). */
    void fuseRelu() {
        fusedRelu = true;
    }

    public Param gamma() {
        return gamma;
    }

    public Param beta() {
        return beta;
    }

    public INDArray runningMean() {
        return runningMean;
    }

    public INDArray runningVar() {
        return runningVar;
    }

    /** Freezes (false) or releases (true) gamma and beta; frozen ones get no gradient and optimizers skip them. */
    public void setAffineTrainable(boolean trainable) {
        requireAffine();
        gamma.setTrainable(trainable);
        beta.setTrainable(trainable);
    }

    /** Multiplies gamma and beta by {@code factor} (folding an architecture weight z into this BN). */
    public void scaleAffine(double factor) {
        requireAffine();
        gamma.value().muli(factor);
        beta.value().muli(factor);
    }

    private void requireAffine() {
        if (gamma == null) {
            throw new IllegalStateException("batch norm has no affine parameters");
        }
    }

    private double[] affineValues(Param p, double fill) {
        double[] values = new double[channels];
        if (p == null) {
            java.util.Arrays.fill(values, fill);
        } else {
            for (int c = 0; c < channels; c++) {
                values[c] = p.value().getDouble(c);
            }
        }
        return values;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.rank() != 4 || x.size(1) != channels) {
            throw new IllegalArgumentException("batch norm of " + channels + " channels got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        x = Buffers.isDense(x) ? x : x.dup('c');
        input = x;
        output = Buffers.ensure(output, x.dataType(), x.shape());
        kernel = BatchNormKernel.of(KernelPath.current());
        int n = (int) x.size(0);
        int hw = (int) (x.size(2) * x.size(3));
        double[] g = affineValues(gamma, 1);
        double[] b = affineValues(beta, 0);
        if (training) {
            if ((long) n * hw < 2) {
                throw new IllegalArgumentException("batch norm in training needs more than one value per channel");
            }
            kernel.forwardTrain(x, output, g, b, fusedRelu, mean, invStd);
            double unbias = (double) n * hw / (n * hw - 1.0);
            double[] rm = runningMean.toDoubleVector();
            double[] rv = runningVar.toDoubleVector();
            for (int c = 0; c < channels; c++) {
                double var = 1 / (invStd[c] * invStd[c]) - EPS;
                rm[c] = (1 - MOMENTUM) * rm[c] + MOMENTUM * mean[c];
                rv[c] = (1 - MOMENTUM) * rv[c] + MOMENTUM * var * unbias;
            }
            runningMean.assign(Nd4j.createFromArray(rm).castTo(runningMean.dataType()));
            runningVar.assign(Nd4j.createFromArray(rv).castTo(runningVar.dataType()));
        } else {
            double[] rm = runningMean.toDoubleVector();
            double[] rv = runningVar.toDoubleVector();
            double[] scale = new double[channels];
            double[] shift = new double[channels];
            for (int c = 0; c < channels; c++) {
                scale[c] = g[c] / Math.sqrt(rv[c] + EPS);
                shift[c] = b[c] - rm[c] * scale[c];
            }
            kernel.affine(x, output, scale, shift, fusedRelu);
        }
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray dy = Buffers.isDense(gradOutput) ? gradOutput : gradOutput.dup('c');
        gradInput = Buffers.ensure(gradInput, input.dataType(), input.shape());
        double[] g = affineValues(gamma, 1);
        double[] b = affineValues(beta, 0);
        // Only the fused ReLU reads y (its mask); without it the kernels recompute x-hat from x, and y may have gone
        // back to the pool (releaseOutput), so x stands in for the unread argument.
        INDArray y = fusedRelu ? output : input;
        kernel.backward(input, y, dy, gradInput, g, b, fusedRelu, mean, invStd, gradGamma, gradBeta);
        if (dy != gradOutput) {
            dy.close();
        }
        if (gamma != null && gamma.trainable()) {
            gamma.gradient().assign(Nd4j.createFromArray(gradGamma).castTo(gamma.value().dataType()));
            beta.gradient().assign(Nd4j.createFromArray(gradBeta).castTo(beta.value().dataType()));
            gamma.markGradient();
            beta.markGradient();
        }
        Buffers.recycle(output); // its readers' backward passes ran before this one (buffer contract)
        output = null;
        return gradInput;
    }

    @Override
    public void collectParameters(List<Param> sink) {
        if (gamma != null) {
            sink.add(gamma);
            sink.add(beta);
        }
    }

    @Override
    public void collectBuffers(List<INDArray> sink) {
        sink.add(runningMean);
        sink.add(runningVar);
    }

    /** Hands the output to the pool unless the fused ReLU's backward pass needs it. */
    @Override
    public boolean releaseOutput() {
        if (fusedRelu || output == null) {
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
