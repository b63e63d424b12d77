package org.istanas.ops.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
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

/**
 * Production runs in float32, where finite differences are too coarse to check anything. So every operation's
 * float32 backward pass is compared with the same layer's float64 backward pass (itself checked against finite
 * differences in {@link LayerGradientTest}) on identical weights, input and output gradient: the two must agree to
 * float32 accuracy, relative to the gradient's largest entry.
 */
final class Float32GradientTest {
    /** float32 carries ~7 digits; a few hundred accumulations per entry (convolutions, BN means) leave ~1e-5. */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    static Stream<Arguments> operations() {
        return OpsPlugin.paperOperations().stream()
                .flatMap(op -> Stream.of(Arguments.of(op, 1), Arguments.of(op, 2)));
    }

    @ParameterizedTest(name = "{0} stride {1}")
    @MethodSource("operations")
    void everyPaperOperationAgreesWithItsDoublePrecisionGradient(CandidateOperation op, int stride) {
        compare(type -> LayerFactory.layer(op.build(new LayerFactory(type, 11, op.name()), new OpSpec(3, stride, true))),
                new long[] {2, 3, 8, 8}, 21);
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {1, 2})
    void factorizedReduceAndReluConvBnAgreeWithTheirDoublePrecisionGradients(int stride) {
        compare(type -> {
            LayerFactory f = new LayerFactory(type, 3, "block");
            return LayerFactory.layer(stride == 2 ? Blocks.factorizedReduce(f, 3, 4, true)
                    : Blocks.reluConvBn(f, 3, 4, 1, 1, 0, true));
        }, new long[] {2, 3, 6, 6}, 22);
    }

    @ParameterizedTest(name = "fused relu {0}")
    @ValueSource(booleans = {false, true})
    void batchNormAgreesWithItsDoublePrecisionGradient(boolean fusedRelu) {
        compare(type -> new BatchNorm("bn", type, 3, true, fusedRelu), new long[] {4, 3, 5, 5}, 23);
    }

    private static void compare(Function<DataType, Layer> build, long[] inputShape, long seed) {
        Layer exact = build.apply(DataType.DOUBLE);
        Layer single = build.apply(DataType.FLOAT);
        List<Param> exactParams = parameters(exact);
        List<Param> singleParams = parameters(single);
        assertThat(singleParams).hasSameSizeAs(exactParams);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < exactParams.size(); i++) {
            // the same weights in both precisions: random values rounded to float, used exactly in double
            INDArray values = GradientCheck.random(random, exactParams.get(i).value().shape())
                    .castTo(DataType.FLOAT).castTo(DataType.DOUBLE);
            exactParams.get(i).value().assign(values);
            singleParams.get(i).value().assign(values.castTo(DataType.FLOAT));
        }
        INDArray input = GradientCheck.random(random, inputShape).castTo(DataType.FLOAT).castTo(DataType.DOUBLE);
        INDArray exactOut = exact.forward(input, true);
        INDArray singleOut = single.forward(input.castTo(DataType.FLOAT), true);
        agree("output", singleOut, exactOut);
        INDArray projection = GradientCheck.random(random, exactOut.shape()).castTo(DataType.FLOAT)
                .castTo(DataType.DOUBLE);
        INDArray exactGradInput = exact.backward(projection).dup();
        INDArray singleGradInput = single.backward(projection.castTo(DataType.FLOAT)).dup();
        agree("d loss / d input", singleGradInput, exactGradInput);
        for (int i = 0; i < exactParams.size(); i++) {
            agree("d loss / d " + exactParams.get(i).name(), singleParams.get(i).gradient(),
                    exactParams.get(i).gradient());
        }
    }

    private static void agree(String what, INDArray single, INDArray exact) {
        assertThat(single.dataType()).as(what).isEqualTo(DataType.FLOAT);
        double scale = Math.max(1e-3, exact.amaxNumber().doubleValue());
        double error = single.castTo(DataType.DOUBLE).sub(exact).amaxNumber().doubleValue();
        assertThat(error / scale).as("%s: max |float32 - float64| relative to max |float64| = %s", what, scale)
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }

    private static List<Param> parameters(Layer layer) {
        List<Param> params = new ArrayList<>();
        layer.collectParameters(params);
        return params;
    }
}
