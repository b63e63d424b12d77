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
        double[] z = problem.warmStart() == null ? null : problem.warmStart().clone();
        for (double lambda = start0 * FACTOR; lambda > target; lambda *= FACTOR) {
            SolverLimits stage = remaining(limits, used, deadline, Math.max(STAGE_TOLERANCE, limits.tolerance()));
            if (stage == null) {
                break;
            }
            Recovery r = ProximalGradient.solve(new LassoProblem(problem.a(), problem.b(), lambda,
                    problem.sparsity(), z, stage), false);
            used += r.iterations();
            z = r.z();
            stages++;
        }
        SolverLimits last = remaining(limits, used, deadline, limits.tolerance());
        if (last == null) { // the budget went into the stages: report the last iterate at the requested λ
            double gap = ProximalGradient.relativeGap(problem, z);
            return new Recovery(z, used, LassoObjective.value(problem, z), false, String.format(Locale.ROOT,
                    "budget spent in %d continuation stages (relative duality gap %.3g)", stages, gap));
        }
        Recovery r = ProximalGradient.solve(new LassoProblem(problem.a(), problem.b(), target, problem.sparsity(), z,
                last), false);
        return new Recovery(r.z(), used + r.iterations(), r.objective(), r.converged(),
                r.note() + "; after " + stages + " continuation stages (" + used + " iterations)");
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
