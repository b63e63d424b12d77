package org.istanas.ops.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.engine.Precision;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.junit.jupiter.api.Test;

final class SparseSearchNetworkTest {
    private final Nd4jEngine doubleEngine = new Nd4jEngine(Precision.FLOAT64);
    private final Nd4jEngine floatEngine = new Nd4jEngine();

    @Test
    void gradientOfTheLossWithRespectToBMatchesFiniteDifferences() {
        SearchNetworkSpec spec = TinyNets.spec(3);
        Batch batch = TinyNets.batch(3, 4);
        try (SparseSearchNetwork net = doubleEngine.sparseSearchNetwork(spec)) {
            TinyNets.randomSupports(net, spec, 5);
            // b away from 0 so that z has a sizeable effect
            for (CellType type : CellType.values()) {
                for (int j = 0; j < 4; j++) {
                    double[] b = net.compressedCode(type, j);
                    for (int i = 0; i < b.length; i++) {
                        b[i] = 0.3 * Math.sin(7 * i + j + type.ordinal());
                    }
                    net.setCompressedCode(type, j, b);
                }
            }
            net.trainStep(batch);
            List<Param> bs = ParamGroup.of(net.architecture()).params();
            assertThat(bs).hasSize(8);
            List<double[]> analytic = new ArrayList<>();
            for (Param p : bs) {
                assertThat(p.hasGradient()).isTrue();
                analytic.add(p.gradient().toDoubleVector());
            }
            double h = 1e-6;
            int checked = 0;
            for (CellType type : CellType.values()) {
                for (int j = 0; j < 4; j += 3) {
                    double[] b = net.compressedCode(type, j);
                    for (int i = 0; i < b.length; i += 3) {
                        double original = b[i];
                        b[i] = original + h;
                        net.setCompressedCode(type, j, b);
                        double plus = net.trainStep(batch).loss();
                        b[i] = original - h;
                        net.setCompressedCode(type, j, b);
                        double minus = net.trainStep(batch).loss();
                        b[i] = original;
                        net.setCompressedCode(type, j, b);
                        double numeric = (plus - minus) / (2 * h);
                        double expected = analytic.get(type.ordinal() * 4 + j)[i];
                        assertThat(expected).as("dL/db %s node %d [%d]", type, j, i)
                                .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(8);
        }
    }

    @Test
    void nodeWeightsAreTheSupportRestrictedIstaStep() {
        SearchNetworkSpec spec = TinyNets.spec(1);
        try (SparseSearchNetwork net = doubleEngine.sparseSearchNetwork(spec)) {
            double[][] a = {{1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3}, {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}};
            double[] x = new double[14];
            x[1] = 0.5;
            x[13] = -2;
            x[4] = 9; // outside the support: ignored
            net.setSupport(CellType.NORMAL, 0, a, new int[] {1, 13}, x);
            net.setCompressedCode(CellType.NORMAL, 0, new double[] {1, -1});
            // A_S = [[2, 3], [1, 1]], A_S x_S = [1 - 6, 0.5 - 2] = [-5, -1.5]; r = b - A_S x_S = [6, 0.5]
            // z_S = x_S + A_S^T r = [0.5 + 12 + 0.5, -2 + 18 + 0.5] = [13, 16.5]
            double[] z = net.nodeWeights(CellType.NORMAL, 0);
            assertThat(z[1]).isCloseTo(13, within(1e-12));
            assertThat(z[13]).isCloseTo(16.5, within(1e-12));
            assertThat(z[4]).isZero();
            assertThat(z[0]).isZero();
        }
    }

    @Test
    void onlyTheSupportIsComputedAndInactiveWeightsAreKept() {
        SearchNetworkSpec spec = TinyNets.spec(2);
        Batch batch = TinyNets.batch(4, 1);
        try (SparseSearchNetwork net = floatEngine.sparseSearchNetwork(spec)) {
            TinyNets.randomSupports(net, spec, 3);
            Optimizer sgd = floatEngine.sgd(net.weights(), 0.1, 0.9, 3e-4);
            net.trainStep(batch);
            sgd.step();
            int[][] counts = net.computedOperations();
            assertThat(counts).hasNumberOfRows(3);
            for (int[] cell : counts) {
                assertThat(cell).containsExactly(2, 2, 2, 2);
            }
            // weights of inactive ops: no gradient, untouched by SGD, still there after support changes
            List<Param> weights = ParamGroup.of(net.weights()).params();
            long withGradient = weights.stream().filter(Param::hasGradient).count();
            assertThat(withGradient).isPositive().isLessThan(weights.size());
            List<float[]> before = weights.stream().map(p -> p.value().dup().data().asFloat()).toList();
            TinyNets.randomSupports(net, spec, 4);
            net.trainStep(batch);
            List<Param> stillInactive = new ArrayList<>();
            for (int i = 0; i < weights.size(); i++) {
                if (!weights.get(i).hasGradient()) {
                    stillInactive.add(weights.get(i));
                }
            }
            sgd.step();
            for (Param p : stillInactive) {
                int i = weights.indexOf(p);
                assertThat(p.value().dup().data().asFloat()).as(p.name()).containsExactly(before.get(i));
            }
            assertThat(ParamGroup.of(net.weights()).params()).hasSameSizeAs(weights);
        }
    }

    @Test
    void stateRoundTripResumesExactly() throws IOException {
        SearchNetworkSpec spec = TinyNets.spec(6);
        Batch batch = TinyNets.batch(4, 2);
        Batch other = TinyNets.batch(4, 3);
        try (SparseSearchNetwork a = floatEngine.sparseSearchNetwork(spec);
             SparseSearchNetwork b = floatEngine.sparseSearchNetwork(TinyNets.spec(99))) {
            TinyNets.randomSupports(a, spec, 7);
            Optimizer sgdA = floatEngine.sgd(a.weights(), 0.05, 0.9, 3e-4);
            Optimizer adamA = floatEngine.adam(a.architecture(), 3e-4, 0.5, 0.999, 1e-3);
            for (int i = 0; i < 2; i++) {
                a.trainStep(batch);
                adamA.step();
                sgdA.step();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                a.writeState(out);
                sgdA.writeState(out);
                adamA.writeState(out);
            }
            TinyNets.randomSupports(b, spec, 8); // different supports and b: all overwritten by readState
            Optimizer sgdB = floatEngine.sgd(b.weights(), 0.7, 0.9, 3e-4);
            Optimizer adamB = floatEngine.adam(b.architecture(), 1, 0.5, 0.999, 1e-3);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                b.readState(in);
                sgdB.readState(in);
                adamB.readState(in);
            }
            assertThat(sgdB.learningRate()).isEqualTo(0.05);
            for (Optimizer[] pair : new Optimizer[][] {{sgdA, adamA}, {sgdB, adamB}}) {
                SparseSearchNetwork net = pair[0] == sgdA ? a : b;
                net.trainStep(other);
                pair[1].step();
                pair[0].step();
            }
            assertThat(b.logits(batch)).isDeepEqualTo(a.logits(batch));
            assertThat(b.nodeWeights(CellType.REDUCE, 3)).containsExactly(a.nodeWeights(CellType.REDUCE, 3));
        }
    }

    @Test
    void badSupportsAreRejectedWithTheirNode() {
        try (SparseSearchNetwork net = floatEngine.sparseSearchNetwork(TinyNets.spec(1))) {
            assertThatThrownBy(() -> net.setSupport(CellType.NORMAL, 1, new double[7][21], new int[] {3, 3},
                    new double[21])).hasMessageContaining("node 1").hasMessageContaining("distinct");
            assertThatThrownBy(() -> net.setSupport(CellType.NORMAL, 1, new double[7][20], new int[] {3},
                    new double[21])).hasMessageContaining("expected n = 21");
            assertThatThrownBy(() -> net.trainStep(TinyNets.batch(2, 1))).hasMessageContaining("setSupport");
        }
    }
}
