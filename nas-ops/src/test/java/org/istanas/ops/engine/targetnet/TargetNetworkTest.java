package org.istanas.ops.engine.targetnet;

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
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.Genotypes;
import org.istanas.ops.engine.nn.CrossEntropy;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Param;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.istanas.ops.tools.ParameterCounter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

final class TargetNetworkTest {
    private static final ImageShape CIFAR = new ImageShape(3, 32, 32);

    static TargetNetworkSpec spec(Genotype genotype, Layout layout, ImageShape input, int classes, int channels,
                                  int layers, double aux, boolean oneStageBn, long seed) {
        return new TargetNetworkSpec(genotype, layout, input, classes, channels, layers, aux, oneStageBn,
                ParameterCounter.builtIn().operations(), seed);
    }

    private static double trainingLoss(CellNetwork net, Batch batch, double auxWeight) {
        INDArray x = net.tensor(batch);
        CellNetwork.Logits logits = net.forward(x, true);
        double loss = CrossEntropy.compute(logits.main(), batch.labels(), net.labelSmoothing(), 1, false).loss();
        if (logits.auxiliary() != null) {
            loss += auxWeight * CrossEntropy.compute(logits.auxiliary(), batch.labels(), net.labelSmoothing(), 1,
                    false).loss();
        }
        return loss;
    }

    @Test
    void smallNetworkGradientsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(1);
        // one-stage BN layout: every op kind, pools followed by BN, identity + BN, FactorizedReduce
        {
            try (Nd4jTargetNetwork net = TargetNetworks.build(spec(Genotypes.ISTA_ONESTAGE, Layout.CIFAR, CIFAR, 3, 2,
                    3, 0.4, true, 5), DataType.DOUBLE)) {
                net.setLabelSmoothing(0.1);
                Batch batch = FiniteDifferences.batch(random, 2, CIFAR, 3);
                StepResult result = net.trainStep(batch);
                assertThat(result.loss()).isCloseTo(trainingLoss(net, batch, 0.4),
                        org.assertj.core.data.Offset.offset(1e-12));
                List<Param> params = net.parameters();
                assertThat(params).allMatch(Param::hasGradient);
                int checked = FiniteDifferences.checkParameters(params, () -> trainingLoss(net, batch, 0.4), 1, 40,
                        random);
                assertThat(checked).isEqualTo(40);
            }
        }
    }

    @Test
    void imagenetStemGradientsMatchFiniteDifferences() {
        // 64x64 input: the two stems reach 8x8; cell 0 reads stem0 through FactorizedReduce and stem1 directly
        ImageShape small = new ImageShape(3, 64, 64);
        SplittableRandom random = new SplittableRandom(8);
        try (Nd4jTargetNetwork net = TargetNetworks.build(spec(Genotypes.ISTA_IMAGENET, Layout.IMAGENET, small, 3, 4, 3,
                0, false, 2), DataType.DOUBLE)) {
            Batch batch = FiniteDifferences.batch(random, 2, small, 3);
            net.trainStep(batch);
            List<Param> stems = new ArrayList<>();
            net.stem().stem0().collectParameters(stems);
            net.stem().stem1().collectParameters(stems);
            assertThat(stems).hasSize(9).allMatch(Param::hasGradient);
            assertThat(FiniteDifferences.checkParameters(stems, () -> trainingLoss(net, batch, 0), 3, random))
                    .isEqualTo(9);
        }
    }

    @Test
    void auxiliaryHeadsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(2);
        for (Layout layout : Layout.values()) {
            LayerFactory f = new LayerFactory(DataType.DOUBLE, 3, "aux");
            AuxiliaryHead head = layout == Layout.CIFAR ? AuxiliaryHead.cifar(f, 5, 4) : AuxiliaryHead.imagenet(f, 5, 4);
            int size = layout == Layout.CIFAR ? 8 : 7;
            INDArray x = FiniteDifferences.gaussian(random, 3, 5, size, size);
            INDArray projection = FiniteDifferences.gaussian(random, 3, 4);
            head.forward(x, true);
            INDArray gradInput = head.backward(projection).dup();
            List<Param> params = new ArrayList<>();
            head.collectParameters(params);
            java.util.function.DoubleSupplier loss = () -> head.forward(x, true).mul(projection).sumNumber()
                    .doubleValue();
            FiniteDifferences.check("input", x, gradInput, loss, 8, random);
            assertThat(FiniteDifferences.checkParameters(params, loss, 3, random)).isEqualTo(params.size());
        }
    }

    @Test
    void auxiliaryHeadLayoutFollowsDarts() {
        // CIFAR: conv 5->128 (640) + BN (256) + conv 128->768 2x2 (393216) + BN (1536) + linear 768*4+4
        LayerFactory f = new LayerFactory(DataType.FLOAT, 3, "aux");
        assertThat(AuxiliaryHead.cifar(f, 5, 4).parameterCount()).isEqualTo(640 + 256 + 393216 + 1536 + 3076);
        // ImageNet: DARTS omits the BN after the 768 conv
        assertThat(AuxiliaryHead.imagenet(f, 5, 4).parameterCount()).isEqualTo(640 + 256 + 393216 + 3076);
    }

    @Test
    void dropPathMasksWholeSamplesWithTheKeepProbability() {
        DropPath drop = new DropPath();
        INDArray x = org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 20000, 1, 2, 1);
        INDArray y = drop.forward(x, null, 0.3, new SplittableRandom(3));
        assertThat(y).as("masked in place").isSameAs(x);
        double[] mask = drop.lastMask();
        long dropped = java.util.Arrays.stream(mask).filter(v -> v == 0).count();
        assertThat(dropped / 20000.0).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.015));
        assertThat(java.util.Arrays.stream(mask).filter(v -> v != 0)).allMatch(v -> Math.abs(v - 1 / 0.7) < 1e-12);
        for (int i = 0; i < 50; i++) {
            assertThat(y.getDouble(i, 0, 0, 0)).isEqualTo(mask[i]);
            assertThat(y.getDouble(i, 0, 1, 0)).isEqualTo(mask[i]);
        }
        INDArray g = drop.backward(org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 20000, 1, 2, 1).muli(2));
        assertThat(g.getDouble(7, 0, 1, 0)).isEqualTo(2 * mask[7]);
        assertThat(drop.forward(x, null, 0, new SplittableRandom(3))).isSameAs(x);
        drop.close();
    }

    @Test
    void dropPathCopiesAnOutputThatIsTheOpInputAndReusesItsBuffers() {
        DropPath drop = new DropPath();
        INDArray x = org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 400, 1, 2, 1);
        INDArray y = drop.forward(x, x, 0.5, new SplittableRandom(5));
        assertThat(y).isNotSameAs(x);
        assertThat(x.minNumber().doubleValue()).as("the op input is untouched").isEqualTo(1.0);
        double[] mask = drop.lastMask();
        for (int i = 0; i < 400; i++) {
            assertThat(y.getDouble(i, 0, 1, 0)).isEqualTo(mask[i]);
        }
        INDArray again = drop.forward(x, x, 0.5, new SplittableRandom(6));
        assertThat(again).as("the copy buffer is reused from step to step").isSameAs(y);
        assertThat(drop.lastMask()).isNotEqualTo(mask);
        drop.close();
    }

    @Test
    void dropPathSparesBareIdentityAndIsOffInInference() {
        Layer identity = new org.istanas.ops.engine.nn.Identity();
        Edge edge = Edge.of(0, identity);
        INDArray x = org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 64, 1, 1, 1);
        assertThat(edge.forward(x, true, 0.5, new SplittableRandom(1))).isSameAs(x);

        SplittableRandom random = new SplittableRandom(4);
        Batch batch = FiniteDifferences.batch(random, 2, CIFAR, 10);
        try (Nd4jTargetNetwork net = TargetNetworks.build(spec(Genotypes.DARTS_V2, Layout.CIFAR, CIFAR, 10, 4, 3, 0,
                false, 1), DataType.DOUBLE)) {
            float[][] before = net.logits(batch);
            net.setDropPathProbability(0.5);
            assertThat(net.logits(batch)).isDeepEqualTo(before);
            // in training, drop-path changes the output and the masks differ from step to step
            double withDrop1 = net.trainStep(batch).loss();
            double withDrop2 = net.trainStep(batch).loss();
            net.setDropPathProbability(0);
            double withoutDrop = net.trainStep(batch).loss();
            assertThat(withDrop1).isNotEqualTo(withoutDrop);
            assertThat(withDrop1).isNotEqualTo(withDrop2);
        }
    }

    @Test
    void stateRoundTripRestoresOutputsExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        Batch batch = FiniteDifferences.batch(random, 3, CIFAR, 10);
        TargetNetworkSpec a = spec(Genotypes.ISTA_TWOSTAGE, Layout.CIFAR, CIFAR, 10, 4, 3, 0.4, true, 1);
        TargetNetworkSpec b = spec(Genotypes.ISTA_TWOSTAGE, Layout.CIFAR, CIFAR, 10, 4, 3, 0.4, true, 2);
        try (Nd4jTargetNetwork first = TargetNetworks.build(a, DataType.FLOAT);
             Nd4jTargetNetwork second = TargetNetworks.build(b, DataType.FLOAT)) {
            first.trainStep(batch); // moves the BN running statistics away from their initial values
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            first.writeState(new DataOutputStream(bytes));
            assertThat(second.logits(batch)).isNotEqualTo(first.logits(batch));
            second.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(second.logits(batch)).isDeepEqualTo(first.logits(batch));
            assertThat(second.trainStep(batch).loss()).isEqualTo(first.trainStep(batch).loss());
            try (Nd4jTargetNetwork other = TargetNetworks.build(spec(Genotypes.DARTS_V2, Layout.CIFAR, CIFAR, 10, 4, 3,
                    0.4, true, 1), DataType.FLOAT)) {
                assertThatThrownBy(() -> other.readState(new DataInputStream(new ByteArrayInputStream(
                        bytes.toByteArray())))).isInstanceOf(IOException.class).hasMessageContaining("parameter");
            }
        }
    }

    @Test
    void imagenetNetworkTrainsOnFullSizeImages() {
        ImageShape imagenet = new ImageShape(3, 224, 224);
        Batch batch = FiniteDifferences.batch(new SplittableRandom(6), 2, imagenet, 5);
        try (Nd4jTargetNetwork net = TargetNetworks.build(spec(Genotypes.ISTA_IMAGENET, Layout.IMAGENET, imagenet, 5, 4,
                3, 0.4, false, 1), DataType.FLOAT)) {
            net.setLabelSmoothing(0.1);
            StepResult step = net.trainStep(batch);
            assertThat(step.loss()).isFinite().isGreaterThan(0);
            assertThat(net.parameters()).allMatch(Param::hasGradient);
            assertThat(net.logits(batch)[0]).hasSize(5);
            assertThat(net.parameterCount()).isEqualTo(ParameterCounter.builtIn().count(new ParameterCounter.Request(
                    Genotypes.ISTA_IMAGENET, Layout.IMAGENET, 4, 3, 5, false, false)));
        }
    }
}
