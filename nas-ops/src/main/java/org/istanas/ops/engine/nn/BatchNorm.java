package org.istanas.ops.engine.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over N, H, W (PyTorch {@code BatchNorm2d}: eps 1e-5, momentum 0.1, biased variance for
 * normalising, unbiased for the running estimate), optionally followed by a fused ReLU.
 *
 * <p>Written in Java on the raw buffers rather than composed of ND4J reductions, which cost ~10x PyTorch's kernel
 * (docs/engine.md). Each channel's N x H x W values are gathered once into a cache-resident scratch array (bulk
 * copies of H x W runs), so the forward pass reads x once and writes y once, and the backward pass reads x and dy
 * once and writes dx once; channels are spread over the engine's threads.
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
        int n = (int) x.size(0);
        int hw = (int) (x.size(2) * x.size(3));
        double[] g = affineValues(gamma, 1);
        double[] b = affineValues(beta, 0);
        if (training) {
            if ((long) n * hw < 2) {
                throw new IllegalArgumentException("batch norm in training needs more than one value per channel");
            }
            Kernel kernel = kernel(x, output);
            Parallel.forEach(channels, c -> kernel.forwardTrain(c, n, hw, g[c], b[c]));
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
            Kernel kernel = kernel(x, output);
            Parallel.forEach(channels, c -> kernel.affine(c, n, hw, scale[c], shift[c]));
        }
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray dy = Buffers.isDense(gradOutput) ? gradOutput : gradOutput.dup('c');
        gradInput = Buffers.ensure(gradInput, input.dataType(), input.shape());
        int n = (int) input.size(0);
        int hw = (int) (input.size(2) * input.size(3));
        double[] g = affineValues(gamma, 1);
        Kernel kernel = kernel(input, output);
        Parallel.forEach(channels, c -> kernel.backward(c, n, hw, g[c], dy, gradInput));
        if (dy != gradOutput) {
            dy.close();
        }
        if (gamma != null && gamma.trainable()) {
            gamma.gradient().assign(Nd4j.createFromArray(gradGamma).castTo(gamma.value().dataType()));
            beta.gradient().assign(Nd4j.createFromArray(gradBeta).castTo(beta.value().dataType()));
            gamma.markGradient();
            beta.markGradient();
        }
        return gradInput;
    }

    private Kernel kernel(INDArray x, INDArray y) {
        return x.dataType() == DataType.DOUBLE ? new DoubleKernel(x, y) : new FloatKernel(x, y);
    }

    /** Per-channel loops for one data type. */
    private interface Kernel {
        void forwardTrain(int c, int n, int hw, double g, double b);

        void affine(int c, int n, int hw, double scale, double shift);

        void backward(int c, int n, int hw, double g, INDArray dy, INDArray dx);
    }

    private static final ThreadLocal<float[][]> FLOAT_SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);
    private static final ThreadLocal<double[][]> DOUBLE_SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

    private static float[] floatScratch(int slot, int size) {
        float[][] s = FLOAT_SCRATCH.get();
        if (s[slot].length < size) {
            s[slot] = new float[size];
        }
        return s[slot];
    }

    private static double[] doubleScratch(int slot, int size) {
        double[][] s = DOUBLE_SCRATCH.get();
        if (s[slot].length < size) {
            s[slot] = new double[size];
        }
        return s[slot];
    }

    private final class FloatKernel implements Kernel {
        private final FloatBuffer x;
        private final FloatBuffer y;

        FloatKernel(INDArray x, INDArray y) {
            this.x = x.data().asNioFloat();
            this.y = y.data().asNioFloat();
        }

        private void gather(FloatBuffer from, float[] to, int c, int n, int hw) {
            for (int i = 0; i < n; i++) {
                from.get((i * channels + c) * hw, to, i * hw, hw);
            }
        }

        private void scatter(float[] from, FloatBuffer to, int c, int n, int hw) {
            for (int i = 0; i < n; i++) {
                to.put((i * channels + c) * hw, from, i * hw, hw);
            }
        }

        @Override
        public void forwardTrain(int c, int n, int hw, double g, double b) {
            int m = n * hw;
            float[] v = floatScratch(0, m);
            gather(x, v, c, n, hw);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += v[i];
            }
            double mu = sum / m;
            double sq = 0;
            for (int i = 0; i < m; i++) {
                double d = v[i] - mu;
                sq += d * d;
            }
            double inv = 1 / Math.sqrt(sq / m + EPS);
            mean[c] = mu;
            invStd[c] = inv;
            apply(v, m, (float) (g * inv), (float) (b - mu * g * inv));
            scatter(v, y, c, n, hw);
        }

        private void apply(float[] v, int m, float scale, float shift) {
            if (fusedRelu) {
                for (int i = 0; i < m; i++) {
                    v[i] = Math.max(v[i] * scale + shift, 0f);
                }
            } else {
                for (int i = 0; i < m; i++) {
                    v[i] = v[i] * scale + shift;
                }
            }
        }

        @Override
        public void affine(int c, int n, int hw, double scale, double shift) {
            int m = n * hw;
            float[] v = floatScratch(0, m);
            gather(x, v, c, n, hw);
            apply(v, m, (float) scale, (float) shift);
            scatter(v, y, c, n, hw);
        }

        @Override
        public void backward(int c, int n, int hw, double g, INDArray dyArray, INDArray dxArray) {
            int m = n * hw;
            float[] v = floatScratch(0, m);
            float[] d = floatScratch(1, m);
            gather(x, v, c, n, hw);
            gather(dyArray.data().asNioFloat(), d, c, n, hw);
            if (fusedRelu) {
                float[] out = v; // reuse: y > 0 <=> (x - mu) * g * inv + b > 0
                float scale = (float) (g * invStd[c]);
                float shift = (float) (-mean[c] * g * invStd[c] + (beta == null ? 0 : beta.value().getDouble(c)));
                for (int i = 0; i < m; i++) {
                    if (out[i] * scale + shift <= 0f) {
                        d[i] = 0f;
                    }
                }
            }
            float mu = (float) mean[c];
            float inv = (float) invStd[c];
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int i = 0; i < m; i++) {
                sumDy += d[i];
                sumDyXhat += d[i] * (v[i] - mu) * inv;
            }
            gradGamma[c] = sumDyXhat;
            gradBeta[c] = sumDy;
            float k = (float) (g * inv);
            float meanDy = (float) (sumDy / m);
            float meanDyXhat = (float) (sumDyXhat / m);
            for (int i = 0; i < m; i++) {
                float xhat = (v[i] - mu) * inv;
                v[i] = k * (d[i] - meanDy - xhat * meanDyXhat);
            }
            scatter(v, dxArray.data().asNioFloat(), c, n, hw);
        }
    }

    private final class DoubleKernel implements Kernel {
        private final DoubleBuffer x;
        private final DoubleBuffer y;

        DoubleKernel(INDArray x, INDArray y) {
            this.x = x.data().asNioDouble();
            this.y = y.data().asNioDouble();
        }

        private void gather(DoubleBuffer from, double[] to, int c, int n, int hw) {
            for (int i = 0; i < n; i++) {
                from.get((i * channels + c) * hw, to, i * hw, hw);
            }
        }

        private void scatter(double[] from, DoubleBuffer to, int c, int n, int hw) {
            for (int i = 0; i < n; i++) {
                to.put((i * channels + c) * hw, from, i * hw, hw);
            }
        }

        @Override
        public void forwardTrain(int c, int n, int hw, double g, double b) {
            int m = n * hw;
            double[] v = doubleScratch(0, m);
            gather(x, v, c, n, hw);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += v[i];
            }
            double mu = sum / m;
            double sq = 0;
            for (int i = 0; i < m; i++) {
                double d = v[i] - mu;
                sq += d * d;
            }
            double inv = 1 / Math.sqrt(sq / m + EPS);
            mean[c] = mu;
            invStd[c] = inv;
            apply(v, m, g * inv, b - mu * g * inv);
            scatter(v, y, c, n, hw);
        }

        private void apply(double[] v, int m, double scale, double shift) {
            for (int i = 0; i < m; i++) {
                double t = v[i] * scale + shift;
                v[i] = fusedRelu ? Math.max(t, 0) : t;
            }
        }

        @Override
        public void affine(int c, int n, int hw, double scale, double shift) {
            int m = n * hw;
            double[] v = doubleScratch(0, m);
            gather(x, v, c, n, hw);
            apply(v, m, scale, shift);
            scatter(v, y, c, n, hw);
        }

        @Override
        public void backward(int c, int n, int hw, double g, INDArray dyArray, INDArray dxArray) {
            int m = n * hw;
            double[] v = doubleScratch(0, m);
            double[] d = doubleScratch(1, m);
            gather(x, v, c, n, hw);
            gather(dyArray.data().asNioDouble(), d, c, n, hw);
            double mu = mean[c];
            double inv = invStd[c];
            if (fusedRelu) {
                double shift = -mu * g * inv + (beta == null ? 0 : beta.value().getDouble(c));
                for (int i = 0; i < m; i++) {
                    if (v[i] * g * inv + shift <= 0) {
                        d[i] = 0;
                    }
                }
            }
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int i = 0; i < m; i++) {
                sumDy += d[i];
                sumDyXhat += d[i] * (v[i] - mu) * inv;
            }
            gradGamma[c] = sumDyXhat;
            gradBeta[c] = sumDy;
            double k = g * inv;
            double meanDy = sumDy / m;
            double meanDyXhat = sumDyXhat / m;
            for (int i = 0; i < m; i++) {
                double xhat = (v[i] - mu) * inv;
                v[i] = k * (d[i] - meanDy - xhat * meanDyXhat);
            }
            scatter(v, dxArray.data().asNioDouble(), c, n, hw);
        }
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
