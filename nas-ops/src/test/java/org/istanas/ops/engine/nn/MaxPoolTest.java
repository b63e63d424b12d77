package org.istanas.ops.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Max pooling ({@link Pool}, libnd4j's {@code maxpool2d}/{@code _bp}, the same op on every backend) against a naive
 * definition written here: the max over the window's positions inside the image (padding never wins, even over
 * negative values), ties to the first maximum in row-major window order, and the backward pass adding each output
 * gradient at its maximum's position.
 *
 * <p>The forward pass must equal the definition bit for bit, and the gradient must be non-zero exactly where the
 * definition's is (the same maxima, ties included). Its values are compared to rounding only: when windows overlap,
 * oneDNN's JIT kernel adds the several gradients one input receives in an order set by its register blocking
 * (measured: neither row-major nor reversed output order), so sums of three or more may differ in the last bits.
 */
final class MaxPoolTest {
    /** kernel, stride, padding. */
    private static final int[][] GEOMETRIES = {{3, 1, 1}, {3, 2, 1}, {2, 2, 0}, {3, 2, 0}, {5, 1, 2}};

    /** Values with many ties (a few integers) or none (Gaussian), shifted so some images are all negative. */
    private static float[] values(Random random, int size, boolean ties) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = ties ? random.nextInt(3) - 3 : (float) random.nextGaussian() - 1f;
        }
        return v;
    }

    /** Naive max pooling of x [n, c, h, w] (row-major float[]): returns {out, gradIn for gradOut}. */
    private static float[][] reference(float[] x, float[] gradOut, int n, int c, int h, int w, int k, int s, int p) {
        int oh = (int) Conv2d.outSize(h, k, s, p);
        int ow = (int) Conv2d.outSize(w, k, s, p);
        float[] out = new float[n * c * oh * ow];
        float[] gradIn = new float[n * c * h * w];
        for (int plane = 0; plane < n * c; plane++) {
            for (int r = 0; r < oh; r++) {
                for (int q = 0; q < ow; q++) {
                    int best = -1;
                    for (int kh = 0; kh < k; kh++) {
                        for (int kw = 0; kw < k; kw++) {
                            int y = r * s - p + kh;
                            int z = q * s - p + kw;
                            if (y < 0 || y >= h || z < 0 || z >= w) {
                                continue;
                            }
                            int at = plane * h * w + y * w + z;
                            if (best < 0 || x[at] > x[best]) {
                                best = at;
                            }
                        }
                    }
                    int o = plane * oh * ow + r * ow + q;
                    out[o] = x[best];
                    gradIn[best] += gradOut[o];
                }
            }
        }
        return new float[][] {out, gradIn};
    }

    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** Forward and backward through a {@link Pool} layer; returns {out, gradIn}. */
    private static float[][] run(INDArray x, INDArray gradOut, int k, int s, int p) {
        Pool pool = new Pool(Pool.Kind.MAX, k, s, p, false);
        float[] out = floats(pool.forward(x, true));
        float[] gradIn = floats(pool.backward(gradOut));
        pool.close();
        return new float[][] {out, gradIn};
    }

    private static void assertEqualsDefinition(float[][] actual, float[][] expected, String what) {
        assertThat(actual[0]).as("%s forward", what).containsExactly(expected[0]);
        for (int i = 0; i < expected[1].length; i++) {
            assertThat(actual[1][i] == 0f).as("%s backward, which inputs get a gradient (%d)", what, i)
                    .isEqualTo(expected[1][i] == 0f);
            assertThat(actual[1][i]).as("%s backward (%d)", what, i)
                    .isCloseTo(expected[1][i], within(1e-5f * Math.max(1f, Math.abs(expected[1][i]))));
        }
    }

    @Test
    void equalsTheDefinitionIncludingTiesAndPadding() {
        Random random = new Random(42);
        int cases = 0;
        for (int[] g : GEOMETRIES) {
            for (int[] shape : new int[][] {{2, 3, 8, 8}, {3, 2, 7, 9}}) {
                for (boolean ties : new boolean[] {true, false}) {
                    int n = shape[0];
                    int c = shape[1];
                    int h = shape[2];
                    int w = shape[3];
                    int oh = (int) Conv2d.outSize(h, g[0], g[1], g[2]);
                    int ow = (int) Conv2d.outSize(w, g[0], g[1], g[2]);
                    float[] xv = values(random, n * c * h * w, ties);
                    float[] gv = values(random, n * c * oh * ow, false);
                    INDArray x = Nd4j.create(xv, new long[] {n, c, h, w}, DataType.FLOAT);
                    INDArray gradOut = Nd4j.create(gv, new long[] {n, c, oh, ow}, DataType.FLOAT);
                    float[][] expected = reference(xv, gv, n, c, h, w, g[0], g[1], g[2]);
                    String what = String.format("k=%d s=%d p=%d %dx%dx%dx%d ties=%s", g[0], g[1], g[2], n, c, h, w,
                            ties);
                    assertEqualsDefinition(run(x, gradOut, g[0], g[1], g[2]), expected, what);
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(20);
    }

    @Test
    void tiesGoToTheFirstPositionAndPaddingNeverWins() {
        // One 3x3 plane of equal negative values: every window's maximum is its first in-image position.
        INDArray x = Nd4j.valueArrayOf(new long[] {1, 1, 3, 3}, -1f, DataType.FLOAT);
        INDArray gradOut = Nd4j.ones(DataType.FLOAT, 1, 1, 3, 3);
        float[] expectedGrad = {4, 2, 0, 2, 1, 0, 0, 0, 0}; // windows at (r, q) start at (max(r-1,0), max(q-1,0))
        float[][] actual = run(x, gradOut, 3, 1, 1);
        assertThat(actual[0]).as("forward").containsOnly(-1f);
        assertThat(actual[1]).as("backward").containsExactly(expectedGrad);
    }

    @Test
    void readsChannelViewsAndGradientViews() {
        Random random = new Random(7);
        int n = 2;
        int h = 6;
        int w = 6;
        INDArray wide = Nd4j.create(values(random, n * 5 * h * w, false), new long[] {n, 5, h, w}, DataType.FLOAT);
        INDArray x = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray wideGrad = Nd4j.create(values(random, n * 4 * 3 * 3, false), new long[] {n, 4, 3, 3},
                DataType.FLOAT);
        INDArray gradOut = wideGrad.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3), NDArrayIndex.all(),
                NDArrayIndex.all());
        assertThat(x.isView()).isTrue();
        float[][] expected = reference(floats(x), floats(gradOut), n, 3, h, w, 3, 2, 1);
        assertEqualsDefinition(run(x, gradOut, 3, 2, 1), expected, "views");
    }
}
