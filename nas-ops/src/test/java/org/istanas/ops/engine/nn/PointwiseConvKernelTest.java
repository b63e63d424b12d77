package org.istanas.ops.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The 1x1 convolution as one GEMM per image (the host path) against libnd4j's {@code conv2d}/{@code conv2d_bp} (the
 * path it replaced, still the ND4J path): equal output, input gradient and weight gradient to 1e-9 in float64 and
 * 1e-4 in float32 (relative to the largest value), on shapes with odd sizes, more or fewer output than input
 * channels, batches smaller than, equal to and not divisible by the thread count; and a case computed by hand.
 */
final class PointwiseConvKernelTest {
    private static INDArray random(DataType type, long seed, long... shape) {
        Random random = new Random(seed);
        INDArray a = Nd4j.createUninitialized(DataType.DOUBLE, shape, 'c');
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, random.nextGaussian());
        }
        return a.castTo(type);
    }

    /** Forward and backward of a fresh layer under a path: output, input gradient, weight gradient. */
    private static INDArray[] run(KernelPath path, DataType type, INDArray x, INDArray dy, int cout) {
        try (KernelPath.Override ignored = KernelPath.override(path)) {
            Conv2d conv = new Conv2d("c", type, new SplittableRandom(7), (int) x.size(1), cout, 1, 1, 0);
            assertThat(PointwiseConvKernel.applies(1, 1, 0, x)).as("GEMM path under " + path)
                    .isEqualTo(path == KernelPath.HOST && Buffers.isDense(x));
            INDArray y = conv.forward(x, true).dup();
            INDArray dx = conv.backward(dy).dup();
            INDArray dw = conv.weight().gradient().dup();
            conv.close();
            return new INDArray[] {y, dx, dw};
        }
    }

    private static void assertSamePaths(DataType type, long n, long cin, long cout, long h, long w) {
        INDArray x = random(type, 1, n, cin, h, w);
        INDArray dy = random(type, 2, n, cout, h, w);
        INDArray[] gemm = run(KernelPath.HOST, type, x, dy, (int) cout);
        INDArray[] nativeOp = run(KernelPath.ND4J, type, x, dy, (int) cout);
        String shape = type + " [" + n + ", " + cin + ", " + h + ", " + w + "] -> " + cout;
        KernelPathEquivalenceTest.assertClose(nativeOp[0], gemm[0], type, "output " + shape);
        KernelPathEquivalenceTest.assertClose(nativeOp[1], gemm[1], type, "input gradient " + shape);
        KernelPathEquivalenceTest.assertClose(nativeOp[2], gemm[2], type, "weight gradient " + shape);
    }

    @Test
    void gemmEqualsTheNativeConvolutionForwardAndBackward() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            assertSamePaths(type, 5, 7, 3, 6, 5);
            assertSamePaths(type, 1, 3, 11, 4, 7);
            assertSamePaths(type, 2, 16, 16, 8, 8);
            assertSamePaths(type, 8, 64, 16, 9, 9);
            assertSamePaths(type, 3, 36, 144, 1, 1);
        }
    }

    @Test
    void aViewInputTakesTheNativeOpAndGivesTheSameNumbers() {
        INDArray whole = random(DataType.DOUBLE, 3, 4, 5, 6, 6);
        INDArray view = whole.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4), NDArrayIndex.all(),
                NDArrayIndex.all());
        assertThat(Buffers.isDense(view)).isFalse();
        INDArray dy = random(DataType.DOUBLE, 4, 4, 2, 6, 6);
        INDArray[] host = run(KernelPath.HOST, DataType.DOUBLE, view, dy, 2);
        INDArray[] nativeOp = run(KernelPath.ND4J, DataType.DOUBLE, view.dup('c'), dy, 2);
        for (int i = 0; i < 3; i++) {
            KernelPathEquivalenceTest.assertClose(nativeOp[i], host[i], DataType.DOUBLE, "result " + i);
        }
    }

    @Test
    void repeatedRunsAreEqualBitForBit() {
        INDArray x = random(DataType.FLOAT, 5, 7, 16, 8, 8);
        INDArray dy = random(DataType.FLOAT, 6, 7, 24, 8, 8);
        INDArray[] first = run(KernelPath.HOST, DataType.FLOAT, x, dy, 24);
        INDArray[] second = run(KernelPath.HOST, DataType.FLOAT, x, dy, 24);
        for (int i = 0; i < 3; i++) {
            assertThat(second[i].data().asFloat()).as("result " + i).isEqualTo(first[i].data().asFloat());
        }
    }

    /**
     * Two images of 2 channels and 2 pixels, 1 output channel, weights (w0, w1) = (2, -1):
     * y[n, 0, p] = 2 x[n, 0, p] - x[n, 1, p]; dx[n, c, p] = w_c dy[n, 0, p]; dw_c = sum_n,p x[n, c, p] dy[n, 0, p].
     */
    @Test
    void aCaseComputedByHand() {
        try (KernelPath.Override ignored = KernelPath.override(KernelPath.HOST)) {
            Conv2d conv = new Conv2d("c", DataType.DOUBLE, new SplittableRandom(1), 2, 1, 1, 1, 0);
            conv.weight().value().assign(Nd4j.createFromArray(2.0, -1.0).reshape(1, 1, 2, 1));
            INDArray x = Nd4j.createFromArray(1.0, 2.0, 3.0, 4.0, -1.0, 0.5, 0.0, 2.0).reshape(2, 2, 1, 2);
            INDArray y = conv.forward(x, true);
            assertThat(y.data().asDouble()).containsExactly(2 - 3, 4 - 4, -2 - 0, 1 - 2);
            INDArray dy = Nd4j.createFromArray(1.0, -2.0, 0.5, 3.0).reshape(2, 1, 1, 2);
            INDArray dx = conv.backward(dy);
            assertThat(dx.data().asDouble()).containsExactly(2, -4, -1, 2, 1, 6, -0.5, -3);
            // dw0 = 1*1 + 2*(-2) + (-1)*0.5 + 0.5*3 = -2; dw1 = 3*1 + 4*(-2) + 0*0.5 + 2*3 = 1
            assertThat(conv.weight().gradient().data().asDouble()).containsExactly(-2, 1);
            conv.close();
        }
    }
}
