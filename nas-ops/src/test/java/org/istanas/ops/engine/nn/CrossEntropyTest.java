package org.istanas.ops.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

final class CrossEntropyTest {
    @Test
    void meanLossAccuracyAndGradientByHand() {
        double[][] logits = {{1, 2, 0.5}, {0, 0, 3}};
        CrossEntropy.Result r = CrossEntropy.compute(Nd4j.create(logits), new int[] {1, 0}, true);
        double l0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5)) - 2;
        double l1 = Math.log(2 + Math.exp(3)) - 0;
        assertThat(r.loss()).isCloseTo((l0 + l1) / 2, within(1e-12));
        assertThat(r.correct()).isEqualTo(1);
        double s1 = 2 + Math.exp(3);
        assertThat(r.gradient().getDouble(1, 0)).isCloseTo((1 / s1 - 1) / 2, within(1e-12));
        assertThat(r.gradient().getDouble(1, 2)).isCloseTo(Math.exp(3) / s1 / 2, within(1e-12));
        double rowSum = r.gradient().getRow(0).sumNumber().doubleValue();
        assertThat(rowSum).isCloseTo(0, within(1e-12));
    }
}
