package org.istanas.ops.engine.nn;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reusable activation buffers: a layer asks for a shape and gets its previous array back when it still fits.
 *
 * <p>Short-lived buffers (gradients consumed right after the backward pass that produced them) are handed back
 * with {@link #recycle} and taken again by the next {@link #ensure} of the same type and shape, from any layer.
 * A network thus holds only as many gradient buffers as are alive at the same time, not one per layer. The pool
 * holds arrays nobody references; {@link #clearPool} frees them.
 */
public final class Buffers {
    private record Key(DataType type, List<Long> shape) {
        static Key of(DataType type, long[] shape) {
            return new Key(type, Arrays.stream(shape).boxed().toList());
        }
    }

    private static final Map<Key, ArrayDeque<INDArray>> POOL = new HashMap<>();
    private static long pooledBytes;

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
        INDArray pooled = take(type, shape);
        return pooled != null ? pooled : Nd4j.createUninitialized(type, shape, 'c');
    }

    private static synchronized INDArray take(DataType type, long[] shape) {
        ArrayDeque<INDArray> free = POOL.get(Key.of(type, shape));
        INDArray array = free == null ? null : free.poll();
        if (array != null) {
            pooledBytes -= array.length() * type.width();
        }
        return array;
    }

    /**
     * Hands a buffer nobody reads any more to the pool (null is ignored). Only dense arrays the caller allocated
     * through this class may be recycled, and the caller must drop its reference.
     */
    public static synchronized void recycle(INDArray array) {
        if (array == null || array.wasClosed() || !isDense(array)) {
            return;
        }
        POOL.computeIfAbsent(Key.of(array.dataType(), array.shape()), k -> new ArrayDeque<>()).push(array);
        pooledBytes += array.length() * array.dataType().width();
    }

    /** Frees every pooled buffer at once (a network that closes calls this). */
    public static synchronized void clearPool() {
        POOL.values().forEach(free -> free.forEach(Buffers::release));
        POOL.clear();
        pooledBytes = 0;
    }

    /** Bytes held by pooled (unreferenced) buffers. */
    public static synchronized long pooledBytes() {
        return pooledBytes;
    }

    /** Whether {@code a} and {@code b} are views of one data buffer (then releasing one would break the other). */
    public static boolean sharesData(INDArray a, INDArray b) {
        return a == b || (a != null && b != null && a.data() == b.data());
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
