package org.istanas.ops.engine.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reusable activation buffers: a layer asks for a shape and gets its previous array back when it still fits. */
public final class Buffers {
    private Buffers() {
    }

    /**
     * Returns {@code current} if it has exactly this type and shape, else closes it (freeing its native memory at
     * once rather than at the next garbage collection) and allocates a new, uninitialised C-order array.
     */
    public static INDArray ensure(INDArray current, DataType type, long... shape) {
        if (current != null && current.dataType() == type && Arrays.equals(current.shape(), shape)) {
            return current;
        }
        release(current);
        return Nd4j.createUninitialized(type, shape, 'c');
    }

    /** Like {@link #ensure} but zero-filled on every call. */
    public static INDArray zeros(INDArray current, DataType type, long... shape) {
        INDArray array = ensure(current, type, shape);
        array.assign(0);
        return array;
    }

    public static void release(INDArray array) {
        if (array != null && !array.wasClosed() && array.closeable()) {
            array.close();
        }
    }

    /** A C-order contiguous array with offset 0: safe for raw buffer access and native kernels. */
    public static boolean isDense(INDArray array) {
        return array.ordering() == 'c' && !array.isView() && array.offset() == 0;
    }
}
