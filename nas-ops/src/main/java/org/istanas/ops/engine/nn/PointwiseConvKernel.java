package org.istanas.ops.engine.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 1x1, stride-1, unpadded convolution (the pointwise half of every separable and dilated convolution, the
 * preprocessing of each cell, FactorizedReduce) as one BLAS GEMM per image on the arrays' host memory, through the
 * OpenBLAS that libnd4j itself links. In NCHW an image is a [C, H*W] row-major matrix and the weights [1, 1, Cin,
 * Cout] a [Cin, Cout] one, so
 * <pre>
 *   y[n]  = W^T x[n]            [Cout, HW] = [Cout, Cin] [Cin, HW]
 *   dx[n] = W dy[n]             [Cin, HW]  = [Cin, Cout] [Cout, HW]
 *   dW    = sum_n x[n] dy[n]^T  [Cin, Cout]
 * </pre>
 * with no reorders and no temporaries, where libnd4j's oneDNN {@code conv2d}/{@code conv2d_bp} reorder activations
 * and weights into blocked layouts on every call (measured 3-5x slower on these shapes, docs/engine.md). Images are
 * split into one fixed block per thread of the engine's Java pool, each block's GEMMs run single-threaded in that
 * thread (OpenBLAS runs single-threaded, set below), and the weight gradient adds the blocks' partial sums in
 * block order: the result depends on the thread count, never on scheduling. Host path only ({@link KernelPath});
 * the numbers differ from {@code conv2d}'s by rounding (summation order), checked in {@code PointwiseConvKernelTest}.
 */
final class PointwiseConvKernel {
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    static {
        // The GEMMs here are small (16-144 channels) and already spread over the Java pool; OpenBLAS's own threads
        // would split each one again and busy-wait between calls (measured 5-20x slower on a loaded machine). The
        // engine's only other BLAS calls are the classifier's tiny GEMMs.
        openblas_nolapack.blas_set_num_threads(1);
    }

    private INDArray partials;

    /** Whether this kernel computes a convolution of this geometry on {@code x} (else the native op runs). */
    static boolean applies(int kernel, int stride, int padding, INDArray x) {
        return kernel == 1 && stride == 1 && padding == 0 && KernelPath.current() == KernelPath.HOST
                && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE) && Buffers.isDense(x);
    }

    void forward(INDArray x, INDArray w, INDArray y) {
        Geometry g = new Geometry(x, w);
        Parallel.forEach(g.blocks, b -> {
            for (int n = g.first(b); n < g.first(b + 1); n++) {
                gemm(x.dataType(), TRANS, NO_TRANS, g.cout, g.hw, g.cin, w, 0, g.cout, x, (long) n * g.cin * g.hw,
                        g.hw, 0, y, (long) n * g.cout * g.hw, g.hw);
            }
        });
    }

    /** Writes {@code dx} and {@code dw}; {@code dy} must be dense (a gradient buffer of the engine). */
    void backward(INDArray x, INDArray w, INDArray dy, INDArray dx, INDArray dw) {
        Geometry g = new Geometry(x, w);
        INDArray dense = Buffers.isDense(dy) ? dy : dy.dup('c');
        int weights = g.cin * g.cout;
        if (g.blocks > 1) {
            partials = Buffers.ensure(partials, x.dataType(), g.blocks - 1, weights);
        }
        Parallel.forEach(g.blocks, b -> {
            // block 0 accumulates into dw itself, block b > 0 into row b - 1 of the partial sums
            INDArray sum = b == 0 ? dw : partials;
            long at = b == 0 ? 0 : (long) (b - 1) * weights;
            for (int n = g.first(b); n < g.first(b + 1); n++) {
                long xAt = (long) n * g.cin * g.hw;
                long dyAt = (long) n * g.cout * g.hw;
                gemm(x.dataType(), NO_TRANS, NO_TRANS, g.cin, g.hw, g.cout, w, 0, g.cout, dense, dyAt, g.hw, 0,
                        dx, xAt, g.hw);
                gemm(x.dataType(), NO_TRANS, TRANS, g.cin, g.cout, g.hw, x, xAt, g.hw, dense, dyAt, g.hw,
                        n == g.first(b) ? 0 : 1, sum, at, g.cout);
            }
        });
        if (dense != dy) {
            dense.close();
        }
        for (int b = 1; b < g.blocks; b++) {
            dw.reshape(weights).addi(partials.getRow(b - 1));
        }
    }

    /** Frees the partial sums. */
    void close() {
        Buffers.release(partials);
        partials = null;
    }

    /** C = alpha op(A) op(B) + beta C with alpha 1, on sub-matrices at element offsets of dense arrays. */
    private static void gemm(DataType type, int transA, int transB, int m, int n, int k, INDArray a, long aAt,
                             int lda, INDArray b, long bAt, int ldb, double beta, INDArray c, long cAt, int ldc) {
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA, transB, m, n, k, 1f,
                    new FloatPointer(a.data().addressPointer()).position(aAt), lda,
                    new FloatPointer(b.data().addressPointer()).position(bAt), ldb, (float) beta,
                    new FloatPointer(c.data().addressPointer()).position(cAt), ldc);
        } else {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, transA, transB, m, n, k, 1.0,
                    new DoublePointer(a.data().addressPointer()).position(aAt), lda,
                    new DoublePointer(b.data().addressPointer()).position(bAt), ldb, beta,
                    new DoublePointer(c.data().addressPointer()).position(cAt), ldc);
        }
    }

    /** Sizes of one call and its split of the batch into blocks of images. */
    private static final class Geometry {
        final int batch;
        final int cin;
        final int cout;
        final int hw;
        final int blocks;

        Geometry(INDArray x, INDArray w) {
            batch = (int) x.size(0);
            cin = (int) x.size(1);
            cout = (int) w.size(3);
            hw = (int) (x.size(2) * x.size(3));
            blocks = Math.max(1, Math.min(Parallel.threads(), batch));
        }

        /** The first image of block {@code b} (b = blocks: one past the last image). */
        int first(int b) {
            return (int) ((long) b * batch / blocks);
        }
    }
}
