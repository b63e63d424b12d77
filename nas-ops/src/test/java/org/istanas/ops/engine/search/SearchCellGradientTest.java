package org.istanas.ops.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.nn.Param;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A whole search cell against central finite differences in double precision. */
final class SearchCellGradientTest {
    private static final double H = 1e-6;

    private static INDArray random(SplittableRandom r, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, r.nextGaussian());
        }
        return a;
    }

    @ParameterizedTest(name = "reduction {0}")
    @ValueSource(booleans = {false, true})
    void cellGradientsMatchFiniteDifferences(boolean reduction) {
        SplittableRandom r = new SplittableRandom(reduction ? 2 : 1);
        SearchCell cell = new SearchCell("cell", DataType.DOUBLE, 5, reduction, reduction, 4, 3, 2, 4,
                OpsPlugin.paperOperations(), false, true, true);
        INDArray s0 = random(r, 2, 4, reduction ? 16 : 8, reduction ? 16 : 8);
        INDArray s1 = random(r, 2, 3, 8, 8);
        // two active candidates per node, including every op somewhere across the nodes
        Random pick = new Random(reduction ? 9 : 8);
        NodeMix[] mixes = new NodeMix[4];
        for (int j = 0; j < 4; j++) {
            int n = 7 * (j + 2);
            int a = pick.nextInt(n);
            int b = (a + 1 + pick.nextInt(n - 1)) % n;
            mixes[j] = new NodeMix(new int[] {a, b}, new double[] {r.nextGaussian(), r.nextGaussian()});
        }
        INDArray out = cell.forward(s0, s1, mixes, true);
        INDArray projection = random(r, out.shape());
        double[][] gradW = new double[4][2];
        INDArray[] gradInputs = cell.backward(projection, gradW);
        INDArray g0 = gradInputs[0].dup();
        INDArray g1 = gradInputs[1].dup();
        List<Param> params = new ArrayList<>();
        cell.collectParameters(params);
        List<Param> active = params.stream().filter(Param::hasGradient).toList();
        assertThat(active).isNotEmpty();
        List<INDArray> grads = active.stream().map(p -> p.gradient().dup()).toList();

        java.util.function.DoubleSupplier loss = () -> cell.forward(s0, s1, mixes, true).mul(projection)
                .sumNumber().doubleValue();
        checkSamples("s0", s0, g0, loss, 15, r);
        checkSamples("s1", s1, g1, loss, 15, r);
        for (int i = 0; i < active.size(); i++) {
            checkSamples(active.get(i).name(), active.get(i).value(), grads.get(i), loss, 4, r);
        }
        for (int j = 0; j < 4; j++) {
            for (int t = 0; t < 2; t++) {
                double original = mixes[j].weights()[t];
                mixes[j].weights()[t] = original + H;
                double plus = loss.getAsDouble();
                mixes[j].weights()[t] = original - H;
                double minus = loss.getAsDouble();
                mixes[j].weights()[t] = original;
                assertThat(gradW[j][t]).as("d loss / d weight[%d][%d]", j, t)
                        .isCloseTo((plus - minus) / (2 * H), within(1e-5 * Math.max(1, Math.abs(plus - minus) / (2 * H))));
            }
        }
    }

    private static void checkSamples(String what, INDArray values, INDArray analytic,
                                     java.util.function.DoubleSupplier loss, int samples, SplittableRandom r) {
        for (int s = 0; s < samples; s++) {
            long i = r.nextLong(values.length());
            double original = values.getDouble(i);
            values.putScalar(i, original + H);
            double plus = loss.getAsDouble();
            values.putScalar(i, original - H);
            double minus = loss.getAsDouble();
            values.putScalar(i, original);
            double numeric = (plus - minus) / (2 * H);
            assertThat(analytic.getDouble(i)).as("d loss / d %s[%d]", what, i)
                    .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
        }
    }
}
