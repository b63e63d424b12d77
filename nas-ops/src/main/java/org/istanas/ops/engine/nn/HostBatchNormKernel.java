package org.istanas.ops.engine.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch norm on the arrays' host buffers (CPU backend only). Each channel's N x H x W values are gathered once
 * into a cache-resident scratch array (bulk copies of H x W runs), so the forward pass reads x once and writes y
 * once, and the backward pass reads x and dy once and writes dx once (x-hat is recomputed from the saved mean and
 * 1/std); channels are spread over the engine's Java pool. Statistics accumulate in double precision.
 */
final class HostBatchNormKernel implements BatchNormKernel {
    static final HostBatchNormKernel INSTANCE = new HostBatchNormKernel();

    private static final ThreadLocal<float[][]> FLOAT_SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);
    private static final ThreadLocal<double[][]> DOUBLE_SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

    private HostBatchNormKernel() {
    }

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

    @Override
    public void forwardTrain(INDArray x, INDArray y, double[] gamma, double[] beta, boolean relu, double[] mean,
                             double[] invStd) {
        int n = (int) x.size(0);
        int hw = (int) (x.size(2) * x.size(3));
        if (x.dataType() == DataType.DOUBLE) {
            DoubleLoops k = new DoubleLoops(x, y, relu);
            Parallel.forEach(mean.length, c -> k.forwardTrain(c, n, hw, gamma[c], beta[c], mean, invStd));
        } else {
            FloatLoops k = new FloatLoops(x, y, relu);
            Parallel.forEach(mean.length, c -> k.forwardTrain(c, n, hw, gamma[c], beta[c], mean, invStd));
        }
    }

    @Override
    public void affine(INDArray x, INDArray y, double[] scale, double[] shift, boolean relu) {
        int n = (int) x.size(0);
        int hw = (int) (x.size(2) * x.size(3));
        if (x.dataType() == DataType.DOUBLE) {
            DoubleLoops k = new DoubleLoops(x, y, relu);
            Parallel.forEach(scale.length, c -> k.affine(c, n, hw, scale[c], shift[c]));
        } else {
            FloatLoops k = new FloatLoops(x, y, relu);
            Parallel.forEach(scale.length, c -> k.affine(c, n, hw, scale[c], shift[c]));
        }
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray dy, INDArray dx, double[] gamma, double[] beta,
                         boolean relu, double[] mean, double[] invStd, double[] gradGamma, double[] gradBeta) {
        int n = (int) x.size(0);
        int hw = (int) (x.size(2) * x.size(3));
        if (x.dataType() == DataType.DOUBLE) {
            DoubleLoops k = new DoubleLoops(x, y, relu);
            Parallel.forEach(mean.length, c -> k.backward(c, n, hw, gamma[c], beta[c], mean, invStd, dy, dx,
                    gradGamma, gradBeta));
        } else {
            FloatLoops k = new FloatLoops(x, y, relu);
            Parallel.forEach(mean.length, c -> k.backward(c, n, hw, gamma[c], beta[c], mean, invStd, dy, dx,
                    gradGamma, gradBeta));
        }
    }

    /** Per-channel loops in float32. */
    private static final class FloatLoops {
        private final FloatBuffer x;
        private final FloatBuffer y;
        private final int channels;
        private final boolean fusedRelu;

        FloatLoops(INDArray x, INDArray y, boolean fusedRelu) {
            this.x = x.data().asNioFloat();
            this.y = y.data().asNioFloat();
            this.channels = (int) x.size(1);
            this.fusedRelu = fusedRelu;
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

        void forwardTrain(int c, int n, int hw, double g, double b, double[] mean, double[] invStd) {
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
            double inv = 1 / Math.sqrt(sq / m + BatchNorm.EPS);
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

        void affine(int c, int n, int hw, double scale, double shift) {
            int m = n * hw;
            float[] v = floatScratch(0, m);
            gather(x, v, c, n, hw);
            apply(v, m, (float) scale, (float) shift);
            scatter(v, y, c, n, hw);
        }

        void backward(int c, int n, int hw, double g, double b, double[] mean, double[] invStd, INDArray dyArray,
                      INDArray dxArray, double[] gradGamma, double[] gradBeta) {
            int m = n * hw;
            float[] v = floatScratch(0, m);
            float[] d = floatScratch(1, m);
            gather(x, v, c, n, hw);
            gather(dyArray.data().asNioFloat(), d, c, n, hw);
            if (fusedRelu) {
                float[] out = v; // reuse: y > 0 <=> (x - mu) * g * inv + b > 0
                float scale = (float) (g * invStd[c]);
                float shift = (float) (-mean[c] * g * invStd[c] + b);
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

    /** Per-channel loops in float64. */
    private static final class DoubleLoops {
        private final DoubleBuffer x;
        private final DoubleBuffer y;
        private final int channels;
        private final boolean fusedRelu;

        DoubleLoops(INDArray x, INDArray y, boolean fusedRelu) {
            this.x = x.data().asNioDouble();
            this.y = y.data().asNioDouble();
            this.channels = (int) x.size(1);
            this.fusedRelu = fusedRelu;
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

        void forwardTrain(int c, int n, int hw, double g, double b, double[] mean, double[] invStd) {
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
            double inv = 1 / Math.sqrt(sq / m + BatchNorm.EPS);
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

        void affine(int c, int n, int hw, double scale, double shift) {
            int m = n * hw;
            double[] v = doubleScratch(0, m);
            gather(x, v, c, n, hw);
            apply(v, m, scale, shift);
            scatter(v, y, c, n, hw);
        }

        void backward(int c, int n, int hw, double g, double b, double[] mean, double[] invStd, INDArray dyArray,
                      INDArray dxArray, double[] gradGamma, double[] gradBeta) {
            int m = n * hw;
            double[] v = doubleScratch(0, m);
            double[] d = doubleScratch(1, m);
            gather(x, v, c, n, hw);
            gather(dyArray.data().asNioDouble(), d, c, n, hw);
            double mu = mean[c];
            double inv = invStd[c];
            if (fusedRelu) {
                double shift = -mu * g * inv + b;
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
}
