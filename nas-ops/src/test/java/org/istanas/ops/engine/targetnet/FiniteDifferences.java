package org.istanas.ops.engine.targetnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.assertj.core.data.Offset;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.ops.engine.nn.Param;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Central finite differences in double precision. */
final class FiniteDifferences {
    static final double H = 1e-6;
    static final double TOLERANCE = 1e-5;

    private FiniteDifferences() {
    }

    static INDArray gaussian(SplittableRandom random, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, random.nextGaussian());
        }
        return a;
    }

    static Batch batch(SplittableRandom random, int n, ImageShape shape, int classes) {
        float[] images = new float[n * shape.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new Batch(images, labels, n, shape);
    }

    /** Checks {@code analytic} against d loss / d values at {@code samples} random entries. */
    static void check(String what, INDArray values, INDArray analytic, DoubleSupplier loss, int samples,
                      SplittableRandom random) {
        long n = values.length();
        for (int s = 0; s < Math.min(samples, n); s++) {
            long i = samples >= n ? s : random.nextLong(n);
            double original = values.getDouble(i);
            values.putScalar(i, original + H);
            double plus = loss.getAsDouble();
            values.putScalar(i, original - H);
            double minus = loss.getAsDouble();
            values.putScalar(i, original);
            double numeric = (plus - minus) / (2 * H);
            assertThat(analytic.getDouble(i)).as("d loss / d %s[%d]", what, i)
                    .isCloseTo(numeric, Offset.offset(TOLERANCE * Math.max(1, Math.abs(numeric))));
        }
    }

    /** Checks every parameter that has a gradient (a few entries each), after the analytic pass ran. */
    static int checkParameters(List<Param> params, DoubleSupplier loss, int samples, SplittableRandom random) {
        return checkParameters(params, loss, samples, Integer.MAX_VALUE, random);
    }

    /** Like above, on at most {@code tensors} randomly chosen parameter tensors (always the first and last). */
    static int checkParameters(List<Param> params, DoubleSupplier loss, int samples, int tensors,
                               SplittableRandom random) {
        List<Param> all = params.stream().filter(Param::hasGradient).toList();
        List<Param> withGradient = new java.util.ArrayList<>(all);
        while (withGradient.size() > Math.max(2, tensors)) {
            withGradient.remove(1 + random.nextInt(withGradient.size() - 2));
        }
        List<INDArray> analytic = withGradient.stream().map(p -> p.gradient().dup()).toList();
        for (int i = 0; i < withGradient.size(); i++) {
            check(withGradient.get(i).name(), withGradient.get(i).value(), analytic.get(i), loss, samples, random);
        }
        return withGradient.size();
    }
}
