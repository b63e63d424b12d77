package org.istanas.api.op;

import org.istanas.api.ExtensionPoint;
import org.istanas.api.Named;

/**
 * A candidate operation of the cell search space (an edge of a cell computes one or more of them).
 * An operation describes itself as a composition of engine primitives through {@link OpBuilder}, so a new
 * operation added in its own jar works in search and target networks of any engine without further changes.
 */
@ExtensionPoint
public interface CandidateOperation extends Named {
    /**
     * Builds one instance. The result maps {@code spec.channels()} input channels at H x W to
     * {@code spec.channels()} output channels at H/stride x W/stride.
     */
    OpBlock build(OpBuilder builder, OpSpec spec);

    /**
     * Whether the op has no trainable weights of its own (pooling, identity). One-stage networks append a
     * batch norm to such ops so that the architecture weight can be folded into it.
     */
    default boolean parameterFree() {
        return false;
    }
}
