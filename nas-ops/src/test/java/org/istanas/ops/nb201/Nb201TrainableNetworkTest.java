package org.istanas.ops.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.api.space.StandaloneRequest;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.engine.nn.Param;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The stand-alone NAS-Bench-201 network as a {@link TrainableNetwork}: loss gradient, state, training. */
final class Nb201TrainableNetworkTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    /** Every operation once, and two edges of none. */
    private static final Nb201Cell MIXED = Nb201Cell.parse(
            "|nor_conv_3x3~0|+|avg_pool_3x3~0|skip_connect~1|+|nor_conv_1x1~0|none~1|skip_connect~2|");

    static Batch batch(int size, int classes, long seed) {
        Random random = new Random(seed);
        float[] images = new float[size * SHAPE.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new Batch(images, labels, size, SHAPE);
    }

    private static Nb201Network small(boolean oneStageBn, DataType type, long seed) {
        return new Nb201Network(MIXED, 3, 4, 2, 1, oneStageBn, type, seed);
    }

    @Test
    void lossGradientOfWeightsMatchesCentralFiniteDifferencesInFloat64() {
        for (double smoothing : new double[] {0, 0.1}) {
            try (Nb201Network net = small(true, DataType.DOUBLE, 3)) {
                net.setLabelSmoothing(smoothing);
                Batch batch = batch(4, 4, 7);
                net.trainStep(batch);
                List<Param> params = net.parameters();
                assertThat(params).allMatch(Param::hasGradient);
                Random pick = new Random(5);
                // stem conv, a cell op's conv, an appended one-stage BN, a residual conv, the classifier
                for (int t : new int[] {0, 3, 6, params.size() / 2, params.size() - 1}) {
                    Param p = params.get(t);
                    INDArray analytic = p.gradient().dup();
                    for (int s = 0; s < 3; s++) {
                        long i = pick.nextInt((int) p.size());
                        double v = p.value().getDouble(i);
                        double h = 1e-6;
                        p.value().putScalar(i, v + h);
                        double up = net.trainStep(batch).loss();
                        p.value().putScalar(i, v - h);
                        double down = net.trainStep(batch).loss();
                        p.value().putScalar(i, v);
                        double numeric = (up - down) / (2 * h);
                        assertThat(analytic.getDouble(i)).as("eps %s: dL/d%s[%d]", smoothing, p.name(), i)
                                .isCloseTo(numeric, Offset.offset(1e-5 * Math.max(1, Math.abs(numeric))));
                    }
                }
            }
        }
    }

    @Test
    void gradientsAreOverwrittenNotAccumulated() {
        try (Nb201Network net = small(false, DataType.DOUBLE, 3)) {
            Batch batch = batch(4, 4, 7);
            net.trainStep(batch);
            INDArray first = net.parameters().get(0).gradient().dup();
            net.trainStep(batch);
            assertThat(net.parameters().get(0).gradient().sub(first).amaxNumber().doubleValue()).isLessThan(1e-12);
        }
    }

    @Test
    void stateRoundTripsIntoAFreshNetwork() throws IOException {
        Batch batch = batch(6, 4, 9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        float[][] expected;
        try (Nb201Network net = small(true, DataType.FLOAT, 1)) {
            net.trainStep(batch); // moves the BN running statistics away from their initial values
            net.trainStep(batch);
            expected = net.logits(batch);
            net.writeState(new DataOutputStream(bytes));
        }
        try (Nb201Network fresh = small(true, DataType.FLOAT, 99)) {
            assertThat(fresh.logits(batch)).isNotEqualTo(expected);
            fresh.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(fresh.logits(batch)).isEqualTo(expected);
        }
        try (Nb201Network other = new Nb201Network(Nb201Cell.uniform("nor_conv_3x3"), 3, 4, 2, 1, true,
                DataType.FLOAT, 1)) {
            assertThatThrownBy(() -> other.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("state of the nas-bench-201 network " + MIXED.arch()
                            + " (C 2, N 1, one-stage BN, 4 classes) cannot be read into");
        }
    }

    @Test
    void sgdStepsOnAFixedBatchLowerTheLoss() {
        Nd4jEngine engine = new Nd4jEngine();
        Batch batch = batch(8, 4, 11);
        try (TrainableNetwork net = new Nd4jNb201Networks().trainable(MIXED,
                new StandaloneRequest(SHAPE, 4, 4, 1, 2))) {
            Optimizer sgd = engine.sgd(net.weights(), 0.05, 0.9, 0);
            double first = net.trainStep(batch).loss();
            sgd.step();
            double last = first;
            for (int i = 0; i < 15; i++) {
                last = net.trainStep(batch).loss();
                sgd.step();
            }
            assertThat(last).isLessThan(first * 0.5);
            assertThat(net.evaluate(batch).size()).isEqualTo(8);
        }
    }

    @Test
    void theRequestSetsWidthAndDepth() {
        // hand count, C = 8, N = 1: stem 3*8*9 + 16; residual blocks 8->16 and 16->32 (conv_a, BN, conv_b, BN,
        // 1x1 shortcut): 1152 + 32 + 2304 + 32 + 128 and 4608 + 64 + 9216 + 64 + 512; head BN 64 + linear 330
        long macro = 216 + 16 + 3648 + 14464 + 64 + 330;
        StandaloneRequest request = new StandaloneRequest(new ImageShape(3, 32, 32), 10, 8, 1, 0);
        Nd4jNb201Networks networks = new Nd4jNb201Networks();
        try (TrainableNetwork none = networks.trainable(Nb201Cell.uniform("none"), request)) {
            assertThat(none.parameterCount()).isEqualTo(macro);
        }
        // one cell per stage, 6 edges of ReLU-Conv3x3-BN at 8, 16 and 32 channels
        long convs = 6L * (8 * 8 * 9 + 16) + 6L * (16 * 16 * 9 + 32) + 6L * (32 * 32 * 9 + 64);
        try (var conv = networks.standalone(Nb201Cell.uniform("nor_conv_3x3"), request)) {
            assertThat(conv.parameterCount()).isEqualTo(macro + convs);
        }
    }

    @Test
    void theOneStageLayoutAppendsAnAffineBnToSkipAndPool() {
        // 73,306 for the all-skip benchmark network (nas-bench-201.md section 8), plus gamma and beta on each of
        // the 6 edges of the 5 cells of each stage (16, 32, 64 channels)
        long extra = 6L * 5 * 2 * (16 + 32 + 64);
        for (String op : List.of("skip_connect", "avg_pool_3x3")) {
            try (Nb201Network net = new Nb201Network(Nb201Cell.uniform(op), 3, 10, 16, 5, true, DataType.FLOAT, 0)) {
                assertThat(net.parameterCount()).as(op).isEqualTo(73_306 + extra);
            }
        }
        try (Nb201Network net = new Nb201Network(Nb201Cell.uniform("nor_conv_3x3"), 3, 10, 16, 5, true,
                DataType.FLOAT, 0)) {
            assertThat(net.parameterCount()).isEqualTo(1_531_546);
        }
    }

    @Test
    void imagesOfOtherChannelCountsAreRejected() {
        try (Nb201Network net = small(false, DataType.FLOAT, 0)) {
            Batch grey = new Batch(new float[64], new int[] {0}, 1, new ImageShape(1, 8, 8));
            assertThatThrownBy(() -> net.trainStep(grey)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("takes images of 3 channels");
        }
    }
}
