package org.istanas.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

final class SpecialFunctionsTest {

    @Test
    void logGammaMatchesCommonsMathAndFactorials() {
        assertThat(SpecialFunctions.logGamma(1)).isCloseTo(0, within(1e-14));
        assertThat(SpecialFunctions.logGamma(6)).isCloseTo(Math.log(120), within(1e-13));
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        for (double x : new double[] {1e-3, 0.1, 0.7, 1.5, 3.3, 10, 47.5, 1e3, 1e6}) {
            double expected = Gamma.logGamma(x);
            assertThat(SpecialFunctions.logGamma(x)).as("x=%s", x)
                    .isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void erfcMatchesCommonsMathIncludingTheFarTail() {
        for (double x : new double[] {0, 0.01, 0.3, 0.8660, 1.0, 1.22, 2, 3.5, 5, 8, 12, 26}) {
            double expected = Erf.erfc(x);
            assertThat(SpecialFunctions.erfc(x)).as("x=%s", x).isCloseTo(expected, within(1e-13 * expected + 1e-300));
        }
        assertThat(SpecialFunctions.erfc(-1.0)).isCloseTo(2 - Erf.erfc(1.0), within(1e-15));
        // Published value: erfc(1) = 0.157299207050285...
        assertThat(SpecialFunctions.erfc(1.0)).isCloseTo(0.15729920705028513, within(1e-15));
    }

    @Test
    void regularizedBetaMatchesCommonsMath() {
        for (double a : new double[] {0.5, 1, 2.5, 30, 5000}) {
            for (double b : new double[] {0.5, 1, 7, 400}) {
                for (double x : new double[] {0, 1e-6, 0.01, 0.3, 0.5, 0.77, 0.999, 1}) {
                    double expected = Beta.regularizedBeta(x, a, b, 1e-15, 100_000);
                    assertThat(SpecialFunctions.regularizedBeta(x, a, b)).as("I_%s(%s, %s)", x, a, b)
                            .isCloseTo(expected, within(1e-11));
                }
            }
        }
    }
}
