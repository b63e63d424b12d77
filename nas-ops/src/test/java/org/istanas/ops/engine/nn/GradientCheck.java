package org.istanas.ops.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Central finite differences in double precision against a layer's backward pass. */
final class GradientCheck {
    static final double H = 1e-6;
    static final double TOLERANCE = 1e-5;

    private GradientCheck() {
    }

    static INDArray random(SplittableRandom random, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, random.nextGaussian());
        }
        return a;
    }

    /** Loss = sum(output * projection): its gradient w.r.t. the output is the projection. */
    static double loss(Layer layer, INDArray input, INDArray projection) {
        return layer.forward(input, true).mul(projection).sumNumber().doubleValue();
    }

    /** Checks d(loss)/d(input) and d(loss)/d(every parameter) at {@code samples} random entries each. */
    static void check(Layer layer, INDArray input, int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        INDArray out = layer.forward(input, true);
        INDArray projection = random(random, out.shape());
        INDArray gradInput = layer.backward(projection).dup();
        List<Param> params = new ArrayList<>();
        layer.collectParameters(params);
        List<INDArray> gradParams = new ArrayList<>();
        for (Param p : params) {
            assertThat(p.hasGradient()).as("gradient of %s present", p.name()).isTrue();
            gradParams.add(p.gradient().dup());
        }
        checkArray("input", input, gradInput, () -> loss(layer, input, projection), samples, random);
        for (int i = 0; i < params.size(); i++) {
            checkArray(params.get(i).name(), params.get(i).value(), gradParams.get(i),
                    () -> loss(layer, input, projection), samples, random);
        }
    }

    static void checkArray(String what, INDArray values, INDArray analytic, Supplier<Double> loss, int samples,
                           SplittableRandom random) {
        long n = values.length();
        for (int s = 0; s < Math.min(samples, n); s++) {
            long i = samples >= n ? s : random.nextLong(n);
            double original = values.getDouble(i);
            values.putScalar(i, original + H);
            double plus = loss.get();
            values.putScalar(i, original - H);
            double minus = loss.get();
            values.putScalar(i, original);
            double numeric = (plus - minus) / (2 * H);
            double expected = analytic.getDouble(i);
            assertThat(expected).as("d loss / d %s[%d]", what, i)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1, Math.abs(numeric))));
        }
    }
}
