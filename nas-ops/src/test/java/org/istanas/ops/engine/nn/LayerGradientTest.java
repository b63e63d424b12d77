package org.istanas.ops.engine.nn;

import java.util.SplittableRandom;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpSpec;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.candidates.Blocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import java.util.stream.Stream;

final class LayerGradientTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(7);

    static Stream<Arguments> operations() {
        return OpsPlugin.paperOperations().stream()
                .flatMap(op -> Stream.of(Arguments.of(op, 1), Arguments.of(op, 2)));
    }

    @ParameterizedTest(name = "{0} stride {1}")
    @MethodSource("operations")
    void everyPaperOperationMatchesFiniteDifferences(CandidateOperation op, int stride) {
        LayerFactory factory = new LayerFactory(DataType.DOUBLE, 11, op.name());
        // affine BN so that gamma/beta are checked too
        Layer layer = LayerFactory.layer(op.build(factory, new OpSpec(3, stride, true)));
        INDArray x = GradientCheck.random(RANDOM, 2, 3, 8, 8);
        GradientCheck.check(layer, x, 25, 3);
    }

    @ParameterizedTest(name = "affine {0}")
    @ValueSource(booleans = {false, true})
    void batchNormInTrainingMode(boolean affine) {
        BatchNorm bn = new BatchNorm("bn", DataType.DOUBLE, 3, affine, false);
        if (affine) {
            bn.gamma().value().assign(GradientCheck.random(RANDOM, 3));
            bn.beta().value().assign(GradientCheck.random(RANDOM, 3));
        }
        GradientCheck.check(bn, GradientCheck.random(RANDOM, 4, 3, 5, 5), 40, 5);
    }

    @ParameterizedTest(name = "fused relu, affine {0}")
    @ValueSource(booleans = {false, true})
    void batchNormWithFusedRelu(boolean affine) {
        BatchNorm bn = new BatchNorm("bn", DataType.DOUBLE, 3, affine, true);
        GradientCheck.check(bn, GradientCheck.random(RANDOM, 4, 3, 5, 5), 40, 6);
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {1, 2})
    void factorizedReduceAndReluConvBn(int stride) {
        LayerFactory f = new LayerFactory(DataType.DOUBLE, 3, "block");
        Layer block = LayerFactory.layer(stride == 2 ? Blocks.factorizedReduce(f, 3, 4, true)
                : Blocks.reluConvBn(f, 3, 4, 1, 1, 0, true));
        GradientCheck.check(block, GradientCheck.random(RANDOM, 2, 3, 6, 6), 30, 8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SPACE_TO_BATCH", "EXPANDED_KERNEL"})
    void dilatedDepthwiseConvolution(String mode) {
        for (int kernel : new int[] {3, 5}) {
            for (int stride : new int[] {1, 2}) {
                DepthwiseConv2d conv = new DepthwiseConv2d("dw", DataType.DOUBLE, new SplittableRandom(1), 2, kernel,
                        stride, kernel - 1, 2, DepthwiseConv2d.DilationMode.valueOf(mode));
                GradientCheck.check(conv, GradientCheck.random(RANDOM, 2, 2, 8, 8), 20, 9);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void linearAndGlobalPool() {
        LayerFactory f = new LayerFactory(DataType.DOUBLE, 3, "head");
        Sequential head = new Sequential(java.util.List.of(new GlobalAvgPool(), f.linear(3, 4)));
        GradientCheck.check(head, GradientCheck.random(RANDOM, 2, 3, 4, 4), 30, 10);
    }
}
