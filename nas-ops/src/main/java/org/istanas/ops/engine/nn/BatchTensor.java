package org.istanas.ops.engine.nn;

import org.istanas.api.data.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The images of a batch as an NCHW tensor of a network's type, in a buffer the network reuses across batches. */
public final class BatchTensor {
    private BatchTensor() {
    }

    /**
     * Copies the batch's images into {@code reuse} when it has their type and shape, else into a new buffer
     * (closing {@code reuse}); returns the buffer holding them.
     */
    public static INDArray fill(INDArray reuse, Batch batch, DataType type) {
        INDArray input = Buffers.ensure(reuse, type, batch.size(), batch.shape().channels(), batch.shape().height(),
                batch.shape().width());
        if (type == DataType.FLOAT && KernelPath.current() == KernelPath.HOST) {
            input.data().asNioFloat().put(0, batch.images());
        } else { // through ND4J: also right where host buffers are not the arrays' memory (KernelPath)
            INDArray source = Nd4j.createFromArray(batch.images()).castTo(type);
            input.assign(source.reshape(input.shape()));
            source.close();
        }
        return input;
    }
}
