package org.istanas.ops.engine;

import org.nd4j.linalg.api.buffer.DataType;

/** Floating-point type of an engine's networks: FLOAT32 for training, FLOAT64 for finite-difference checks. */
public enum Precision {
    FLOAT32(DataType.FLOAT), FLOAT64(DataType.DOUBLE);

    private final DataType type;

    Precision(DataType type) {
        this.type = type;
    }

    public DataType dataType() {
        return type;
    }
}
