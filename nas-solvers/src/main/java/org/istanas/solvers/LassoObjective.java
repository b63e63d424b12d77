package org.istanas.solvers;

import org.istanas.api.solver.LassoProblem;
import org.istanas.solvers.matrix.DenseMatrices;

/** The LASSO primal objective and the dual bound used for duality-gap stopping and optimality reports. */
public final class LassoObjective {
    private LassoObjective() {
    }

    /** 1/2 ||Az - b||² + λ||z||₁. */
    public static double value(LassoProblem problem, double[] z) {
        double[] r = DenseMatrices.residual(problem.a(), z, problem.b());
        return 0.5 * DenseMatrices.norm2Squared(r) + problem.lambda() * DenseMatrices.norm1(z);
    }

    /**
     * The dual objective 1/2||b||² - 1/2||θ - b||² at the dual-feasible point θ = r·min(1, λ/||Aᵀr||∞), built
     * from the residual r = b - Az of any z. Weak duality makes it a lower bound on the optimal objective.
     *
     * @param correlationInf ||Aᵀr||∞
     */
    public static double dualValue(double[] b, double[] r, double correlationInf, double lambda) {
        double factor = correlationInf <= lambda ? 1 : lambda / correlationInf;
        double bb = 0;
        double diff = 0;
        for (int i = 0; i < b.length; i++) {
            bb += b[i] * b[i];
            double d = factor * r[i] - b[i];
            diff += d * d;
        }
        return 0.5 * bb - 0.5 * diff;
    }
}
