package org.istanas.api.op;


/**
 * DARTS's {@code none} (zero) operation. Only the DARTS baseline uses it (key {@code withNone}); it is not
 * registered as a plugin operation, because ISTA-NAS removes it from the search space (supplementary 1.1) and a
 * target network never contains it.
 */
public final class NoneOperation implements CandidateOperation {
    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "zero output (DARTS 'none'); DARTS baseline only";
    }

    @Override
    public OpBlock build(OpBuilder b, OpSpec spec) {
        return b.zero(spec.stride());
    }

    @Override
    public boolean parameterFree() {
        return true;
    }
}
