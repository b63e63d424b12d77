package org.istanas.ops.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Support;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.engine.Precision;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

final class Nb201SparseSearchNetworkTest {
    private static final ImageShape SHAPE = new ImageShape(3, 8, 8);
    private static final List<String> OPS = List.of("skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    private static SpaceSearchSpec spec(int cellsPerStage, long seed) {
        return new SpaceSearchSpec(SHAPE, 4, 2, cellsPerStage, OPS, seed);
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

    /** Random A (m_j = n_j / 2), random x, the per-edge support of x; returns the supports. */
    private static int[][] randomPerEdgeSupports(SparseSearchNetwork net, Random random) {
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
            supports[j] = Nb201Support.perEdge(x, j, OPS.size());
            net.setSupport(CellType.NORMAL, j, a, supports[j], x);
        }
        return supports;
    }

    @Test
    void eachEdgeComputesExactlyTheOneOpOfItsSupportAtEveryStep() {
        SearchSpace space = new OpsPlugin().searchSpaces().stream()
                .filter(s -> s.name().equals(Nb201Cell.SPACE)).findFirst().orElseThrow();
        new Nd4jEngine();
        Random random = new Random(11);
        try (SparseSearchNetwork net = space.networks().orElseThrow().sparseSearchNetwork(spec(2, 3))) {
            List<Param> weights = ParamGroup.of(net.weights()).params();
            for (int step = 0; step < 4; step++) {
                int[][] supports = randomPerEdgeSupports(net, random);
                net.trainStep(batch(2, step));
                int[][] computed = net.computedOperations();
                assertThat(computed).hasNumberOfRows(6);
                for (int[] cell : computed) {
                    assertThat(cell).as("step %d: ops per node (one per incoming edge)", step).containsExactly(1, 2, 3);
                }
                // the convolutions with a gradient are exactly those the supports pick, in every cell
                Nb201Cell derived = Nb201Support.cell(List.of(supports), OPS);
                Set<String> expected = new HashSet<>();
                for (int c = 0; c < 6; c++) {
                    for (int e = 0; e < Nb201Cell.EDGES; e++) {
                        String op = derived.op(e);
                        if (op.startsWith("nor_conv")) {
                            expected.add("nb201.cell" + c + ".edge" + Nb201Cell.source(e) + "to"
                                    + Nb201Cell.target(e) + "." + op);
                        }
                    }
                }
                Set<String> withGradient = new HashSet<>();
                for (Param p : weights) {
                    if (p.name().startsWith("nb201.cell") && p.hasGradient()) {
                        withGradient.add(p.name().substring(0, p.name().indexOf('.', p.name().indexOf(".nor_conv") + 1)));
                    }
                }
                assertThat(withGradient).as("step %d, cell %s", step, derived).isEqualTo(expected);
            }
        }
    }

    @Test
    void gradientOfTheLossWithRespectToBMatchesFiniteDifferences() {
        new Nd4jEngine(Precision.FLOAT64);
        Batch batch = batch(3, 4);
        try (SparseSearchNetwork net = new Nd4jNb201SparseSearchNetwork(spec(1, 5), DataType.DOUBLE)) {
            Random random = new Random(7);
            randomPerEdgeSupports(net, random);
            for (int j = 0; j < 3; j++) {
                double[] b = net.compressedCode(CellType.NORMAL, j);
                for (int i = 0; i < b.length; i++) {
                    b[i] = 0.4 * Math.sin(5 * i + j + 1);
                }
                net.setCompressedCode(CellType.NORMAL, j, b);
            }
            net.trainStep(batch);
            List<Param> bs = ParamGroup.of(net.architecture()).params();
            assertThat(bs).hasSize(3);
            double h = 1e-6;
            int checked = 0;
            for (int j = 0; j < 3; j++) {
                double[] analytic = bs.get(j).gradient().toDoubleVector();
                assertThat(analytic).hasSize((j + 1) * 2);
                double[] b = net.compressedCode(CellType.NORMAL, j);
                for (int i = 0; i < b.length; i++) {
                    double original = b[i];
                    b[i] = original + h;
                    net.setCompressedCode(CellType.NORMAL, j, b);
                    double plus = net.trainStep(batch).loss();
                    b[i] = original - h;
                    net.setCompressedCode(CellType.NORMAL, j, b);
                    double minus = net.trainStep(batch).loss();
                    b[i] = original;
                    net.setCompressedCode(CellType.NORMAL, j, b);
                    double numeric = (plus - minus) / (2 * h);
                    assertThat(analytic[i]).as("dL/db node %d [%d]", j, i)
                            .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(2 + 4 + 6);
        }
    }

    @Test
    void stateRoundTripRestoresWeightsCodesAndSupports() throws IOException {
        new Nd4jEngine();
        Batch batch = batch(2, 9);
        try (SparseSearchNetwork a = new Nd4jNb201Networks().sparseSearchNetwork(spec(1, 1));
             SparseSearchNetwork b = new Nd4jNb201Networks().sparseSearchNetwork(spec(1, 2))) {
            randomPerEdgeSupports(a, new Random(3));
            a.trainStep(batch);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.writeState(new DataOutputStream(bytes));
            b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            for (int j = 0; j < 3; j++) {
                assertThat(b.nodeWeights(CellType.NORMAL, j)).containsExactly(a.nodeWeights(CellType.NORMAL, j));
            }
            assertThat(b.logits(batch)).isDeepEqualTo(a.logits(batch));
        }
    }

    @Test
    void reductionCellsAndNoneAreRejected() {
        new Nd4jEngine();
        try (SparseSearchNetwork net = new Nd4jNb201Networks().sparseSearchNetwork(spec(1, 1))) {
            assertThatThrownBy(() -> net.compressedCode(CellType.REDUCE, 0))
                    .hasMessageContaining("one cell type, NORMAL");
            assertThatThrownBy(() -> net.setSupport(CellType.NORMAL, 3, new double[1][16], new int[] {0},
                    new double[16])).hasMessageContaining("node must be in 0..2");
        }
        assertThatThrownBy(() -> new Nd4jNb201Networks().sparseSearchNetwork(
                new SpaceSearchSpec(SHAPE, 4, 2, 1, List.of("none", "skip_connect"), 1)))
                .hasMessageContaining("'none' is not a candidate");
    }
}
