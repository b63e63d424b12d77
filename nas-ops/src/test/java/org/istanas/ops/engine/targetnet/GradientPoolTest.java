package org.istanas.ops.engine.targetnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotypes;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Gradient buffers go back to the shared pool once consumed, and the pool does not grow from step to step. */
final class GradientPoolTest {
    private static final ImageShape CIFAR = new ImageShape(3, 32, 32);

    @Test
    void trainingStepsReuseThePooledGradientsAndClosingFreesThem() {
        Buffers.clearPool();
        SplittableRandom random = new SplittableRandom(8);
        Batch batch = FiniteDifferences.batch(random, 4, CIFAR, 10);
        Batch smaller = FiniteDifferences.batch(random, 2, CIFAR, 10);
        try (Nd4jTargetNetwork net = TargetNetworks.build(TargetNetworkTest.spec(Genotypes.DARTS_V2, Layout.CIFAR,
                CIFAR, 10, 4, 3, 0.4, false, 2), DataType.FLOAT)) {
            net.setDropPathProbability(0.3);
            net.trainStep(batch);
            long afterFirst = Buffers.pooledBytes();
            // gradients of the stem, cells and heads came back: at least one input-sized gradient
            assertThat(afterFirst).isGreaterThanOrEqualTo(4L * 3 * 32 * 32 * 4);
            net.trainStep(batch);
            net.trainStep(batch);
            assertThat(Buffers.pooledBytes()).as("steady state: every gradient taken from the pool").isEqualTo(afterFirst);
            // another batch size adds its own set once, then stays flat too
            net.trainStep(smaller);
            long mixed = Buffers.pooledBytes();
            net.evaluate(batch);
            net.trainStep(batch);
            net.trainStep(smaller);
            assertThat(Buffers.pooledBytes()).isEqualTo(mixed);
        }
        assertThat(Buffers.pooledBytes()).isZero();
    }
}
