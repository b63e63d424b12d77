package org.istanas.ops.engine.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Weight initialisation with PyTorch's defaults, drawn from a seeded generator. */
public final class Init {
    private Init() {
    }

    /** U(-bound, bound) in C order; PyTorch's conv/linear default uses bound = 1/sqrt(fan_in). */
    public static INDArray uniform(SplittableRandom random, DataType type, double bound, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return Nd4j.create(values, shape, 'c').castTo(type);
    }

    public static INDArray constant(DataType type, double value, long... shape) {
        INDArray array = Nd4j.create(type, shape);
        array.assign(value);
        return array;
    }
}
