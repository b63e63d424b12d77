package org.istanas.solvers.support;

import java.util.Objects;
import org.istanas.api.solver.LassoProblem;
import org.istanas.solvers.LassoObjective;
import org.istanas.solvers.ProblemChecks;
import org.istanas.solvers.matrix.DenseMatrices;

/**
 * Verifies a LASSO answer from first principles: z minimises 1/2||Az - b||² + λ||z||₁ iff 0 is in the
 * subdifferential, i.e. with the correlation g = Aᵀ(b - Az)
 * <ul>
 *   <li>on the support (z_i ≠ 0): g_i = λ·sign(z_i), and</li>
 *   <li>off the support (z_i = 0): |g_i| ≤ λ.</li>
 * </ul>
 * Violations are measured in units of λ (or, when λ = 0, of ||Aᵀb||∞, the λ above which z = 0 is optimal) and
 * the check passes when every violation is at most {@code tol}. The report also carries the duality gap at z,
 * from the dual-feasible point θ = r·min(1, λ/||Aᵀr||∞) with r = b - Az.
 */
public final class LassoOptimality {
    private LassoOptimality() {
    }

    /**
     * The outcome of a check.
     *
     * @param optimal          every KKT violation is within tolerance
     * @param maxViolation     the largest violation, relative to {@code scale}
     * @param worstIndex       the coordinate with the largest violation (-1 when n = 0)
     * @param scale            λ, or ||Aᵀb||∞ when λ = 0 (1 when both are 0)
     * @param objective        the LASSO objective at z
     * @param dualityGap       primal minus dual objective (≥ 0 up to rounding; an upper bound on objective - optimum)
     */
    public record Report(boolean optimal, double maxViolation, int worstIndex, double scale, double objective,
                         double dualityGap) {
        @Override
        public String toString() {
            return (optimal ? "optimal" : "not optimal") + ": max KKT violation " + maxViolation
                    + " (x " + scale + ") at index " + worstIndex + ", objective " + objective
                    + ", duality gap " + dualityGap;
        }
    }

    /** Checks z against the KKT conditions of {@code problem} with relative tolerance {@code tol}. */
    public static Report check(LassoProblem problem, double[] z, double tol) {
        Objects.requireNonNull(problem, "problem is null");
        Objects.requireNonNull(z, "z is null");
        ProblemChecks.validate(problem);
        if (z.length != problem.columns()) {
            throw new IllegalArgumentException("z has length " + z.length + ", expected " + problem.columns());
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be >= 0, got " + tol);
        }
        double lambda = problem.lambda();
        double[] r = DenseMatrices.residual(problem.a(), z, problem.b());
        double[] g = new double[z.length];
        DenseMatrices.multiplyTransposed(problem.a(), r, g);
        double scale = lambda;
        if (scale == 0) {
            double[] atb = new double[z.length];
            DenseMatrices.multiplyTransposed(problem.a(), problem.b(), atb);
            scale = DenseMatrices.normInf(atb);
            if (scale == 0) {
                scale = 1;
            }
        }
        double worst = 0;
        int worstIndex = z.length == 0 ? -1 : 0;
        for (int i = 0; i < z.length; i++) {
            double violation = z[i] != 0
                    ? Math.abs(g[i] - lambda * Math.signum(z[i]))
                    : Math.max(0, Math.abs(g[i]) - lambda);
            violation /= scale;
            if (violation > worst) {
                worst = violation;
                worstIndex = i;
            }
        }
        double objective = LassoObjective.value(problem, z);
        double gap = problem.dualityGap(z);
        return new Report(worst <= tol, worst, worstIndex, scale, objective, gap);
    }
}
