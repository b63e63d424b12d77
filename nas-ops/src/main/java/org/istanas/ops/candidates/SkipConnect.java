package org.istanas.ops.candidates;

import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.istanas.api.op.OpSpec;

/** Identity at stride 1, FactorizedReduce at stride 2 (DARTS {@code skip_connect}). */
public final class SkipConnect implements CandidateOperation {
    @Override
    public String name() {
        return "skip_connect";
    }

    @Override
    public String description() {
        return "identity (FactorizedReduce at stride 2)";
    }

    @Override
    public OpBlock build(OpBuilder b, OpSpec spec) {
        return spec.stride() == 1 ? b.identity() : Blocks.factorizedReduce(b, spec.channels(), spec.channels(),
                spec.affine());
    }

    @Override
    public boolean parameterFree() {
        return true;
    }
}
