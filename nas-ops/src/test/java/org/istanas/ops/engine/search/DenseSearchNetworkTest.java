package org.istanas.ops.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.engine.Precision;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.SearchNetworkSpec;
import org.junit.jupiter.api.Test;

final class DenseSearchNetworkTest {
    @Test
    void everyOpIsComputedAndAlphaGradientsMatchFiniteDifferences() {
        SearchNetworkSpec spec = TinyNets.spec(4);
        Batch batch = TinyNets.batch(2, 9);
        try (DenseSearchNetwork net = new Nd4jEngine(Precision.FLOAT64).denseSearchNetwork(spec)) {
            double[][] alphas = net.alphas(CellType.REDUCE);
            assertThat(alphas).hasNumberOfRows(14);
            for (int e = 0; e < 14; e++) {
                for (int o = 0; o < 7; o++) {
                    alphas[e][o] = Math.cos(e * 7 + o);
                }
            }
            net.setAlphas(CellType.REDUCE, alphas);
            net.trainStep(batch);
            int[][] counts = ((Nd4jDenseSearchNetwork) net).core().computedOperations();
            assertThat(counts[0]).containsExactly(14, 21, 28, 35);
            double[] analytic = ParamGroup.of(net.architecture()).params().get(1).gradient().dup().data().asDouble();
            double h = 1e-6;
            for (int[] eo : new int[][] {{0, 3}, {5, 6}, {13, 0}, {9, 2}}) {
                double original = alphas[eo[0]][eo[1]];
                alphas[eo[0]][eo[1]] = original + h;
                net.setAlphas(CellType.REDUCE, alphas);
                double plus = net.trainStep(batch).loss();
                alphas[eo[0]][eo[1]] = original - h;
                net.setAlphas(CellType.REDUCE, alphas);
                double minus = net.trainStep(batch).loss();
                alphas[eo[0]][eo[1]] = original;
                net.setAlphas(CellType.REDUCE, alphas);
                double numeric = (plus - minus) / (2 * h);
                assertThat(analytic[eo[0] * 7 + eo[1]]).as("dL/dalpha[%d][%d]", eo[0], eo[1])
                        .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
            }
        }
    }
}
