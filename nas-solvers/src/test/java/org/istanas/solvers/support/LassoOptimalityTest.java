package org.istanas.solvers.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.SolverLimits;
import org.junit.jupiter.api.Test;

final class LassoOptimalityTest {
    // Orthogonal columns with norms 2 and 1: the LASSO separates into soft-thresholds, z_i = η_λ(a_iᵀb)/||a_i||².
    private static final double[][] A = {{2, 0}, {0, 1}, {0, 0}};
    private static final double[] B = {3, 0.05, 7};
    private static final double LAMBDA = 0.1;
    private static final LassoProblem P = new LassoProblem(A, B, LAMBDA, 1, null, SolverLimits.DEFAULT);

    @Test
    void closedFormSolutionIsOptimal() {
        double[] z = {(6 - LAMBDA) / 4, 0}; // a_1ᵀb = 6; a_2ᵀb = 0.05 < λ, so z_2 = 0
        LassoOptimality.Report report = LassoOptimality.check(P, z, 1e-12);
        assertThat(report.optimal()).as(report.toString()).isTrue();
        assertThat(report.maxViolation()).isLessThan(1e-12);
        assertThat(report.dualityGap()).isCloseTo(0, within(1e-12));
        double expectedObjective = 0.5 * (Math.pow(2 * z[0] - 3, 2) + 0.05 * 0.05 + 49) + LAMBDA * z[0];
        assertThat(report.objective()).isCloseTo(expectedObjective, within(1e-12));
    }

    @Test
    void perturbedSolutionsFailWithTheRightCoordinate() {
        LassoOptimality.Report onSupport = LassoOptimality.check(P, new double[] {1.5, 0}, 1e-6);
        assertThat(onSupport.optimal()).isFalse();
        assertThat(onSupport.worstIndex()).isZero();
        // |a_1ᵀr| = |6 - 4·1.5| = 0 against λ = 0.1: violation 1 λ
        assertThat(onSupport.maxViolation()).isCloseTo(1.0, within(1e-12));
        assertThat(onSupport.dualityGap()).isPositive();

        LassoOptimality.Report offSupport = LassoOptimality.check(P, new double[] {(6 - LAMBDA) / 4, 0.01}, 1e-6);
        assertThat(offSupport.optimal()).isFalse();
        assertThat(offSupport.worstIndex()).isEqualTo(1);
    }

    @Test
    void zeroLambdaMeansLeastSquares() {
        LassoProblem ls = new LassoProblem(A, B, 0, 2, null, SolverLimits.DEFAULT);
        assertThat(LassoOptimality.check(ls, new double[] {1.5, 0.05}, 1e-12).optimal()).isTrue();
        assertThat(LassoOptimality.check(ls, new double[] {1.5, 0}, 1e-3).optimal()).isFalse();
    }
}
