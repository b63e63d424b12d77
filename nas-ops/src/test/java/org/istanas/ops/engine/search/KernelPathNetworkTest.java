package org.istanas.ops.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.istanas.api.data.Batch;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.engine.Precision;
import org.istanas.ops.engine.nn.KernelPath;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.TrainableNetwork;
import org.junit.jupiter.api.Test;

/**
 * Whole search networks on the host-buffer kernels and on the ND4J-only kernels (the GPU path) give the same
 * loss and the same gradient of every weight and architecture variable. The dense network evaluates every
 * candidate, so batch norm (with and without fused ReLU), both dilated-convolution phase shuffles,
 * FactorizedReduce, the node mixing and the input copy all run.
 */
final class KernelPathNetworkTest {
    private record Outcome(double loss, List<double[]> gradients) {
    }

    private static Outcome step(KernelPath path, Precision precision, boolean dense) {
        SearchNetworkSpec spec = TinyNets.spec(21);
        Batch batch = TinyNets.batch(3, 22);
        Nd4jEngine engine = new Nd4jEngine(precision);
        try (KernelPath.Override ignored = KernelPath.override(path)) {
            TrainableNetwork net;
            List<Param> params = new ArrayList<>();
            if (dense) {
                DenseSearchNetwork d = engine.denseSearchNetwork(spec);
                params.addAll(ParamGroup.of(d.architecture()).params());
                net = d;
            } else {
                SparseSearchNetwork s = engine.sparseSearchNetwork(spec);
                TinyNets.randomSupports(s, spec, 23);
                params.addAll(ParamGroup.of(s.architecture()).params());
                net = s;
            }
            try (net) {
                params.addAll(ParamGroup.of(net.weights()).params());
                net.trainStep(batch); // running statistics move, so the second step also checks their update
                double loss = net.trainStep(batch).loss();
                List<double[]> gradients = new ArrayList<>();
                for (Param p : params) {
                    gradients.add(p.hasGradient() ? p.gradient().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c')
                            .data().asDouble() : null);
                }
                return new Outcome(loss, gradients);
            }
        }
    }

    private static void assertSame(Precision precision, boolean dense) {
        double tolerance = precision == Precision.FLOAT64 ? 1e-9 : 1e-4;
        Outcome host = step(KernelPath.HOST, precision, dense);
        Outcome nd4j = step(KernelPath.ND4J, precision, dense);
        assertThat(nd4j.loss()).as("loss").isCloseTo(host.loss(), within(tolerance * Math.max(1, host.loss())));
        assertThat(nd4j.gradients()).hasSameSizeAs(host.gradients());
        int compared = 0;
        for (int i = 0; i < host.gradients().size(); i++) {
            double[] h = host.gradients().get(i);
            double[] n = nd4j.gradients().get(i);
            assertThat(n == null).as("parameter %d has a gradient on one path only", i).isEqualTo(h == null);
            if (h == null) {
                continue;
            }
            double scale = 1;
            for (double v : h) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int k = 0; k < h.length; k++) {
                assertThat(n[k]).as("%s parameter %d [%d]", precision, i, k).isCloseTo(h[k], within(tolerance * scale));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(10);
    }

    @Test
    void denseNetworkFloat64() {
        assertSame(Precision.FLOAT64, true);
    }

    @Test
    void denseNetworkFloat32() {
        assertSame(Precision.FLOAT32, true);
    }

    @Test
    void sparseNetworkFloat64() {
        assertSame(Precision.FLOAT64, false);
    }
}
