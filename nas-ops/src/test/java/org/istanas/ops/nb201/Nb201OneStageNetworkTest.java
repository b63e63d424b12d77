package org.istanas.ops.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.network.Optimizer;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Support;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.BatchTensor;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The one-stage NAS-Bench-201 super-net on the real engine: one op per edge, freezing, release, fold, state. */
final class Nb201OneStageNetworkTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final List<String> OPS = List.of("skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");
    private static final Nd4jEngine ENGINE = new Nd4jEngine();

    private static SpaceSearchSpec spec(int cellsPerStage, long seed) {
        return new SpaceSearchSpec(SHAPE, 4, 3, cellsPerStage, OPS, seed);
    }

    private static Batch batch(int size, long seed) {
        return Nb201TrainableNetworkTest.batch(size, 4, seed);
    }

    /** Random A (m_j = n_j / 2), random x and b, the per-edge support of x; returns the supports. */
    private static int[][] randomSupports(OneStageSearchNetwork net, Random random) {
        int[][] supports = new int[3][];
        for (int j = 0; j < 3; j++) {
            int n = (j + 1) * OPS.size();
            double[][] a = new double[n / 2][n];
            for (double[] row : a) {
                for (int k = 0; k < n; k++) {
                    row[k] = random.nextDouble();
                }
            }
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = random.nextGaussian();
            }
            double[] b = new double[n / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextGaussian();
            }
            supports[j] = Nb201Support.perEdge(x, j, OPS.size());
            net.setCompressedCode(CellType.NORMAL, j, b);
            net.setSupport(CellType.NORMAL, j, a, supports[j], x);
        }
        return supports;
    }

    private static List<BatchNorm> opBatchNorms(Nd4jNb201OneStageNetwork net, Nb201SearchCell cell, int node) {
        List<BatchNorm> bns = new ArrayList<>();
        for (int source = 0; source <= node; source++) {
            for (int o = 0; o < OPS.size(); o++) {
                List<Layer> layers = new ArrayList<>();
                cell.op(node + 1, source, o).collectLayers(layers);
                layers.stream().filter(BatchNorm.class::isInstance).map(BatchNorm.class::cast).forEach(bns::add);
            }
        }
        return bns;
    }

    @Test
    void eachEdgeComputesExactlyOneOpAtEveryStep() {
        SearchSpace space = new OpsPlugin().searchSpaces().stream()
                .filter(s -> s.name().equals(Nb201Cell.SPACE)).findFirst().orElseThrow();
        Random random = new Random(21);
        try (OneStageSearchNetwork net = space.networks().orElseThrow().oneStageNetwork(spec(2, 3))) {
            for (int step = 0; step < 4; step++) {
                int[][] supports = randomSupports(net, random);
                net.trainStep(batch(4, step));
                int[][] counts = net.computedOperations();
                assertThat(counts).hasNumberOfRows(6);
                for (int[] cell : counts) {
                    for (int j = 0; j < 3; j++) {
                        // node j + 1 has j + 1 incoming edges and its support one candidate on each
                        assertThat(cell[j]).as("step %d node %d", step, j + 1).isEqualTo(j + 1);
                        List<Integer> sources = new ArrayList<>();
                        for (int k : supports[j]) {
                            sources.add(k / OPS.size());
                        }
                        assertThat(sources).containsExactlyElementsOf(
                                java.util.stream.IntStream.rangeClosed(0, j).boxed().toList());
                    }
                }
            }
        }
    }

    @Test
    void theFoldedNetworkComputesTheOneStageNetworksLogits() {
        Random random = new Random(5);
        try (Nd4jNb201OneStageNetwork net = new Nd4jNb201OneStageNetwork(spec(1, 7), DataType.DOUBLE)) {
            randomSupports(net, random);
            net.releaseNode(CellType.NORMAL, 0);
            net.releaseNode(CellType.NORMAL, 2);
            Optimizer sgd = ENGINE.sgd(net.weights(), 0.1, 0.9, 0);
            for (int i = 0; i < 3; i++) { // moves the released BN parameters off 1/0 and the running statistics
                net.trainStep(batch(6, 100 + i));
                sgd.step();
            }
            Batch batch = batch(5, 42);
            Nb201Cell cell = net.cell();
            try (Nb201Network folded = net.fold()) {
                assertThat(folded.cell()).isEqualTo(cell);
                assertThat(folded.oneStageBn()).isTrue();
                assertThat(cell.ops()).doesNotContain("none");
                // the API's logits are float; compare the engine's float64 ones
                double[][] expected = net.net().inferenceLogits(batch).toDoubleMatrix();
                double[][] actual = folded.forward(BatchTensor.fill(null, batch, DataType.DOUBLE), false)
                        .toDoubleMatrix();
                double max = 0;
                for (int r = 0; r < expected.length; r++) {
                    for (int c = 0; c < expected[r].length; c++) {
                        max = Math.max(max, Math.abs(expected[r][c] - actual[r][c]));
                    }
                }
                assertThat(max).as("max |logit difference|").isLessThan(1e-9);
                assertThat(expected[0][0]).isNotZero();
            }
        }
    }

    @Test
    void frozenNodesKeepTheirBAndReleasedNodesTrainTheirBatchNorms() {
        Random random = new Random(9);
        try (Nd4jNb201OneStageNetwork net = new Nd4jNb201OneStageNetwork(spec(1, 2), DataType.DOUBLE)) {
            randomSupports(net, random);
            Optimizer adam = ENGINE.adam(net.architecture(), 0.01, 0.5, 0.999, 0);
            net.freezeNode(CellType.NORMAL, 1);
            net.releaseNode(CellType.NORMAL, 2);
            double[][] before = new double[3][];
            for (int j = 0; j < 3; j++) {
                before[j] = net.compressedCode(CellType.NORMAL, j);
            }
            net.trainStep(batch(4, 1));
            adam.step();
            assertThat(net.compressedCode(CellType.NORMAL, 1)).as("frozen b").containsExactly(before[1]);
            assertThat(net.compressedCode(CellType.NORMAL, 0)).as("searching b").isNotEqualTo(before[0]);
            assertThat(net.compressedCode(CellType.NORMAL, 2)).isNotEqualTo(before[2]);
            for (Nb201SearchCell cell : net.net().cells()) {
                for (int j = 0; j < 3; j++) {
                    List<BatchNorm> bns = opBatchNorms(net, cell, j);
                    assertThat(bns).hasSize((j + 1) * OPS.size()); // every op ends in one affine BN
                    for (BatchNorm bn : bns) {
                        assertThat(bn.gamma().trainable()).as("node %d released", j + 1).isEqualTo(j == 2);
                        if (j != 2) {
                            assertThat(bn.gamma().hasGradient()).isFalse();
                            assertThat(bn.gamma().value().minNumber().doubleValue()).isEqualTo(1.0);
                            assertThat(bn.beta().value().amaxNumber().doubleValue()).isZero();
                        }
                    }
                }
            }
            // the support's ops into the released node got BN gradients
            long withGradient = net.net().cells().stream().flatMap(c -> opBatchNorms(net, c, 2).stream())
                    .filter(bn -> bn.gamma().hasGradient()).count();
            assertThat(withGradient).isEqualTo(3L * net.net().cells().size());
            assertThat(net.frozen(1)).isTrue();
            assertThat(net.released(2)).isTrue();
            assertThat(net.released(1)).isFalse();
        }
    }

    @Test
    void stateRoundTripsIntoAFreshNetwork() throws IOException {
        Batch batch = batch(4, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        float[][] expected;
        try (Nd4jNb201OneStageNetwork net = new Nd4jNb201OneStageNetwork(spec(1, 4), DataType.FLOAT)) {
            randomSupports(net, new Random(4));
            net.freezeNode(CellType.NORMAL, 0);
            net.releaseNode(CellType.NORMAL, 0);
            Optimizer sgd = ENGINE.sgd(net.weights(), 0.1, 0.9, 0);
            net.trainStep(batch);
            sgd.step();
            net.trainStep(batch);
            expected = net.logits(batch);
            net.writeState(new DataOutputStream(bytes));
        }
        try (Nd4jNb201OneStageNetwork fresh = new Nd4jNb201OneStageNetwork(spec(1, 4), DataType.FLOAT)) {
            fresh.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(fresh.logits(batch)).isEqualTo(expected);
            assertThat(fresh.frozen(0)).isTrue();
            assertThat(fresh.released(0)).isTrue();
            assertThat(fresh.released(1)).isFalse();
            fresh.trainStep(batch);
            List<Param> b = ParamGroup.of(fresh.architecture()).params();
            assertThat(b.get(0).hasGradient()).as("frozen b after reading the state").isFalse();
            assertThat(b.get(1).hasGradient()).isTrue();
        }
    }

    @Test
    void noneAndDropPathAreRefused() {
        assertThatThrownBy(() -> new Nd4jNb201OneStageNetwork(new SpaceSearchSpec(SHAPE, 4, 2, 1,
                List.of("none", "nor_conv_3x3"), 0), DataType.FLOAT))
                .hasMessageContaining("'none' is not a candidate");
        try (Nd4jNb201OneStageNetwork net = new Nd4jNb201OneStageNetwork(spec(1, 0), DataType.FLOAT)) {
            net.setDropPathProbability(0);
            assertThatThrownBy(() -> net.setDropPathProbability(0.2)).hasMessageContaining("no drop-path");
            assertThatThrownBy(() -> net.freezeNode(CellType.REDUCE, 0)).hasMessageContaining("one cell type");
        }
    }
}
