package org.istanas.solvers.ista;

import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;

/**
 * {@code ista}: iterative shrinkage-thresholding, z⁺ = η_{λ/L}(z + Aᵀ(b - Az)/L) (see {@link ProximalGradient}),
 * run under continuation on λ ({@link LambdaContinuation}). Even so, on the coherent Uniform matrices of ISTA-NAS
 * plain ISTA can need millions of iterations (its rate is set by the conditioning of A on the support), so it
 * relies on the default budget being the time limit rather than an iteration cap.
 */
public final class IstaSolver implements SparseSolver {
    @Override
    public String name() {
        return "ista";
    }

    @Override
    public String description() {
        return "ISTA proximal gradient for the LASSO (step 1/L, continuation on lambda, duality-gap stopping), plain Java";
    }

    @Override
    public Recovery solve(LassoProblem problem) {
        return LambdaContinuation.solve(problem);
    }
}
