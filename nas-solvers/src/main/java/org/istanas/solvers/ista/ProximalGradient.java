package org.istanas.solvers.ista;

import java.util.Locale;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.solvers.LassoObjective;
import org.istanas.solvers.ProblemChecks;
import org.istanas.solvers.matrix.DenseMatrices;

/**
 * The proximal-gradient iteration behind {@link IstaSolver} and {@link FistaSolver}:
 * z⁺ = η_{λ/L}(y + Aᵀ(b - Ay)/L), with y = z (ISTA) or the FISTA extrapolation.
 *
 * <p>Stopping, checked every iteration unless noted:
 * <ol>
 *   <li>relative duality gap (P(z) - D(θ))/P(z) ≤ tolerance, checked every {@value #GAP_EVERY} iterations
 *       (θ = dual-feasible scaling of the residual, see {@link LassoObjective#dualValue}); a certificate;</li>
 *   <li>relative change ||z⁺ - y||₂ / ||z⁺||₂ ≤ tolerance, the length of the proximal-gradient step from the
 *       point the gradient was taken at (y = z for ISTA, so this is the change of z; for FISTA it is the
 *       gradient-mapping norm / L, which vanishes exactly at a minimiser, unlike ||z⁺ - z||, which momentum can
 *       make small far from one);</li>
 *   <li>the iteration cap or the wall-clock limit (then {@code converged = false}).</li>
 * </ol>
 * The note says which rule stopped the solve and the final relative gap.
 *
 * <p>FISTA restart (O'Donoghue and Candès 2015, gradient scheme): when (y - z⁺)·(z⁺ - z) > 0 the momentum points
 * uphill, so t resets to 1 and y to z⁺. This keeps FISTA monotone-ish and recovers linear convergence on the
 * locally strongly convex problems a sparse support gives.
 */
final class ProximalGradient {
    static final int GAP_EVERY = 10;
    private static final int CLOCK_EVERY = 256;

    private ProximalGradient() {
    }

    static Recovery solve(LassoProblem problem, boolean accelerated) {
        ProblemChecks.validate(problem);
        double[][] a = problem.a();
        double[] b = problem.b();
        int n = problem.columns();
        int m = problem.rows();
        double lambda = problem.lambda();
        SolverLimits limits = problem.limits();
        double tol = limits.tolerance();
        long deadline = System.nanoTime() + limits.timeLimitMillis() * 1_000_000L;

        double lipschitz = LipschitzCache.lipschitz(a);
        double[] z = problem.warmStart() == null ? new double[n] : problem.warmStart().clone();
        if (lipschitz == 0) { // A = 0: every z has the same residual, z = 0 minimises the l1 term
            double[] zero = new double[n];
            return new Recovery(zero, 0, LassoObjective.value(problem, zero), true, "A is zero; z = 0");
        }
        double step = 1 / lipschitz;
        double threshold = lambda * step;

        double[] y = z.clone();
        double[] next = new double[n];
        double[] ay = new double[m];
        double[] grad = new double[n];
        double[] residual = new double[m];
        double t = 1;
        int restarts = 0;
        String stop = null;
        boolean converged = false;
        double relGap = Double.NaN;
        int iterations = 0;
        while (iterations < limits.maxIterations()) {
            iterations++;
            DenseMatrices.multiply(a, y, ay);
            for (int r = 0; r < m; r++) {
                residual[r] = b[r] - ay[r];
            }
            DenseMatrices.multiplyTransposed(a, residual, grad);
            double step2 = 0;
            double next2 = 0;
            double restartDot = 0;
            for (int i = 0; i < n; i++) {
                double v = y[i] + step * grad[i];
                double zi = v > threshold ? v - threshold : (v < -threshold ? v + threshold : 0);
                next[i] = zi;
                double d = zi - z[i];
                double fromY = y[i] - zi;
                step2 += fromY * fromY;
                next2 += zi * zi;
                restartDot += fromY * d;
            }
            if (accelerated) {
                if (restartDot > 0) {
                    t = 1;
                    System.arraycopy(next, 0, y, 0, n);
                    restarts++;
                } else {
                    double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
                    double momentum = (t - 1) / tNext;
                    for (int i = 0; i < n; i++) {
                        y[i] = next[i] + momentum * (next[i] - z[i]);
                    }
                    t = tNext;
                }
            } else {
                System.arraycopy(next, 0, y, 0, n);
            }
            double[] swap = z;
            z = next;
            next = swap;

            double change = next2 == 0 ? Math.sqrt(step2) : Math.sqrt(step2 / next2);
            if (iterations % GAP_EVERY == 0 || change <= tol) {
                relGap = relativeGap(problem, z);
                if (relGap <= tol) {
                    stop = String.format(Locale.ROOT, "relative duality gap %.3g <= tolerance %.3g", relGap, tol);
                    converged = true;
                    break;
                }
            }
            if (change <= tol) {
                stop = String.format(Locale.ROOT, "relative change %.3g <= tolerance %.3g (relative duality gap %.3g)",
                        change, tol, relGap);
                converged = true;
                break;
            }
            if (iterations % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0) {
                relGap = relativeGap(problem, z);
                stop = String.format(Locale.ROOT, "time limit of %d ms hit (relative duality gap %.3g)",
                        limits.timeLimitMillis(), relGap);
                break;
            }
        }
        if (stop == null) {
            relGap = relativeGap(problem, z);
            stop = String.format(Locale.ROOT, "iteration cap %d reached (relative duality gap %.3g)",
                    limits.maxIterations(), relGap);
        }
        if (accelerated && restarts > 0) {
            stop += "; " + restarts + " restarts";
        }
        return new Recovery(z, iterations, LassoObjective.value(problem, z), converged, stop);
    }

    /** (P(z) - D(θ)) / max(P(z), tiny), clamped at 0 against rounding. */
    static double relativeGap(LassoProblem problem, double[] z) {
        double[] r = DenseMatrices.residual(problem.a(), z, problem.b());
        double[] g = new double[z.length];
        DenseMatrices.multiplyTransposed(problem.a(), r, g);
        double primal = 0.5 * DenseMatrices.norm2Squared(r) + problem.lambda() * DenseMatrices.norm1(z);
        double dual = LassoObjective.dualValue(problem.b(), r, DenseMatrices.normInf(g), problem.lambda());
        double gap = Math.max(0, primal - dual);
        return gap == 0 ? 0 : gap / Math.max(primal, Double.MIN_NORMAL);
    }
}
