package org.istanas.solvers.ista;

import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;

/** {@code ista}: iterative shrinkage-thresholding, z⁺ = η_{λ/L}(z + Aᵀ(b - Az)/L). See {@link ProximalGradient}. */
public final class IstaSolver implements SparseSolver {
    @Override
    public String name() {
        return "ista";
    }

    @Override
    public String description() {
        return "ISTA proximal gradient for the LASSO (step 1/L, duality-gap stopping), plain Java";
    }

    @Override
    public Recovery solve(LassoProblem problem) {
        return ProximalGradient.solve(problem, false);
    }
}
