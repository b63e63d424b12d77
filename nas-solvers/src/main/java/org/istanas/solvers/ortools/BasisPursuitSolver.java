package org.istanas.solvers.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Locale;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;
import org.istanas.solvers.LassoObjective;
import org.istanas.solvers.ProblemChecks;
import org.istanas.solvers.matrix.DenseMatrices;

/**
 * {@code lp}: basis pursuit, min ||z||₁ s.t. Az = b, the λ → 0 limit of the LASSO (the paper's λ = 1e-5 is a
 * close approximation of it), or with {@code epsilon > 0} its denoising form min ||z||₁ s.t. ||Az - b||∞ ≤ ε.
 * The problem's λ is ignored (but the reported objective is the LASSO objective at z with that λ).
 *
 * <p>Linear program on GLOP: z = z⁺ - z⁻ with z⁺, z⁻ ≥ 0, minimise Σ(z⁺ + z⁻). GLOP's feasibility tolerances are
 * absolute (about 1e-7), so b (and ε) are divided by ||b||∞ before solving and z is scaled back: the answer does
 * not depend on the units of b (ISTA-NAS's b starts around 1e-3). Entries below {@link #ZERO_TOLERANCE} (scaled)
 * are set to 0. The result is a vertex, so z has at most m
 * non-zeros. If no z satisfies the constraints (b outside the range of A) the result is z = 0, not converged, with
 * a note suggesting ε > 0. {@code iterations} counts simplex iterations.
 */
public final class BasisPursuitSolver implements SparseSolver {
    /**
     * Entries this small (relative to max(1, ||z||∞), in the scaled units where ||b||∞ = 1) are rounding noise of
     * degenerate basic variables and are set to exactly 0; GLOP's own feasibility tolerance is 1e-8 or coarser.
     */
    static final double ZERO_TOLERANCE = 1e-9;
    private final double epsilon;

    /** Equality-constrained basis pursuit (ε = 0), the registered {@code lp}. */
    public BasisPursuitSolver() {
        this(0);
    }

    /** @param epsilon the ||Az - b||∞ tolerance, in the units of b; 0 for Az = b */
    public BasisPursuitSolver(double epsilon) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return "lp";
    }

    @Override
    public String description() {
        return epsilon == 0
                ? "basis pursuit min ||z||_1 s.t. Az = b, linear program on OR-Tools GLOP"
                : "basis pursuit denoising min ||z||_1 s.t. ||Az - b||_inf <= " + epsilon + ", on OR-Tools GLOP";
    }

    @Override
    public Recovery solve(LassoProblem problem) {
        ProblemChecks.validate(problem);
        double scale = DenseMatrices.normInf(problem.b());
        int n = problem.columns();
        if (scale <= epsilon) { // z = 0 is feasible and has the smallest possible norm
            double[] zero = new double[n];
            return new Recovery(zero, 0, LassoObjective.value(problem, zero), true, "||b||_inf <= epsilon: z = 0");
        }
        Outcome outcome = solveScaled(problem.a(), problem.b(), scale, epsilon / scale, problem.limits().timeLimitMillis());
        return new Recovery(outcome.z(), (int) Math.min(Integer.MAX_VALUE, outcome.iterations()),
                LassoObjective.value(problem, outcome.z()), outcome.optimal(), outcome.note());
    }

    /** The raw LP answer: z in the units of b, simplex iterations, whether GLOP proved optimality, a note. */
    record Outcome(double[] z, long iterations, boolean optimal, String note) {
    }

    /** Solves min ||z||₁ s.t. |Az - b/scale| ≤ relEps and returns z·scale. */
    static Outcome solveScaled(double[][] a, double[] b, double scale, double relEps, long timeLimitMillis) {
        OrToolsNatives.ensureLoaded();
        int m = a.length;
        int n = a[0].length;
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no GLOP solver in this build");
        }
        try {
            solver.setTimeLimit(timeLimitMillis);
            MPVariable[] plus = solver.makeNumVarArray(n, 0, MPSolver.infinity(), "zp");
            MPVariable[] minus = solver.makeNumVarArray(n, 0, MPSolver.infinity(), "zm");
            for (int r = 0; r < m; r++) {
                double target = b[r] / scale;
                MPConstraint row = solver.makeConstraint(target - relEps, target + relEps, "row" + r);
                for (int c = 0; c < n; c++) {
                    double coefficient = a[r][c];
                    if (coefficient != 0) {
                        row.setCoefficient(plus[c], coefficient);
                        row.setCoefficient(minus[c], -coefficient);
                    }
                }
            }
            MPObjective objective = solver.objective();
            for (int c = 0; c < n; c++) {
                objective.setCoefficient(plus[c], 1);
                objective.setCoefficient(minus[c], 1);
            }
            objective.setMinimization();
            MPSolver.ResultStatus status = solver.solve();
            double[] z = new double[n];
            switch (status) {
                case OPTIMAL -> {
                    double largest = 0;
                    for (int c = 0; c < n; c++) {
                        z[c] = plus[c].solutionValue() - minus[c].solutionValue();
                        largest = Math.max(largest, Math.abs(z[c]));
                    }
                    double zero = ZERO_TOLERANCE * Math.max(1, largest);
                    for (int c = 0; c < n; c++) {
                        z[c] = Math.abs(z[c]) <= zero ? 0 : z[c] * scale;
                    }
                    return new Outcome(z, solver.iterations(), true, String.format(Locale.ROOT,
                            "GLOP optimal, ||z||_1 = %.6g", DenseMatrices.norm1(z)));
                }
                case INFEASIBLE -> {
                    return new Outcome(z, solver.iterations(), false,
                            "infeasible: b is not in the range of A (within epsilon); z = 0. "
                                    + "Use the denoising form (epsilon > 0) or a LASSO solver");
                }
                default -> {
                    return new Outcome(z, solver.iterations(), false, "GLOP stopped with status " + status
                            + (status == MPSolver.ResultStatus.NOT_SOLVED
                            ? " (time limit of " + timeLimitMillis + " ms hit?)" : "") + "; z = 0");
                }
            }
        } finally {
            solver.delete();
        }
    }
}
