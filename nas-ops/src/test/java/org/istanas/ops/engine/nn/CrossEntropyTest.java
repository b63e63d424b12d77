package org.istanas.ops.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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

    @Test
    void labelSmoothingMatchesAHandComputation() {
        // softmax([0, ln 2]) = [1/3, 2/3]; eps 0.2 over 2 classes: targets [0.9, 0.1] for label 0
        INDArray logits = Nd4j.create(new double[][] {{0, Math.log(2)}});
        CrossEntropy.Result r = CrossEntropy.compute(logits, new int[] {0}, 0.2, 0.5, true);
        assertThat(r.loss()).isCloseTo(-(0.9 * Math.log(1 / 3.0) + 0.1 * Math.log(2 / 3.0)), within(1e-12));
        assertThat(r.gradient().getDouble(0, 0)).isCloseTo(0.5 * (1 / 3.0 - 0.9), within(1e-12));
        assertThat(r.gradient().getDouble(0, 1)).isCloseTo(0.5 * (2 / 3.0 - 0.1), within(1e-12));
        assertThat(r.correct()).isZero();
        assertThatThrownBy(() -> CrossEntropy.compute(logits, new int[] {0}, 1.0, 1, false))
                .hasMessageContaining("[0, 1)");
    }

    /**
     * The search networks used a cross-entropy without smoothing of their own until it was merged into this one;
     * its formula, kept here as the reference, gives the same doubles bit for bit, so search losses are unchanged.
     */
    @Test
    void withoutSmoothingTheLossAndGradientAreBitForBitThePlainFormula() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 7;
        int classes = 10;
        INDArray logits = Nd4j.create(DataType.DOUBLE, n, classes);
        int[] labels = new int[n];
        for (int i = 0; i < n * classes; i++) {
            logits.putScalar(i, 4 * random.nextGaussian());
        }
        for (int r = 0; r < n; r++) {
            labels[r] = random.nextInt(classes);
        }
        double[] z = logits.data().asDouble();
        double loss = 0;
        double[] grad = new double[n * classes];
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, z[r * classes + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z[r * classes + c] - max);
            }
            double logSum = max + Math.log(sum);
            loss += logSum - z[r * classes + labels[r]];
            for (int c = 0; c < classes; c++) {
                grad[r * classes + c] = (Math.exp(z[r * classes + c] - logSum) - (c == labels[r] ? 1 : 0)) / n;
            }
        }

        CrossEntropy.Result result = CrossEntropy.compute(logits, labels, true);

        assertThat(Double.doubleToRawLongBits(result.loss())).isEqualTo(Double.doubleToRawLongBits(loss / n));
        assertThat(result.gradient().data().asDouble()).isEqualTo(grad);
        assertThat(CrossEntropy.compute(logits, labels, 0, 1, false).loss()).isEqualTo(result.loss());
    }
}
