package org.istanas.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

final class SpearmanTest {

    @Test
    void handComputedWithoutTies() {
        // Ranks equal the values. d = x - y = (-2, 1, 1, -1, 1), sum d^2 = 8,
        // rho = 1 - 6 * 8 / (5 * (25 - 1)) = 1 - 48/120 = 0.6.
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {3, 1, 2, 5, 4};
        assertThat(Spearman.rho(x, y)).isCloseTo(0.6, within(1e-15));
        // t = 0.6 sqrt(3 / 0.64) = 1.299038; two-sided p with 3 df ~ 0.2848 (scipy.stats.spearmanr).
        assertThat(Spearman.tStatistic(0.6, 5)).isCloseTo(0.6 * Math.sqrt(3 / 0.64), within(1e-12));
        assertThat(Spearman.pValue(0.6, 5)).isCloseTo(0.2848, within(1e-4));
    }

    @Test
    void handComputedWithTies() {
        // x = 1 2 2 3 4 -> ranks 1 2.5 2.5 4 5; y = 1 3 2 2 4 -> ranks 1 4 2.5 2.5 5. Both rank means are 3.
        // dx = (-2, -.5, -.5, 1, 2), dy = (-2, 1, -.5, -.5, 2): sxy = 4 - .5 + .25 - .5 + 4 = 7.25,
        // sxx = syy = 4 + .25 + .25 + 1 + 4 = 9.5, rho = 7.25 / 9.5 = 29/38.
        double[] x = {1, 2, 2, 3, 4};
        double[] y = {1, 3, 2, 2, 4};
        assertThat(Spearman.rho(x, y)).isCloseTo(29.0 / 38, within(1e-15));
    }

    @Test
    void equalsCommonsMathOnRandomTiedData() {
        SplittableRandom random = new SplittableRandom(11);
        SpearmansCorrelation commons = new SpearmansCorrelation();
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(300);
            double[] x = KendallTest.randomLevels(random, n, 1 + random.nextInt(n));
            double[] y = trial % 2 == 0 ? KendallTest.gaussian(random, n) : KendallTest.randomLevels(random, n, 3);
            if (KendallTest.isConstant(x) || KendallTest.isConstant(y)) {
                continue;
            }
            assertThat(Spearman.rho(x, y)).as("trial %d", trial).isCloseTo(commons.correlation(x, y), within(1e-12));
        }
    }

    @Test
    void pValueEqualsCommonsMathStudentT() {
        for (int n : new int[] {3, 4, 10, 57, 1000, 100_000}) {
            for (double rho : new double[] {-0.99, -0.4, 0.0, 0.05, 0.3, 0.8, 0.999}) {
                double t = Spearman.tStatistic(rho, n);
                double expected = 2 * new TDistribution(n - 2).cumulativeProbability(-Math.abs(t));
                assertThat(Spearman.pValue(rho, n)).as("n=%d rho=%s", n, rho)
                        .isCloseTo(expected, within(1e-10 + 1e-8 * expected));
            }
        }
        assertThat(Spearman.pValue(1.0, 10)).isZero();
        assertThat(Spearman.pValue(0.5, 2)).isNaN();
    }

    @Test
    void refusesConstantAndBadInput() {
        assertThatThrownBy(() -> Spearman.rho(new double[] {1, 2, 3}, new double[] {4, 4, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y is constant");
        assertThatThrownBy(() -> Spearman.rho(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 2}))
                .hasMessageContaining("x[1] is Infinity");
        assertThatThrownBy(() -> Spearman.rho(new double[] {1}, new double[] {1}))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Spearman.pValue(1.5, 10)).hasMessageContaining("rho must be in [-1, 1]");
    }
}
