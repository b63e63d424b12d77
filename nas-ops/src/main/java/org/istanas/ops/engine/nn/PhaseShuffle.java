package org.istanas.ops.engine.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parity phases of NCHW images: phase p = 2a + b of x is x[:, :, a::2, b::2]. Splitting into phases and merging
 * back are plain gathers, done in Java plane by plane on the host buffers (ND4J's strided 6-D assign is several
 * times slower) or, on backends other than the CPU one ({@link KernelPath#ND4J}), as assignments of strided views.
 * Used by dilated depthwise convolutions (space-to-batch) and FactorizedReduce.
 */
public final class PhaseShuffle {
    private PhaseShuffle() {
    }

    private static void requireContiguous(INDArray a, String what) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                throw new IllegalArgumentException(what + " must be C-contiguous, got shape " + Arrays.toString(shape)
                        + " strides " + Arrays.toString(stride));
            }
            expected *= shape[d];
        }
    }

    /**
     * Writes phase {@code which[t]} of x [N, C, H, W] into {@code phases[t]} ([N, C, H/2, W/2] each, C-contiguous,
     * views allowed). H and W must be even.
     */
    public static void split(INDArray x, int[] which, INDArray... phases) {
        requireContiguous(x, "input");
        for (INDArray p : phases) {
            requireContiguous(p, "phase");
        }
        if (KernelPath.current() == KernelPath.ND4J) {
            splitNd4j(x, which, phases);
        } else {
            splitHost(x, which, phases);
        }
    }

    /** Phase (a, b) of an NCHW array as a strided view x[:, :, a::2, b::2]. */
    private static INDArray phaseView(INDArray x, int phase) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.all(), everyOther(phase >> 1, x.size(2)),
                everyOther(phase & 1, x.size(3)));
    }

    /** Indices first, first + 2, ... below size; a single index without a stride (ND4J mis-sizes that case). */
    private static INDArrayIndex everyOther(long first, long size) {
        return size - first <= 2 ? NDArrayIndex.interval(first, first + 1) : NDArrayIndex.interval(first, 2, size);
    }

    private static void splitNd4j(INDArray x, int[] which, INDArray... phases) {
        for (int t = 0; t < which.length; t++) {
            phases[t].assign(phaseView(x, which[t]));
        }
    }

    private static void mergeNd4j(INDArray out, int[] which, INDArray... phases) {
        out.assign(0);
        for (int t = 0; t < which.length; t++) {
            phaseView(out, which[t]).assign(phases[t]);
        }
    }

    /** Host-buffer split: one plane at a time in Java (CPU backend). */
    private static void splitHost(INDArray x, int[] which, INDArray... phases) {
        int planes = (int) (x.size(0) * x.size(1));
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        if (x.dataType() == DataType.DOUBLE) {
            DoubleBuffer src = x.data().asNioDouble();
            DoubleBuffer[] dst = new DoubleBuffer[phases.length];
            for (int t = 0; t < phases.length; t++) {
                dst[t] = phases[t].data().asNioDouble();
            }
            Parallel.forEach(planes, plane -> {
                double[] in = new double[h * w];
                double[] out = new double[h * w / 4];
                src.get((int) x.offset() + plane * h * w, in, 0, h * w);
                for (int t = 0; t < which.length; t++) {
                    int a = which[t] >> 1;
                    int b = which[t] & 1;
                    int k = 0;
                    for (int r = a; r < h; r += 2) {
                        for (int c = b; c < w; c += 2) {
                            out[k++] = in[r * w + c];
                        }
                    }
                    dst[t].put((int) phases[t].offset() + plane * k, out, 0, k);
                }
            });
        } else {
            FloatBuffer src = x.data().asNioFloat();
            FloatBuffer[] dst = new FloatBuffer[phases.length];
            for (int t = 0; t < phases.length; t++) {
                dst[t] = phases[t].data().asNioFloat();
            }
            Parallel.forEach(planes, plane -> {
                float[] in = new float[h * w];
                float[] out = new float[h * w / 4];
                src.get((int) x.offset() + plane * h * w, in, 0, h * w);
                for (int t = 0; t < which.length; t++) {
                    int a = which[t] >> 1;
                    int b = which[t] & 1;
                    int k = 0;
                    for (int r = a; r < h; r += 2) {
                        for (int c = b; c < w; c += 2) {
                            out[k++] = in[r * w + c];
                        }
                    }
                    dst[t].put((int) phases[t].offset() + plane * k, out, 0, k);
                }
            });
        }
    }

    /** Inverse of {@link #split}: out [N, C, H, W] gets the given phases and zeros in the others. */
    public static void merge(INDArray out, int[] which, INDArray... phases) {
        requireContiguous(out, "output");
        for (INDArray p : phases) {
            requireContiguous(p, "phase");
        }
        if (KernelPath.current() == KernelPath.ND4J) {
            mergeNd4j(out, which, phases);
        } else {
            mergeHost(out, which, phases);
        }
    }

    /** Host-buffer merge: one plane at a time in Java (CPU backend). */
    private static void mergeHost(INDArray out, int[] which, INDArray... phases) {
        int planes = (int) (out.size(0) * out.size(1));
        int h = (int) out.size(2);
        int w = (int) out.size(3);
        int q = h * w / 4;
        if (out.dataType() == DataType.DOUBLE) {
            DoubleBuffer dst = out.data().asNioDouble();
            DoubleBuffer[] src = new DoubleBuffer[phases.length];
            for (int t = 0; t < phases.length; t++) {
                src[t] = phases[t].data().asNioDouble();
            }
            Parallel.forEach(planes, plane -> {
                double[] full = new double[h * w];
                double[] in = new double[q];
                for (int t = 0; t < which.length; t++) {
                    src[t].get((int) phases[t].offset() + plane * q, in, 0, q);
                    int a = which[t] >> 1;
                    int b = which[t] & 1;
                    int k = 0;
                    for (int r = a; r < h; r += 2) {
                        for (int c = b; c < w; c += 2) {
                            full[r * w + c] = in[k++];
                        }
                    }
                }
                dst.put((int) out.offset() + plane * h * w, full, 0, h * w);
            });
        } else {
            FloatBuffer dst = out.data().asNioFloat();
            FloatBuffer[] src = new FloatBuffer[phases.length];
            for (int t = 0; t < phases.length; t++) {
                src[t] = phases[t].data().asNioFloat();
            }
            Parallel.forEach(planes, plane -> {
                float[] full = new float[h * w];
                float[] in = new float[q];
                for (int t = 0; t < which.length; t++) {
                    src[t].get((int) phases[t].offset() + plane * q, in, 0, q);
                    int a = which[t] >> 1;
                    int b = which[t] & 1;
                    int k = 0;
                    for (int r = a; r < h; r += 2) {
                        for (int c = b; c < w; c += 2) {
                            full[r * w + c] = in[k++];
                        }
                    }
                }
                dst.put((int) out.offset() + plane * h * w, full, 0, h * w);
            });
        }
    }
}
