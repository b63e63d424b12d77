package org.istanas.ops.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J-only kernels (the GPU path) against the host-buffer kernels (the CPU path), both run here on the CPU:
 * equal forward and backward results to 1e-9 in float64 and 1e-4 in float32.
 */
final class KernelPathEquivalenceTest {
    private static final long[] SHAPE = {3, 4, 6, 8};

    static double tolerance(DataType type) {
        return type == DataType.DOUBLE ? 1e-9 : 1e-4;
    }

    private static INDArray random(DataType type, long seed, long... shape) {
        Random random = new Random(seed);
        INDArray a = Nd4j.createUninitialized(DataType.DOUBLE, shape, 'c');
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, 1.5 * random.nextGaussian() + 0.3);
        }
        return a.castTo(type);
    }

    static void assertClose(INDArray expected, INDArray actual, DataType type, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        double[] e = expected.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] a = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double scale = 1;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            worst = Math.max(worst, Math.abs(e[i] - a[i]));
        }
        assertThat(worst).as("%s: largest difference (values up to %.3g)", what, scale)
                .isLessThanOrEqualTo(tolerance(type) * scale);
    }

    /** One BN forward (+ backward in training) on fixed data under a path; returns y, dx, dgamma, dbeta, stats. */
    private static INDArray[] runBatchNorm(KernelPath path, DataType type, boolean affine, boolean relu,
                                           boolean training) {
        try (KernelPath.Override ignored = KernelPath.override(path)) {
            BatchNorm bn = new BatchNorm("bn", type, (int) SHAPE[1], affine, relu);
            if (affine) {
                bn.gamma().value().assign(random(type, 11, SHAPE[1]));
                bn.beta().value().assign(random(type, 12, SHAPE[1]));
            }
            if (!training) {
                bn.runningMean().assign(random(type, 13, SHAPE[1]));
                bn.runningVar().assign(Nd4j.math().abs(random(type, 14, SHAPE[1])).add(0.1));
            }
            INDArray x = random(type, 1, SHAPE);
            INDArray y = bn.forward(x, training).dup();
            if (!training) {
                return new INDArray[] {y};
            }
            INDArray dx = bn.backward(random(type, 2, SHAPE)).dup();
            INDArray[] out = affine
                    ? new INDArray[] {y, dx, bn.gamma().gradient().dup(), bn.beta().gradient().dup(),
                            bn.runningMean().dup(), bn.runningVar().dup()}
                    : new INDArray[] {y, dx, bn.runningMean().dup(), bn.runningVar().dup()};
            bn.close();
            return out;
        }
    }

    @Test
    void batchNormPathsAgreeForwardAndBackwardInBothPrecisions() {
        String[] names = {"y", "dx", "dgamma", "dbeta", "running mean", "running var"};
        int cases = 0;
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (boolean affine : new boolean[] {false, true}) {
                for (boolean relu : new boolean[] {false, true}) {
                    for (boolean training : new boolean[] {true, false}) {
                        INDArray[] host = runBatchNorm(KernelPath.HOST, type, affine, relu, training);
                        INDArray[] nd4j = runBatchNorm(KernelPath.ND4J, type, affine, relu, training);
                        assertThat(nd4j).hasSameSizeAs(host);
                        for (int i = 0; i < host.length; i++) {
                            String name = affine || i < 2 ? names[i] : names[i + 2];
                            assertClose(host[i], nd4j[i], type, type + " affine=" + affine + " relu=" + relu
                                    + " training=" + training + " " + name);
                        }
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(16);
    }

    @Test
    void fusedReluActuallyZeroesOnBothPaths() {
        for (KernelPath path : KernelPath.values()) {
            INDArray y = runBatchNorm(path, DataType.DOUBLE, true, true, true)[0];
            INDArray dx = runBatchNorm(path, DataType.DOUBLE, true, true, true)[1];
            assertThat(y.minNumber().doubleValue()).as(path + " min y").isEqualTo(0.0);
            long zeros = y.length() - y.neq(0).castTo(DataType.INT).sumNumber().longValue();
            assertThat(zeros).as(path + " zeros of y").isBetween(y.length() / 10, y.length() * 9 / 10);
            assertThat(dx.amaxNumber().doubleValue()).as(path + " dx").isGreaterThan(0);
        }
    }

    @Test
    void phaseShufflesAgreeWithTheDefinitionOnBothPaths() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray x = random(type, 5, 2, 3, 6, 8);
            int[] all = {0, 1, 2, 3};
            for (KernelPath path : KernelPath.values()) {
                try (KernelPath.Override ignored = KernelPath.override(path)) {
                    INDArray[] phases = new INDArray[4];
                    for (int t = 0; t < 4; t++) {
                        phases[t] = Nd4j.create(type, 2, 3, 3, 4);
                    }
                    PhaseShuffle.split(x, all, phases);
                    for (int t = 0; t < 4; t++) {
                        for (int n = 0; n < 2; n++) {
                            for (int c = 0; c < 3; c++) {
                                for (int r = 0; r < 3; r++) {
                                    for (int s = 0; s < 4; s++) {
                                        assertThat(phases[t].getDouble(n, c, r, s)).as("%s phase %d", path, t)
                                                .isEqualTo(x.getDouble(n, c, 2 * r + (t >> 1), 2 * s + (t & 1)));
                                    }
                                }
                            }
                        }
                    }
                    INDArray back = Nd4j.create(type, 2, 3, 6, 8).assign(7);
                    PhaseShuffle.merge(back, all, phases);
                    assertThat(back.equals(x)).as(path + " merge of all phases").isTrue();
                    INDArray partial = Nd4j.create(type, 2, 3, 6, 8).assign(7);
                    PhaseShuffle.merge(partial, new int[] {3}, phases[3]);
                    assertThat(partial.getDouble(1, 2, 3, 5)).isEqualTo(x.getDouble(1, 2, 3, 5));
                    assertThat(partial.getDouble(1, 2, 2, 5)).as(path + " other phases are zero").isEqualTo(0.0);
                    assertThat(partial.sumNumber().doubleValue())
                            .isCloseTo(phases[3].sumNumber().doubleValue(), org.assertj.core.api.Assertions.within(1e-4));
                }
            }
        }
    }

    @Test
    void phaseShufflesWriteIntoViews() {
        INDArray x = random(DataType.FLOAT, 6, 1, 2, 4, 4);
        for (KernelPath path : KernelPath.values()) {
            try (KernelPath.Override ignored = KernelPath.override(path)) {
                INDArray block = Nd4j.create(DataType.FLOAT, 2, 2, 2, 2);
                INDArray second = block.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2));
                PhaseShuffle.split(x, new int[] {1}, second);
                assertThat(block.getDouble(1, 1, 1, 1)).as(path.name()).isEqualTo(x.getDouble(0, 1, 2, 3));
                assertThat(block.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1)).sumNumber().doubleValue()).as(path + " first block untouched")
                        .isEqualTo(0.0);
            }
        }
    }

    @Test
    void automaticSelectionUsesHostBuffersOnlyOnTheCpuBackend() {
        assertThat(KernelPath.resolve(null, true)).isEqualTo(KernelPath.HOST);
        assertThat(KernelPath.resolve("auto", true)).isEqualTo(KernelPath.HOST);
        assertThat(KernelPath.resolve(null, false)).isEqualTo(KernelPath.ND4J);
        assertThat(KernelPath.resolve("ND4J", true)).isEqualTo(KernelPath.ND4J);
        assertThat(KernelPath.resolve("host", true)).isEqualTo(KernelPath.HOST);
        assertThatThrownBy(() -> KernelPath.resolve("host", false)).hasMessageContaining("istanas.kernels=host");
        assertThatThrownBy(() -> KernelPath.resolve("gpu", true)).hasMessageContaining("'gpu'")
                .hasMessageContaining("host, nd4j or auto");
        assertThat(KernelPath.current()).isEqualTo(KernelPath.HOST); // this test JVM runs the CPU backend
        try (KernelPath.Override ignored = KernelPath.override(KernelPath.ND4J)) {
            assertThat(KernelPath.current()).isEqualTo(KernelPath.ND4J);
        }
        assertThat(KernelPath.current()).isEqualTo(KernelPath.HOST);
    }
}
