package org.istanas.solvers.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Locale;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;
import org.istanas.solvers.LassoObjective;
import org.istanas.solvers.ProblemChecks;
import org.istanas.solvers.matrix.DenseMatrices;
import org.istanas.api.solver.Supports;

/**
 * {@code l0-mip}: exact sparse recovery, min ||Az - b||₁ subject to ||z||₀ ≤ s (s = the problem's sparsity), as a
 * mixed-integer program on SCIP:
 * <pre>
 *   min Σ_r t_r   s.t.  -t ≤ Az - b ≤ t,   -M·y_i ≤ z_i ≤ M·y_i,   Σ y_i ≤ s,   y ∈ {0,1}ⁿ
 * </pre>
 * The problem's λ is ignored; the reported objective is the LASSO objective at z.
 *
 * <p><b>Big-M.</b> No a-priori bound on |z_i| exists for arbitrary A (nearly collinear columns can need huge
 * coefficients), so M is chosen from two natural scales and then verified: M = {@value #M_FACTOR} ·
 * max(||z_bp||∞, ||b||₂ / min_i ||a_i||₂), where z_bp is the basis-pursuit (LP) solution and the second term is
 * the coefficient a single column needs to carry ||b||₂. If the optimum touches the bound (|z_i| ≥ (1 - 1e-6)M), M
 * is multiplied by {@value #M_GROWTH} and the MIP re-solved, up to {@value #MAX_M_ROUNDS} rounds; if the bound is
 * still active the note says so (the answer is then optimal only among codes with |z_i| ≤ M). As in {@code lp},
 * b is divided by ||b||∞ first, so tolerances do not depend on its units.
 *
 * <p><b>Warm start.</b> The basis-pursuit solution restricted to its s largest entries is passed to SCIP as a
 * hint (a feasible s-sparse code, since M exceeds its entries): when basis pursuit already recovers an s-sparse
 * code exactly, SCIP starts from a zero-misfit incumbent and only has to prove it optimal.
 *
 * <p><b>Time.</b> SCIP runs under the problem's {@code timeLimitMillis} (per MIP round). When it is hit the result
 * is the best incumbent, {@code converged = false}, and the note gives the incumbent's and the bound's ℓ1 misfit.
 * {@code iterations} counts branch-and-bound nodes.
 */
public final class SparseFitMipSolver implements SparseSolver {
    static final double M_FACTOR = 10;
    static final double M_GROWTH = 100;
    static final int MAX_M_ROUNDS = 3;
    private static final double ACTIVE = 1 - 1e-6;

    @Override
    public String name() {
        return "l0-mip";
    }

    @Override
    public String description() {
        return "exact s-sparse recovery min ||Az - b||_1 s.t. ||z||_0 <= s, big-M MIP on OR-Tools SCIP";
    }

    @Override
    public Recovery solve(LassoProblem problem) {
        ProblemChecks.validate(problem);
        double[][] a = problem.a();
        double[] b = problem.b();
        int n = problem.columns();
        double scale = DenseMatrices.normInf(b);
        if (scale == 0 || problem.sparsity() == 0) {
            double[] zero = new double[n];
            return new Recovery(zero, 0, LassoObjective.value(problem, zero), scale == 0,
                    scale == 0 ? "b = 0: z = 0" : "sparsity 0: z = 0");
        }
        double[] bScaled = new double[b.length];
        for (int r = 0; r < b.length; r++) {
            bScaled[r] = b[r] / scale;
        }
        BasisPursuitSolver.Outcome lp = BasisPursuitSolver.solveScaled(a, bScaled, 1, 0,
                problem.limits().timeLimitMillis());
        double[] hint = lp.optimal() ? Supports.restrict(lp.z(), Supports.topS(lp.z(), problem.sparsity())) : null;
        double bigM = initialBigM(a, bScaled, lp);
        long nodes = 0;
        MipOutcome outcome = null;
        for (int round = 1; round <= MAX_M_ROUNDS; round++) {
            outcome = solveMip(a, bScaled, problem.sparsity(), bigM, hint, problem.limits().timeLimitMillis());
            nodes += outcome.nodes();
            if (!outcome.boundActive() || !outcome.hasSolution()) {
                break;
            }
            if (round < MAX_M_ROUNDS) {
                bigM *= M_GROWTH;
            }
        }
        double[] z = outcome.z();
        for (int c = 0; c < n; c++) {
            z[c] *= scale;
        }
        String note = outcome.note();
        if (outcome.boundActive()) {
            note += String.format(Locale.ROOT, "; big-M bound %.3g active after %d rounds: optimal only among"
                    + " codes with |z_i| <= M", bigM * scale, MAX_M_ROUNDS);
        }
        boolean converged = outcome.optimal() && !outcome.boundActive();
        return new Recovery(z, (int) Math.min(Integer.MAX_VALUE, nodes), LassoObjective.value(problem, z),
                converged, note);
    }

    private static double initialBigM(double[][] a, double[] bScaled, BasisPursuitSolver.Outcome lp) {
        double minColumn = Double.POSITIVE_INFINITY;
        for (int c = 0; c < a[0].length; c++) {
            double norm = DenseMatrices.columnNorm(a, c);
            if (norm > 0) {
                minColumn = Math.min(minColumn, norm);
            }
        }
        double single = Math.sqrt(DenseMatrices.norm2Squared(bScaled)) / minColumn;
        double fromLp = lp.optimal() ? DenseMatrices.normInf(lp.z()) : 0;
        double scale = Math.max(single, fromLp);
        return M_FACTOR * (scale > 0 && Double.isFinite(scale) ? scale : 1); // all-zero A: any M is valid
    }

    private record MipOutcome(double[] z, long nodes, boolean optimal, boolean hasSolution, boolean boundActive,
                              String note) {
    }

    private static MipOutcome solveMip(double[][] a, double[] b, int s, double bigM, double[] hint,
                                       long timeLimitMillis) {
        OrToolsNatives.ensureLoaded();
        int m = a.length;
        int n = a[0].length;
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no SCIP solver in this build");
        }
        try {
            solver.setTimeLimit(timeLimitMillis);
            MPVariable[] z = solver.makeNumVarArray(n, -bigM, bigM, "z");
            MPVariable[] used = solver.makeBoolVarArray(n, "y");
            MPVariable[] misfit = solver.makeNumVarArray(m, 0, MPSolver.infinity(), "t");
            for (int r = 0; r < m; r++) {
                MPConstraint upper = solver.makeConstraint(-MPSolver.infinity(), b[r], "up" + r);
                MPConstraint lower = solver.makeConstraint(b[r], MPSolver.infinity(), "lo" + r);
                for (int c = 0; c < n; c++) {
                    if (a[r][c] != 0) {
                        upper.setCoefficient(z[c], a[r][c]);
                        lower.setCoefficient(z[c], a[r][c]);
                    }
                }
                upper.setCoefficient(misfit[r], -1); // (Az)_r - t_r <= b_r
                lower.setCoefficient(misfit[r], 1);  // (Az)_r + t_r >= b_r
            }
            for (int c = 0; c < n; c++) {
                MPConstraint up = solver.makeConstraint(-MPSolver.infinity(), 0, "bigMup" + c);
                up.setCoefficient(z[c], 1);
                up.setCoefficient(used[c], -bigM);
                MPConstraint down = solver.makeConstraint(0, MPSolver.infinity(), "bigMdown" + c);
                down.setCoefficient(z[c], 1);
                down.setCoefficient(used[c], bigM);
            }
            MPConstraint cardinality = solver.makeConstraint(0, s, "cardinality");
            for (MPVariable y : used) {
                cardinality.setCoefficient(y, 1);
            }
            MPObjective objective = solver.objective();
            for (MPVariable t : misfit) {
                objective.setCoefficient(t, 1);
            }
            objective.setMinimization();
            if (hint != null) {
                double[] used01 = new double[n];
                for (int c = 0; c < n; c++) {
                    used01[c] = hint[c] != 0 ? 1 : 0;
                }
                solver.setHint(concat(z, used), concat(hint, used01));
            }
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
            MPSolver.ResultStatus status = solver.solve(parameters);
            double[] values = new double[n];
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new MipOutcome(values, solver.nodes(), false, false, false, "SCIP stopped with status "
                        + status + " and no solution (time limit " + timeLimitMillis + " ms); z = 0");
            }
            boolean active = false;
            for (int c = 0; c < n; c++) {
                // Integrality is only enforced to ~1e-6, so y_c = 1e-7 could leave z_c = M·1e-7: use y, not z.
                values[c] = used[c].solutionValue() > 0.5 ? z[c].solutionValue() : 0;
                active |= values[c] != 0 && Math.abs(values[c]) >= ACTIVE * bigM;
            }
            double misfitL1 = objective.value();
            if (status == MPSolver.ResultStatus.OPTIMAL) {
                return new MipOutcome(values, solver.nodes(), true, true, active, String.format(Locale.ROOT,
                        "SCIP optimal, ||Az - b||_1 = %.3g (relative to ||b||_inf)", misfitL1));
            }
            return new MipOutcome(values, solver.nodes(), false, true, active, String.format(Locale.ROOT,
                    "time limit of %d ms hit: best s-sparse code found has ||Az - b||_1 = %.3g, lower bound %.3g"
                            + " (relative to ||b||_inf); not proven optimal",
                    timeLimitMillis, misfitL1, objective.bestBound()));
        } finally {
            solver.delete();
        }
    }

    private static MPVariable[] concat(MPVariable[] x, MPVariable[] y) {
        MPVariable[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static double[] concat(double[] x, double[] y) {
        double[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
