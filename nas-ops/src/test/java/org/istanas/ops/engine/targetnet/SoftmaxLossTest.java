package org.istanas.ops.engine.targetnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.istanas.ops.engine.nn.CrossEntropy;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

final class SoftmaxLossTest {
    @Test
    void labelSmoothingMatchesAHandComputation() {
        // softmax([0, ln 2]) = [1/3, 2/3]; eps 0.2 over 2 classes: targets [0.9, 0.1] for label 0
        INDArray logits = Nd4j.create(new double[][] {{0, Math.log(2)}});
        SoftmaxLoss.Result r = SoftmaxLoss.compute(logits, new int[] {0}, 0.2, 0.5, true);
        assertThat(r.loss()).isCloseTo(-(0.9 * Math.log(1 / 3.0) + 0.1 * Math.log(2 / 3.0)), Offset.offset(1e-12));
        assertThat(r.gradient().getDouble(0, 0)).isCloseTo(0.5 * (1 / 3.0 - 0.9), Offset.offset(1e-12));
        assertThat(r.gradient().getDouble(0, 1)).isCloseTo(0.5 * (2 / 3.0 - 0.1), Offset.offset(1e-12));
        assertThat(r.correct()).isZero();
    }

    @Test
    void withoutSmoothingItEqualsTheEngineCrossEntropy() {
        SplittableRandom random = new SplittableRandom(1);
        INDArray logits = Nd4j.create(DataType.DOUBLE, 5, 4);
        for (int i = 0; i < 20; i++) {
            logits.putScalar(i, 3 * random.nextGaussian());
        }
        int[] labels = {0, 3, 2, 1, 3};
        SoftmaxLoss.Result mine = SoftmaxLoss.compute(logits, labels, 0, 1, true);
        CrossEntropy.Result engine = CrossEntropy.compute(logits, labels, true);
        assertThat(mine.loss()).isCloseTo(engine.loss(), Offset.offset(1e-12));
        assertThat(mine.correct()).isEqualTo(engine.correct());
        assertThat(mine.gradient().sub(engine.gradient()).amaxNumber().doubleValue()).isLessThan(1e-12);
        assertThatThrownBy(() -> SoftmaxLoss.compute(logits, labels, 1.0, 1, false)).hasMessageContaining("[0, 1)");
    }
}
