package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch norm composed only of ND4J operations (reductions over N, H, W and per-channel broadcasts), so it runs
 * on any backend. The same formulas as {@link HostBatchNormKernel}; per-channel scalars are computed in double
 * precision on the host from the reduced statistics (vectors of length C), the full-size work stays in ND4J.
 * Temporary arrays are closed before returning.
 */
final class Nd4jBatchNormKernel implements BatchNormKernel {
    static final Nd4jBatchNormKernel INSTANCE = new Nd4jBatchNormKernel();
    private static final int[] REDUCED = {0, 2, 3};

    private Nd4jBatchNormKernel() {
    }

    private static INDArray vector(double[] values, DataType type) {
        INDArray d = Nd4j.createFromArray(values);
        if (type == DataType.DOUBLE) {
            return d;
        }
        INDArray cast = d.castTo(type);
        d.close();
        return cast;
    }

    private static double[] reduceToDoubles(INDArray reduced) {
        if (reduced.dataType() == DataType.DOUBLE) {
            double[] values = reduced.toDoubleVector();
            reduced.close();
            return values;
        }
        INDArray cast = reduced.castTo(DataType.DOUBLE);
        double[] values = cast.toDoubleVector();
        cast.close();
        reduced.close();
        return values;
    }

    /** y = x * scale + shift per channel, then max(0, .) when relu. */
    private static void scaleShift(INDArray x, INDArray y, double[] scale, double[] shift, boolean relu) {
        DataType type = x.dataType();
        INDArray s = vector(scale, type);
        INDArray t = vector(shift, type);
        Nd4j.getExecutioner().exec(new BroadcastMulOp(x, s, y, 1));
        Nd4j.getExecutioner().exec(new BroadcastAddOp(y, t, y, 1));
        if (relu) {
            NativeOps.relu(y, y);
        }
        s.close();
        t.close();
    }

    @Override
    public void forwardTrain(INDArray x, INDArray y, double[] gamma, double[] beta, boolean relu, double[] mean,
                             double[] invStd) {
        double[] mu = reduceToDoubles(x.mean(REDUCED));
        double[] var = reduceToDoubles(x.var(false, REDUCED));
        double[] scale = new double[mu.length];
        double[] shift = new double[mu.length];
        for (int c = 0; c < mu.length; c++) {
            double inv = 1 / Math.sqrt(var[c] + BatchNorm.EPS);
            mean[c] = mu[c];
            invStd[c] = inv;
            scale[c] = gamma[c] * inv;
            shift[c] = beta[c] - mu[c] * gamma[c] * inv;
        }
        scaleShift(x, y, scale, shift, relu);
    }

    @Override
    public void affine(INDArray x, INDArray y, double[] scale, double[] shift, boolean relu) {
        scaleShift(x, y, scale, shift, relu);
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray dy, INDArray dx, double[] gamma, double[] beta,
                         boolean relu, double[] mean, double[] invStd, double[] gradGamma, double[] gradBeta) {
        DataType type = x.dataType();
        long[] shape = x.shape();
        INDArray masked = null;
        INDArray d = dy;
        if (relu) { // y = max(0, .) > 0 exactly where the normalised value was positive
            masked = Nd4j.createUninitialized(type, shape, 'c');
            NativeOps.reluBackward(y, dy, masked);
            d = masked;
        }
        INDArray xhat = Nd4j.createUninitialized(type, shape, 'c');
        INDArray mu = vector(mean, type);
        INDArray inv = vector(invStd, type);
        Nd4j.getExecutioner().exec(new BroadcastSubOp(x, mu, xhat, 1));
        Nd4j.getExecutioner().exec(new BroadcastMulOp(xhat, inv, xhat, 1));
        double[] sumDy = reduceToDoubles(d.sum(REDUCED));
        d.mul(xhat, dx); // dx as scratch for dy * x-hat
        double[] sumDyXhat = reduceToDoubles(dx.sum(REDUCED));
        int channels = mean.length;
        long m = x.length() / channels;
        double[] negMeanDyXhat = new double[channels];
        double[] negMeanDy = new double[channels];
        double[] k = new double[channels];
        for (int c = 0; c < channels; c++) {
            gradGamma[c] = sumDyXhat[c];
            gradBeta[c] = sumDy[c];
            negMeanDyXhat[c] = -sumDyXhat[c] / m;
            negMeanDy[c] = -sumDy[c] / m;
            k[c] = gamma[c] * invStd[c];
        }
        // dx = k (dy - mean(dy) - x-hat mean(dy x-hat))
        INDArray a = vector(negMeanDyXhat, type);
        INDArray b = vector(negMeanDy, type);
        INDArray kv = vector(k, type);
        Nd4j.getExecutioner().exec(new BroadcastMulOp(xhat, a, dx, 1));
        dx.addi(d);
        Nd4j.getExecutioner().exec(new BroadcastAddOp(dx, b, dx, 1));
        Nd4j.getExecutioner().exec(new BroadcastMulOp(dx, kv, dx, 1));
        for (INDArray t : new INDArray[] {xhat, mu, inv, a, b, kv, masked}) {
            if (t != null) {
                t.close();
            }
        }
    }
}
