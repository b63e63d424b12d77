package org.istanas.api.space;

import java.util.Objects;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.istanas.api.op.OpSpec;

/**
 * An operation of a space whose networks build their operations themselves (e.g. {@code nas-bench-201}'s
 * {@code nor_conv_3x3}, which differs from the DARTS ops of similar names): it names the operation in a search's
 * operation list and the z layout; the space's {@link SpaceNetworks} builds it.
 */
public record SpaceOperation(String name, String space) implements CandidateOperation {
    public SpaceOperation {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(space, "space is null");
    }

    @Override
    public String description() {
        return space + " operation " + name + ", built by the space's networks";
    }

    @Override
    public OpBlock build(OpBuilder builder, OpSpec spec) {
        throw new UnsupportedOperationException(name + " is a " + space + " operation: the " + space
                + " networks build it, not the operation builder of DARTS-style cells");
    }
}
