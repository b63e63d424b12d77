package org.istanas.ops.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.istanas.api.data.ImageShape;
import org.istanas.api.space.StandaloneModel;
import org.istanas.api.space.StandaloneRequest;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Index;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Nb201NetworkTest {
    private static final String BEST_C10 =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
    private static final String RESNET =
            "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";

    private static long params(Nb201Cell cell, int classes) {
        try (StandaloneModel model = new Nd4jNb201Networks().standalone(cell,
                new StandaloneRequest(new ImageShape(3, 32, 32), classes, 0))) {
            return model.parameterCount();
        }
    }

    @Test
    void parameterCountsEqualTheReferenceFigures() {
        // nas-bench-201.md section 8 (cross-checked there against the official NATS-Bench records)
        assertThat(params(Nb201Cell.uniform("nor_conv_3x3"), 10)).isEqualTo(1_531_546);
        assertThat(params(Nb201Cell.parse(BEST_C10), 10)).isEqualTo(1_073_466);
        assertThat(params(Nb201Cell.parse(RESNET), 10)).isEqualTo(559_386);
        assertThat(params(Nb201Cell.uniform("skip_connect"), 10)).isEqualTo(73_306);
        assertThat(params(Nb201Cell.uniform("none"), 10)).isEqualTo(73_306);
        assertThat(params(Nb201Cell.uniform("nor_conv_3x3"), 100)).isEqualTo(1_537_396);
        assertThat(params(Nb201Cell.uniform("nor_conv_3x3"), 120)).isEqualTo(1_538_696);
        // official records of benchmark indices 0, 11 and 284
        assertThat(params(Nb201Index.cellAt(0), 10)).isEqualTo(129_306);
        assertThat(params(Nb201Index.cellAt(11), 10)).isEqualTo(802_426);
        assertThat(params(Nb201Index.cellAt(284), 10)).isEqualTo(101_306);
    }

    @Test
    void forwardGivesLogitsForCifarAndImageNet16Inputs() {
        try (Nb201Network net = new Nb201Network(Nb201Cell.parse(BEST_C10), 3, 10, 1)) {
            INDArray logits = net.forward(Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32), true);
            assertThat(logits.shape()).containsExactly(2, 10);
            INDArray grad = net.backward(Nd4j.onesLike(logits));
            assertThat(grad.shape()).containsExactly(2, 3, 32, 32);
            assertThat(net.parameters()).allMatch(p -> p.hasGradient());
        }
        try (Nb201Network net = new Nb201Network(Nb201Cell.parse(RESNET), 3, 120, 1)) {
            assertThat(net.forward(Nd4j.rand(DataType.FLOAT, 1, 3, 16, 16), false).shape()).containsExactly(1, 120);
        }
    }

    @Test
    void cellBackwardMatchesFiniteDifferences() {
        Nb201Cell cell = Nb201Cell.parse("|nor_conv_3x3~0|+|avg_pool_3x3~0|skip_connect~1|+|nor_conv_1x1~0|none~1|"
                + "skip_connect~2|");
        Nd4j.getRandom().setSeed(5);
        try (Nb201CellLayer layer = new Nb201CellLayer(cell, 2, new org.istanas.ops.engine.nn.LayerFactory(
                DataType.DOUBLE, 3, "t"))) {
            INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 4, 4).subi(0.5);
            INDArray r = Nd4j.rand(DataType.DOUBLE, 2, 2, 4, 4);
            layer.forward(x, true);
            INDArray analytic = layer.backward(r).dup();
            double h = 1e-6;
            for (int i = 0; i < x.length(); i += 3) {
                double v = x.getDouble(i);
                x.putScalar(i, v + h);
                double up = layer.forward(x, true).mul(r).sumNumber().doubleValue();
                x.putScalar(i, v - h);
                double down = layer.forward(x, true).mul(r).sumNumber().doubleValue();
                x.putScalar(i, v);
                assertThat(analytic.getDouble(i)).as("dL/dx[%d]", i).isCloseTo((up - down) / (2 * h),
                        org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void unknownOperationIsRejected() {
        assertThatThrownBy(() -> new Nd4jNb201Networks().standalone(Nb201Cell.uniform("sep_conv_3x3"),
                new StandaloneRequest(new ImageShape(3, 32, 32), 10, 0)))
                .hasMessage("edge 0: unknown nas-bench-201 operation 'sep_conv_3x3'; known: "
                        + Nb201Cell.OPERATIONS);
    }
}
