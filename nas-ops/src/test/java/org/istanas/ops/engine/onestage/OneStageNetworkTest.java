package org.istanas.ops.engine.onestage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.ops.engine.targetnet.Cell;
import org.istanas.ops.engine.targetnet.Edge;
import org.istanas.ops.engine.targetnet.Nd4jTargetNetwork;
import org.istanas.ops.engine.targetnet.OpLayers;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

final class OneStageNetworkTest {
    private static final ImageShape CIFAR = new ImageShape(3, 32, 32);
    private static final int OPS = 7;

    static SearchNetworkSpec spec(int channels, int layers, double aux, long seed) {
        return new SearchNetworkSpec(CIFAR, 4, channels, layers, 4, OpsPlugin.paperOperations(), aux, seed);
    }

    static Batch batch(SplittableRandom random, int n) {
        float[] images = new float[n * CIFAR.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(4);
        }
        return new Batch(images, labels, n, CIFAR);
    }

    /** Random A (uniform, 7 x n), a support of two distinct entries covering every op kind over the nodes. */
    static void randomSupports(Nd4jOneStageNetwork net, SplittableRandom random) {
        for (CellType type : CellType.values()) {
            for (int j = 0; j < 4; j++) {
                int n = OPS * (j + 2);
                double[][] a = new double[7][n];
                for (double[] row : a) {
                    for (int c = 0; c < n; c++) {
                        row[c] = random.nextDouble();
                    }
                }
                int first = random.nextInt(n);
                int second;
                do {
                    second = random.nextInt(n);
                } while (second == first);
                double[] x = new double[n];
                x[first] = random.nextGaussian();
                x[second] = random.nextGaussian();
                net.setSupport(type, j, a, new int[] {first, second}, x);
                double[] b = new double[7];
                for (int r = 0; r < 7; r++) {
                    b[r] = 0.1 * random.nextGaussian();
                }
                net.setCompressedCode(type, j, b);
            }
        }
    }

    private static List<BatchNorm> batchNorms(Layer op) {
        List<Layer> layers = new ArrayList<>();
        op.collectLayers(layers);
        return layers.stream().filter(l -> l instanceof BatchNorm bn && bn.affine()).map(l -> (BatchNorm) l).toList();
    }

    @Test
    void foldingLeavesInferenceOutputsUnchangedInDoublePrecision() {
        SplittableRandom random = new SplittableRandom(1);
        try (Nd4jOneStageNetwork net = Nd4jOneStageNetwork.build(spec(4, 3, 0.4, 3), Layout.CIFAR, DataType.DOUBLE)) {
            randomSupports(net, random);
            prepare(net, random);
            Batch batch = batch(random, 3);
            float[][] unused = net.logits(batch);
            assertThat(unused).hasNumberOfRows(3);
            try (TargetNetwork folded = net.fold()) {
                double diff = maxAbsDiff(net, (Nd4jTargetNetwork) folded, batch);
                assertThat(diff).isLessThan(1e-9);
                checkGenotypeOrder(net, folded);
            }
        }
    }

    @Test
    void foldingLeavesInferenceOutputsUnchangedInFloat32() {
        SplittableRandom random = new SplittableRandom(2);
        try (Nd4jOneStageNetwork net = Nd4jOneStageNetwork.build(spec(4, 3, 0.4, 4), Layout.CIFAR, DataType.FLOAT)) {
            randomSupports(net, random);
            prepare(net, random);
            Batch batch = batch(random, 4);
            try (TargetNetwork folded = net.fold()) {
                assertThat(maxAbsDiff(net, (Nd4jTargetNetwork) folded, batch)).isLessThanOrEqualTo(1e-4);
                // the folded network's weights survive a save/load round trip (evaluate --test-only)
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                folded.writeState(new DataOutputStream(bytes));
                // as evaluate --test-only does: rebuild from the genotype alone (one-stage BN layout), then load
                var targetSpec = new org.istanas.api.network.TargetNetworkSpec(folded.genotype(), Layout.CIFAR, CIFAR,
                        4, 4, 3, 0.4, true, org.istanas.ops.tools.ParameterCounter.builtIn().operations(), 99);
                try (TargetNetwork loaded = new org.istanas.ops.engine.Nd4jEngine().targetNetwork(targetSpec)) {
                    assertThat(loaded.logits(batch)).isNotEqualTo(folded.logits(batch));
                    loaded.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                    assertThat(loaded.logits(batch)).isDeepEqualTo(folded.logits(batch));
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A few training passes (moving the BN statistics), released nodes with random affine parameters. */
    private static void prepare(Nd4jOneStageNetwork net, SplittableRandom random) {
        for (int i = 0; i < 3; i++) {
            net.trainStep(batch(random, 4));
        }
        net.releaseNode(CellType.NORMAL, 1);
        net.releaseNode(CellType.REDUCE, 3);
        net.freezeNode(CellType.NORMAL, 1);
        for (Cell cell : net.cells()) {
            for (int j = 0; j < 4; j++) {
                for (Edge e : cell.edges(j)) {
                    for (BatchNorm bn : batchNorms(e.op())) {
                        if (bn.gamma().trainable()) {
                            for (int c = 0; c < bn.gamma().size(); c++) {
                                bn.gamma().value().putScalar(c, 0.5 + random.nextDouble());
                                bn.beta().value().putScalar(c, random.nextGaussian());
                            }
                        }
                    }
                }
            }
        }
    }

    private static double maxAbsDiff(Nd4jOneStageNetwork net, Nd4jTargetNetwork folded, Batch batch) {
        float[][] a = net.logits(batch);
        float[][] b = folded.logits(batch);
        // compare at the network's precision: logits() rounds to float, so use the tensors for double networks
        if (net.dataType() == DataType.DOUBLE) {
            var x = org.nd4j.linalg.factory.Nd4j.create(batch.images(), new long[] {batch.size(), 3, 32, 32}, 'c')
                    .castTo(DataType.DOUBLE);
            var la = net.forward(x, false).main().dup();
            var lb = folded.forward(x, false).main().dup();
            return la.sub(lb).amaxNumber().doubleValue();
        }
        double max = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                max = Math.max(max, Math.abs(a[r][c] - b[r][c]));
            }
        }
        return max;
    }

    private static void checkGenotypeOrder(Nd4jOneStageNetwork net, TargetNetwork folded) {
        for (CellType type : CellType.values()) {
            for (int j = 0; j < 4; j++) {
                double[] z = net.nodeWeights(type, j);
                GenotypeEdge second = folded.genotype().edges(type).get(2 * j);
                GenotypeEdge first = folded.genotype().edges(type).get(2 * j + 1);
                int kSecond = second.input() * OPS + OpsPlugin.paperOperations().stream().map(o -> o.name()).toList()
                        .indexOf(second.op());
                int kFirst = first.input() * OPS + OpsPlugin.paperOperations().stream().map(o -> o.name()).toList()
                        .indexOf(first.op());
                assertThat(z[kSecond]).isNotZero();
                assertThat(Math.abs(z[kFirst])).isGreaterThanOrEqualTo(Math.abs(z[kSecond]));
            }
        }
    }

    @Test
    void gradientsOfBAndWeightsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        try (Nd4jOneStageNetwork net = Nd4jOneStageNetwork.build(spec(2, 3, 0.4, 5), Layout.CIFAR, DataType.DOUBLE)) {
            randomSupports(net, random);
            net.releaseNode(CellType.NORMAL, 0);
            Batch batch = batch(random, 2);
            net.trainStep(batch);
            java.util.function.DoubleSupplier loss = () -> {
                var x = net.tensor(batch);
                var logits = net.forward(x, true);
                double l = org.istanas.ops.engine.nn.CrossEntropy.compute(logits.main(), batch.labels(), 0, 1,
                        false).loss();
                return l + 0.4 * org.istanas.ops.engine.nn.CrossEntropy.compute(logits.auxiliary(), batch.labels(),
                        0, 1, false).loss();
            };
            List<Param> bs = ParamGroup.of(net.architecture()).params();
            assertThat(bs).hasSize(8).allMatch(Param::hasGradient);
            List<Param> analytic = new ArrayList<>();
            for (Param b : bs) {
                var g = b.gradient().dup();
                for (int r = 0; r < 3; r++) {
                    double original = b.value().getDouble(r);
                    b.value().putScalar(r, original + 1e-6);
                    double plus = loss.getAsDouble();
                    b.value().putScalar(r, original - 1e-6);
                    double minus = loss.getAsDouble();
                    b.value().putScalar(r, original);
                    double numeric = (plus - minus) / 2e-6;
                    assertThat(g.getDouble(r)).as("d loss / d %s[%d]", b.name(), r)
                            .isCloseTo(numeric, Offset.offset(1e-5 * Math.max(1, Math.abs(numeric))));
                }
                analytic.add(b);
            }
            // released BN affine parameters (normal node 0) and a few weights
            List<Param> weights = ParamGroup.of(net.weights()).params().stream().filter(Param::hasGradient).toList();
            SplittableRandom pick = new SplittableRandom(9);
            for (int s = 0; s < 12; s++) {
                Param p = weights.get(pick.nextInt(weights.size()));
                var g = p.gradient().dup();
                int i = pick.nextInt((int) p.size());
                double original = p.value().getDouble(i);
                p.value().putScalar(i, original + 1e-6);
                double plus = loss.getAsDouble();
                p.value().putScalar(i, original - 1e-6);
                double minus = loss.getAsDouble();
                p.value().putScalar(i, original);
                double numeric = (plus - minus) / 2e-6;
                assertThat(g.getDouble(i)).as("d loss / d %s[%d]", p.name(), i)
                        .isCloseTo(numeric, Offset.offset(1e-5 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void releasedBatchNormsGetGradientsOnlyAfterRelease() {
        SplittableRandom random = new SplittableRandom(4);
        try (Nd4jOneStageNetwork net = Nd4jOneStageNetwork.build(spec(2, 3, 0, 6), Layout.CIFAR, DataType.FLOAT)) {
            randomSupports(net, random);
            Batch batch = batch(random, 2);
            net.trainStep(batch);
            for (Cell cell : net.cells()) {
                for (int j = 0; j < 4; j++) {
                    for (Edge e : cell.edges(j)) {
                        assertThat(batchNorms(e.op())).isNotEmpty()
                                .allSatisfy(bn -> assertThat(bn.gamma().hasGradient()).isFalse());
                        BatchNorm last = OpLayers.trailingBatchNorm(e.op());
                        assertThat(last.gamma().value().toDoubleVector()).containsOnly(1.0);
                        assertThat(last.beta().value().toDoubleVector()).containsOnly(0.0);
                    }
                }
            }
            net.releaseNode(CellType.REDUCE, 2);
            net.freezeNode(CellType.NORMAL, 0);
            net.trainStep(batch);
            for (Cell cell : net.cells()) {
                for (int j = 0; j < 4; j++) {
                    boolean expected = cell.reduction() && j == 2;
                    for (Edge e : cell.edges(j)) {
                        assertThat(batchNorms(e.op())).allSatisfy(bn -> {
                            assertThat(bn.gamma().hasGradient()).isEqualTo(expected);
                            assertThat(bn.beta().hasGradient()).isEqualTo(expected);
                        });
                    }
                }
            }
            List<Param> bs = ParamGroup.of(net.architecture()).params();
            assertThat(bs.stream().filter(Param::hasGradient).map(Param::name).toList())
                    .hasSize(7).doesNotContain("b.NORMAL.0");
            // only the support is computed, in every cell
            for (int[] row : net.computedOperations()) {
                assertThat(row).containsOnly(2);
            }
        }
    }

    @Test
    void supportChangesKeepOpWeightsAndStateRoundTrips() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        try (Nd4jOneStageNetwork net = Nd4jOneStageNetwork.build(spec(2, 3, 0.4, 7), Layout.CIFAR, DataType.FLOAT);
             Nd4jOneStageNetwork other = Nd4jOneStageNetwork.build(spec(2, 3, 0.4, 8), Layout.CIFAR, DataType.FLOAT)) {
            randomSupports(net, random);
            double[][] a = new double[7][14];
            for (double[] row : a) {
                java.util.Arrays.fill(row, 0.5);
            }
            net.setSupport(CellType.NORMAL, 0, a, new int[] {0, 10}, new double[14]);
            Layer before = net.cells().get(0).edges(0).get(1).op();
            List<Param> params = new ArrayList<>();
            before.collectParameters(params);
            var weightsBefore = params.get(0).value().dup();
            net.setSupport(CellType.NORMAL, 0, a, new int[] {3, 12}, new double[14]);
            assertThat(net.cells().get(0).edges(0).get(1).op()).isNotSameAs(before);
            net.trainStep(batch(random, 2));
            net.setSupport(CellType.NORMAL, 0, a, new int[] {10, 0}, new double[14]);
            assertThat(net.cells().get(0).edges(0).get(0).op()).isSameAs(before);
            assertThat(params.get(0).value()).isEqualTo(weightsBefore);
            assertThat(net.computedOperations()[0][0]).isEqualTo(2);
            Batch batch = batch(random, 2);
            net.releaseNode(CellType.NORMAL, 2);
            net.freezeNode(CellType.REDUCE, 1);
            net.trainStep(batch);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            net.writeState(new DataOutputStream(bytes));
            other.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(other.logits(batch)).isDeepEqualTo(net.logits(batch));
            assertThat(other.nodeWeights(CellType.REDUCE, 3)).containsExactly(net.nodeWeights(CellType.REDUCE, 3));
            assertThat(other.frozen(CellType.REDUCE, 1)).isTrue();
            assertThat(other.released(CellType.NORMAL, 2)).isTrue();
            assertThat(other.trainStep(batch).loss()).isEqualTo(net.trainStep(batch).loss());
        }
    }

    @Test
    void imagenetLayoutTrainsAndFoldsOnFullSizeImages() {
        ImageShape imagenet = new ImageShape(3, 224, 224);
        SearchNetworkSpec spec = new SearchNetworkSpec(imagenet, 5, 4, 3, 4, OpsPlugin.paperOperations(), 0.4, 2);
        assertThat(Nd4jOneStageNetwork.layoutFor(spec)).isEqualTo(Layout.IMAGENET);
        SplittableRandom random = new SplittableRandom(6);
        float[] images = new float[2 * imagenet.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        Batch batch = new Batch(images, new int[] {1, 4}, 2, imagenet);
        try (Nd4jOneStageNetwork net = (Nd4jOneStageNetwork) new org.istanas.ops.engine.Nd4jEngine()
                .oneStageNetwork(spec)) {
            randomSupports(net, random);
            net.setLabelSmoothing(0.1);
            assertThat(net.trainStep(batch).loss()).isFinite().isPositive();
            assertThat(ParamGroup.of(net.architecture()).params()).allMatch(Param::hasGradient);
            try (TargetNetwork folded = net.fold()) {
                float[][] a = net.logits(batch);
                float[][] b = folded.logits(batch);
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 5; c++) {
                        assertThat(b[r][c]).isCloseTo(a[r][c], Offset.offset(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void badSupportsAreRejectedWithTheirPosition() {
        try (Nd4jOneStageNetwork net = Nd4jOneStageNetwork.build(spec(2, 3, 0, 1), Layout.CIFAR, DataType.FLOAT)) {
            assertThatThrownBy(() -> net.setSupport(CellType.NORMAL, 1, new double[7][20], new int[] {0, 1},
                    new double[21])).hasMessageContaining("NORMAL, node 1").hasMessageContaining("21");
            assertThatThrownBy(() -> net.setSupport(CellType.REDUCE, 0, new double[7][14], new int[] {3, 3},
                    new double[14])).hasMessageContaining("distinct");
            assertThatThrownBy(() -> net.compressedCode(CellType.NORMAL, 0)).hasMessageContaining("setSupport");
        }
    }
}
