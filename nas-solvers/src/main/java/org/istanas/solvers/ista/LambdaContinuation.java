package org.istanas.solvers.ista;

import java.util.Locale;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.solvers.LassoObjective;
import org.istanas.solvers.matrix.DenseMatrices;

/**
 * Continuation on λ around plain ISTA: solve a sequence of LASSOs with λ_k = λ₀·{@value #FACTOR}^k, from
 * λ₀ = ||Aᵀ(b - A z_start)||∞ (above it z_start's neighbourhood is optimal) down to the requested λ, each warm-started
 * at the previous solution and the intermediate ones only to {@value #STAGE_TOLERANCE} relative gap. Every stage is
 * ISTA with step 1/L; the stages share one iteration and time budget. With the paper's tiny λ most of ISTA's
 * iterations otherwise go into wandering between supports while the threshold λ/L is far below the entries of z;
 * the large-λ stages find a nearby support cheaply.
 */
final class LambdaContinuation {
    static final double FACTOR = 0.3;
    static final double STAGE_TOLERANCE = 1e-6;

    private LambdaContinuation() {
    }

    static Recovery solve(LassoProblem problem) {
        double target = problem.lambda();
        double[] start = problem.warmStart() == null ? new double[problem.columns()] : problem.warmStart();
        double start0 = lambdaMax(problem, start);
        SolverLimits limits = problem.limits();
        if (!(target > 0) || start0 * FACTOR <= target) {
            return ProximalGradient.solve(problem, false);
        }
        long deadline = System.nanoTime() + limits.timeLimitMillis() * 1_000_000L;
        int used = 0;
        int stages = 0;
        double[] z = problem.warmStart() == null ? new double[problem.columns()] : problem.warmStart().clone();
        for (double lambda = start0 * FACTOR; lambda > target; lambda *= FACTOR) {
            SolverLimits stage = remaining(limits, used, deadline, Math.max(STAGE_TOLERANCE, limits.tolerance()));
            if (stage == null) {
                return budgetSpent(problem, z, used, stages);
            }
            Recovery r = ProximalGradient.solve(new LassoProblem(problem.a(), problem.b(), lambda,
                    problem.sparsity(), z, stage), false);
            used += r.iterations();
            z = r.z();
            stages++;
            if (!r.converged()) { // a cap or the clock stopped the stage: the budget is spent
                return budgetSpent(problem, z, used, stages);
            }
        }
        SolverLimits last = remaining(limits, used, deadline, limits.tolerance());
        if (last == null) {
            return budgetSpent(problem, z, used, stages);
        }
        Recovery r = ProximalGradient.solve(new LassoProblem(problem.a(), problem.b(), target, problem.sparsity(), z,
                last), false);
        String stop = r.converged() ? r.note() : stopNote(problem, r.z(), used + r.iterations());
        return new Recovery(r.z(), used + r.iterations(), r.objective(), r.converged(),
                stop + "; after " + stages + " continuation stages (" + used + " iterations)");
    }

    /** The budget ran out before the requested λ was solved: the last iterate, not converged. */
    private static Recovery budgetSpent(LassoProblem problem, double[] z, int used, int stages) {
        return new Recovery(z, used, LassoObjective.value(problem, z), false, stopNote(problem, z, used)
                + "; in continuation stage " + stages + ", before the requested lambda");
    }

    /** Which limit stopped the solve, in the words of {@link ProximalGradient}, with the gap at the requested λ. */
    private static String stopNote(LassoProblem problem, double[] z, int used) {
        double gap = ProximalGradient.relativeGap(problem, z);
        SolverLimits limits = problem.limits();
        return used >= limits.maxIterations()
                ? String.format(Locale.ROOT, "iteration cap %d reached (relative duality gap %.3g)",
                        limits.maxIterations(), gap)
                : String.format(Locale.ROOT, "time limit of %d ms hit (relative duality gap %.3g)",
                        limits.timeLimitMillis(), gap);
    }

    /** ||Aᵀ(b - A z)||∞: the smallest λ at which z = 0 (from z = 0) is optimal. */
    static double lambdaMax(LassoProblem problem, double[] z) {
        double[] r = DenseMatrices.residual(problem.a(), z, problem.b());
        double[] g = new double[z.length];
        DenseMatrices.multiplyTransposed(problem.a(), r, g);
        return DenseMatrices.normInf(g);
    }

    private static SolverLimits remaining(SolverLimits limits, int used, long deadline, double tolerance) {
        long millis = (deadline - System.nanoTime()) / 1_000_000L;
        if (used >= limits.maxIterations() || millis < 1) {
            return null;
        }
        return new SolverLimits(limits.maxIterations() - used, tolerance, millis);
    }
}
