package org.istanas.solvers;

import java.util.List;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.spi.NasPlugin;
import org.istanas.solvers.ista.FistaSolver;
import org.istanas.solvers.ista.IstaSolver;
import org.istanas.solvers.ortools.BasisPursuitSolver;
import org.istanas.solvers.ortools.SparseFitMipSolver;

/** Registers the built-in solvers {@code ista}, {@code fista}, {@code lp} and {@code l0-mip}. */
public final class SolversPlugin implements NasPlugin {
    @Override
    public List<SparseSolver> solvers() {
        return List.of(new IstaSolver(), new FistaSolver(), new BasisPursuitSolver(), new SparseFitMipSolver());
    }
}
