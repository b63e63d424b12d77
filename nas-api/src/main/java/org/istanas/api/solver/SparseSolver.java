package org.istanas.api.solver;

import org.istanas.api.ExtensionPoint;
import org.istanas.api.Named;

/**
 * Recovers a sparse code z from compressed measurements b = A z, i.e. solves (or approximates)
 * {@code min_z 1/2 ||A z - b||^2 + lambda ||z||_1}. Implementations are stateless and thread-safe.
 */
@ExtensionPoint
public interface SparseSolver extends Named {
    /** Solves one problem; never returns null. Throws {@link IllegalArgumentException} on malformed input. */
    Recovery solve(LassoProblem problem);
}
