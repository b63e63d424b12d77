package org.istanas.solvers.ista;

import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;

/** {@code fista}: accelerated ISTA (Beck–Teboulle) with adaptive gradient restart. See {@link ProximalGradient}. */
public final class FistaSolver implements SparseSolver {
    @Override
    public String name() {
        return "fista";
    }

    @Override
    public String description() {
        return "FISTA with adaptive restart for the LASSO (step 1/L, duality-gap stopping), plain Java";
    }

    @Override
    public Recovery solve(LassoProblem problem) {
        return ProximalGradient.solve(problem, true);
    }
}
