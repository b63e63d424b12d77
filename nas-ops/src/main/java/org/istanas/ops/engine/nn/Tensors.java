package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small allocation-free helpers on dense C-order arrays. */
public final class Tensors {
    private Tensors() {
    }

    private static INDArray flat(INDArray a) {
        return a.reshape('c', new long[] {a.length()});
    }

    /** out = alpha * x. */
    public static void scale(INDArray x, double alpha, INDArray out) {
        if (alpha == 1) {
            out.assign(x);
        } else {
            x.mul(alpha, out);
        }
    }

    /** y += alpha * x. */
    public static void axpy(double alpha, INDArray x, INDArray y) {
        if (alpha == 1) {
            y.addi(x);
        } else {
            Nd4j.getBlasWrapper().level1().axpy(x.length(), alpha, flat(x), flat(y));
        }
    }

    /** Sum of the element-wise product. */
    public static double dot(INDArray x, INDArray y) {
        return Nd4j.getBlasWrapper().dot(flat(x), flat(y));
    }

    /** Index of the channel range [from, to) of an NCHW array. */
    public static INDArrayIndex[] channels(long from, long to) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(),
                NDArrayIndex.all()};
    }
}
