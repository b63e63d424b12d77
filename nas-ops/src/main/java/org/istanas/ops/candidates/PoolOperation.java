package org.istanas.ops.candidates;

import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.istanas.api.op.OpSpec;

/** 3x3 max or average pooling with padding 1 (average excludes the padding, as DARTS). */
public final class PoolOperation implements CandidateOperation {
    private final boolean max;

    private PoolOperation(boolean max) {
        this.max = max;
    }

    public static PoolOperation max3x3() {
        return new PoolOperation(true);
    }

    public static PoolOperation avg3x3() {
        return new PoolOperation(false);
    }

    @Override
    public String name() {
        return max ? "max_pool_3x3" : "avg_pool_3x3";
    }

    @Override
    public String description() {
        return max ? "3x3 max pooling" : "3x3 average pooling, padding excluded from the average";
    }

    @Override
    public OpBlock build(OpBuilder b, OpSpec spec) {
        return max ? b.maxPool(3, spec.stride(), 1) : b.avgPool(3, spec.stride(), 1, false);
    }

    @Override
    public boolean parameterFree() {
        return true;
    }
}
