package org.istanas.ops.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Forward values against direct hand computation of the definitions. */
final class LayerForwardTest {
    private final SplittableRandom random = new SplittableRandom(3);

    @Test
    void averagePoolExcludesPaddingFromTheDivisor() {
        INDArray x = GradientCheck.random(random, 1, 1, 4, 4);
        INDArray y = new Pool(Pool.Kind.AVG, 3, 1, 1, false).forward(x, true);
        double corner = (x.getDouble(0, 0, 0, 0) + x.getDouble(0, 0, 0, 1) + x.getDouble(0, 0, 1, 0)
                + x.getDouble(0, 0, 1, 1)) / 4;
        assertThat(y.getDouble(0, 0, 0, 0)).isCloseTo(corner, within(1e-12));
        double included = new Pool(Pool.Kind.AVG, 3, 1, 1, true).forward(x, true).getDouble(0, 0, 0, 0);
        assertThat(included).isCloseTo(corner * 4 / 9, within(1e-12));
    }

    @Test
    void maxPoolAtStrideTwo() {
        INDArray x = GradientCheck.random(random, 1, 2, 6, 6);
        INDArray y = new Pool(Pool.Kind.MAX, 3, 2, 1, false).forward(x, true);
        assertThat(y.shape()).containsExactly(1, 2, 3, 3);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 1; i <= 3; i++) {
            for (int j = 1; j <= 3; j++) {
                max = Math.max(max, x.getDouble(0, 1, i, j));
            }
        }
        assertThat(y.getDouble(0, 1, 1, 1)).isEqualTo(max);
    }

    /** Direct sum of the dilated depthwise convolution at every output pixel. */
    private static double dilated(INDArray x, INDArray w, int n, int c, int i, int j, int k, int stride, int pad,
                                  int dilation) {
        double sum = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                int r = i * stride + a * dilation - pad;
                int s = j * stride + b * dilation - pad;
                if (r >= 0 && s >= 0 && r < x.size(2) && s < x.size(3)) {
                    sum += w.getDouble(a, b, c, 0) * x.getDouble(n, c, r, s);
                }
            }
        }
        return sum;
    }

    @Test
    void dilatedDepthwiseRewritesEqualTheDefinition() {
        for (DepthwiseConv2d.DilationMode mode : new DepthwiseConv2d.DilationMode[] {
                DepthwiseConv2d.DilationMode.SPACE_TO_BATCH, DepthwiseConv2d.DilationMode.EXPANDED_KERNEL}) {
            for (int k : new int[] {3, 5}) {
                for (int stride : new int[] {1, 2}) {
                    DepthwiseConv2d conv = new DepthwiseConv2d("dw", DataType.DOUBLE, new SplittableRandom(k), 3, k,
                            stride, k - 1, 2, mode);
                    INDArray x = GradientCheck.random(random, 2, 3, 8, 8);
                    INDArray y = conv.forward(x, true);
                    assertThat(y.shape()).containsExactly(2, 3, 8 / stride, 8 / stride);
                    for (int n = 0; n < 2; n++) {
                        for (int c = 0; c < 3; c++) {
                            for (int i = 0; i < y.size(2); i++) {
                                for (int j = 0; j < y.size(3); j++) {
                                    assertThat(y.getDouble(n, c, i, j)).as("%s k%d s%d", mode, k, stride)
                                            .isCloseTo(dilated(x, conv.weight().value(), n, c, i, j, k, stride,
                                                    k - 1, 2), within(1e-12));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void batchNormNormalisesWithBatchStatisticsAndTracksRunningOnes() {
        BatchNorm bn = new BatchNorm("bn", DataType.DOUBLE, 2, false, false);
        INDArray x = GradientCheck.random(random, 3, 2, 2, 2);
        INDArray y = bn.forward(x, true);
        double[] v = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1))
                .dup().data().asDouble();
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double var = java.util.Arrays.stream(v).map(t -> (t - mean) * (t - mean)).sum() / v.length;
        assertThat(y.getDouble(1, 1, 0, 1)).isCloseTo((x.getDouble(1, 1, 0, 1) - mean) / Math.sqrt(var + 1e-5),
                within(1e-12));
        assertThat(bn.runningMean().getDouble(1)).isCloseTo(0.1 * mean, within(1e-12));
        assertThat(bn.runningVar().getDouble(1)).isCloseTo(0.9 + 0.1 * var * v.length / (v.length - 1),
                within(1e-12));
        INDArray eval = bn.forward(x, false);
        assertThat(eval.getDouble(1, 1, 0, 1)).isCloseTo((x.getDouble(1, 1, 0, 1) - 0.1 * mean)
                / Math.sqrt(bn.runningVar().getDouble(1) + 1e-5), within(1e-12));
    }

    @Test
    void floatBatchNormAgreesWithDouble() {
        BatchNorm f = new BatchNorm("f", DataType.FLOAT, 3, false, true);
        BatchNorm d = new BatchNorm("d", DataType.DOUBLE, 3, false, true);
        INDArray x = GradientCheck.random(random, 4, 3, 6, 6);
        INDArray g = GradientCheck.random(random, 4, 3, 6, 6);
        INDArray yf = f.forward(x.castTo(DataType.FLOAT), true).castTo(DataType.DOUBLE);
        INDArray yd = d.forward(x, true);
        assertThat(yf.sub(yd).amaxNumber().doubleValue()).isLessThan(1e-5);
        INDArray gf = f.backward(g.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE);
        INDArray gd = d.backward(g);
        assertThat(gf.sub(gd).amaxNumber().doubleValue()).isLessThan(1e-4);
    }
}
