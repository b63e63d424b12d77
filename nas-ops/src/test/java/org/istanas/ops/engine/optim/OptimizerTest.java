package org.istanas.ops.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.istanas.ops.engine.nn.Param;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Optimizers against updates computed by hand from PyTorch's documented formulas. */
final class OptimizerTest {
    private static Param param(double... values) {
        return new Param("p", Nd4j.createFromArray(values).castTo(DataType.DOUBLE));
    }

    private static void setGradient(Param p, double... g) {
        p.gradient().assign(Nd4j.createFromArray(g));
        p.markGradient();
    }

    @Test
    void sgdWithMomentumAndCoupledWeightDecay() {
        Param p = param(1.0, -2.0);
        Param idle = param(5.0);
        Sgd sgd = new Sgd(ParamGroup.of(List.of(p, idle)), 0.1, 0.9, 0.01);
        setGradient(p, 0.5, 0.25);
        sgd.step();
        // d = g + wd p = [0.51, 0.23]; buf = d; p -= 0.1 buf
        assertThat(p.value().getDouble(0)).isCloseTo(1 - 0.051, within(1e-12));
        assertThat(p.value().getDouble(1)).isCloseTo(-2 - 0.023, within(1e-12));
        setGradient(p, -1.0, 0.0);
        sgd.step();
        double p0 = 0.949;
        double buf0 = 0.9 * 0.51 + (-1 + 0.01 * p0);
        assertThat(p.value().getDouble(0)).isCloseTo(p0 - 0.1 * buf0, within(1e-12));
        assertThat(idle.value().getDouble(0)).as("no gradient: untouched, no decay").isEqualTo(5.0);
    }

    /** Issue 13: PyTorch 1.x zero_grad() leaves p.grad = 0, so an op that left the support keeps moving. */
    @Test
    void sgdKeepsUpdatingAParameterThatHadAGradientOnlyWhenAsked() {
        for (boolean keep : new boolean[] {true, false}) {
            Param p = param(1.0);
            Param never = param(5.0);
            Sgd sgd = new Sgd(ParamGroup.of(List.of(p, never)), 0.1, 0.9, 0.01, keep);
            setGradient(p, 0.5);
            sgd.step(); // buf = 0.5 + 0.01 = 0.51, p = 1 - 0.051 = 0.949
            p.clearGradient(); // the op left the support
            sgd.step();
            double buf = 0.9 * 0.51 + 0.01 * 0.949; // zero gradient: momentum and weight decay only
            assertThat(p.value().getDouble(0)).isCloseTo(keep ? 0.949 - 0.1 * buf : 0.949, within(1e-12));
            assertThat(never.value().getDouble(0)).as("never had a gradient: skipped").isEqualTo(5.0);
        }
    }

    @Test
    void sgdWithoutMomentumKeepsDecayingAParameterThatHadAGradient() {
        Param p = param(2.0);
        Sgd sgd = new Sgd(ParamGroup.of(List.of(p)), 0.1, 0.0, 0.01, true);
        setGradient(p, 1.0);
        sgd.step(); // p = 2 (1 - 0.001) - 0.1 = 1.898
        p.clearGradient();
        sgd.step();
        assertThat(p.value().getDouble(0)).isCloseTo(1.898 * (1 - 0.001), within(1e-12));
    }

    @Test
    void adamWithBiasCorrectionAndCoupledWeightDecay() {
        Param p = param(0.5);
        Adam adam = new Adam(ParamGroup.of(List.of(p)), 0.01, 0.5, 0.999, 0.1);
        double value = 0.5;
        double m = 0;
        double v = 0;
        double[] grads = {0.2, -0.4, 0.3};
        for (int t = 1; t <= grads.length; t++) {
            setGradient(p, grads[t - 1]);
            adam.step();
            double g = grads[t - 1] + 0.1 * value;
            m = 0.5 * m + 0.5 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mHat = m / (1 - Math.pow(0.5, t));
            double denom = Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
            value -= 0.01 * mHat / denom;
            assertThat(p.value().getDouble(0)).as("step %d", t).isCloseTo(value, within(1e-12));
        }
    }

    @Test
    void clippingScalesTheJointNormOfPresentGradients() {
        Param a = param(0, 0);
        Param b = param(0);
        Param idle = param(0);
        setGradient(a, 3, 0);
        setGradient(b, 4);
        idle.gradient().assign(100);
        double norm = GradientClipping.clip(1.0, ParamGroup.of(List.of(a, b, idle)));
        assertThat(norm).isCloseTo(5, within(1e-12));
        assertThat(a.gradient().getDouble(0)).isCloseTo(3 / (5 + 1e-6), within(1e-12));
        assertThat(b.gradient().getDouble(0)).isCloseTo(4 / (5 + 1e-6), within(1e-12));
        assertThat(GradientClipping.clip(10, ParamGroup.of(List.of(a, b)))).isCloseTo(5 / (5 + 1e-6), within(1e-9));
        assertThat(a.gradient().getDouble(0)).as("below the limit: unchanged").isCloseTo(3 / (5 + 1e-6), within(1e-12));
    }
}
