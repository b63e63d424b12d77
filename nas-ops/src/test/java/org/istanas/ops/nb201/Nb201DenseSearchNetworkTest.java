package org.istanas.ops.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.engine.Precision;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The official NB201 DARTS super-net: every op of every edge mixed by softmax(α), none included. */
final class Nb201DenseSearchNetworkTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final List<String> OPS = List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3",
            "avg_pool_3x3");

    private static SpaceSearchSpec spec(long seed) {
        return new SpaceSearchSpec(SHAPE, 4, 2, 1, OPS, seed);
    }

    private static Batch batch(int size, long seed) {
        Random random = new Random(seed);
        float[] images = new float[size * SHAPE.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(4);
        }
        return new Batch(images, labels, size, SHAPE);
    }

    private static double[][] alphas(long seed) {
        Random random = new Random(seed);
        double[][] a = new double[6][OPS.size()];
        for (double[] edge : a) {
            for (int o = 0; o < edge.length; o++) {
                edge[o] = random.nextGaussian();
            }
        }
        return a;
    }

    @Test
    void everyEdgeComputesEveryOperationButNone() {
        new Nd4jEngine();
        try (Nd4jNb201DenseSearchNetwork net = new Nd4jNb201DenseSearchNetwork(spec(1), DataType.FLOAT)) {
            net.setAlphas(CellType.NORMAL, alphas(2));
            net.trainStep(batch(2, 3));
            // 4 computed ops on each of the j incoming edges of node j; none (zero output) is never evaluated
            for (int[] cell : net.computedOperations()) {
                assertThat(cell).containsExactly(4, 8, 12);
            }
        }
    }

    @Test
    void gradientOfTheLossWithRespectToAlphaMatchesFiniteDifferences() {
        new Nd4jEngine(Precision.FLOAT64);
        Batch batch = batch(3, 4);
        try (DenseSearchNetwork net = new Nd4jNb201DenseSearchNetwork(spec(5), DataType.DOUBLE)) {
            double[][] a = alphas(7);
            net.setAlphas(CellType.NORMAL, a);
            net.trainStep(batch);
            List<Param> params = ParamGroup.of(net.architecture()).params();
            assertThat(params).hasSize(1);
            double[][] analytic = params.get(0).gradient().toDoubleMatrix();
            double h = 1e-6;
            for (int e = 0; e < 6; e++) {
                double sum = 0;
                for (int o = 0; o < OPS.size(); o++) {
                    double original = a[e][o];
                    a[e][o] = original + h;
                    net.setAlphas(CellType.NORMAL, a);
                    double plus = net.trainStep(batch).loss();
                    a[e][o] = original - h;
                    net.setAlphas(CellType.NORMAL, a);
                    double minus = net.trainStep(batch).loss();
                    a[e][o] = original;
                    net.setAlphas(CellType.NORMAL, a);
                    double numeric = (plus - minus) / (2 * h);
                    assertThat(analytic[e][o]).as("dL/dalpha edge %d op %s", e, OPS.get(o))
                            .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
                    sum += analytic[e][o];
                }
                // softmax is invariant to a shift of all of an edge's alphas
                assertThat(sum).as("edge %d", e).isCloseTo(0, within(1e-9));
            }
        }
    }

    @Test
    void stateRoundTripRestoresWeightsAndAlphas() throws IOException {
        new Nd4jEngine();
        Batch batch = batch(2, 9);
        try (DenseSearchNetwork a = new Nd4jNb201Networks().denseSearchNetwork(spec(1));
             DenseSearchNetwork b = new Nd4jNb201Networks().denseSearchNetwork(spec(2))) {
            a.setAlphas(CellType.NORMAL, alphas(3));
            a.trainStep(batch);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.writeState(new DataOutputStream(bytes));
            b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(b.alphas(CellType.NORMAL)).isDeepEqualTo(a.alphas(CellType.NORMAL));
            assertThat(b.logits(batch)).isDeepEqualTo(a.logits(batch));
        }
    }
}
