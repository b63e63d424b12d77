package org.istanas.solvers.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.solvers.Planted;
import org.istanas.solvers.matrix.DenseMatrices;
import org.istanas.api.solver.MeasurementMatrices;
import org.istanas.api.solver.Supports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class BasisPursuitSolverTest {
    @ParameterizedTest(name = "s = {0}, seed = {1}")
    @CsvSource({"2, 1", "2, 2", "2, 3", "3, 4", "3, 5", "3, 6"})
    void recoversPlantedSparseCodeExactly(int s, long seed) {
        Planted planted = Planted.code(MeasurementMatrices.gaussianNormalized(20, 40, seed), s, seed);
        Recovery r = new BasisPursuitSolver().solve(planted.problem(1e-5, SolverLimits.DEFAULT));
        assertThat(r.converged()).as(r.note()).isTrue();
        assertThat(Supports.nonZeros(r.z())).containsExactly(planted.support());
        for (int k = 0; k < planted.z().length; k++) {
            assertThat(r.z()[k]).as("z[%d]", k).isCloseTo(planted.z()[k], within(1e-9));
        }
    }

    @Test
    void resultDoesNotDependOnTheUnitsOfB() {
        double[][] a = MeasurementMatrices.gaussianNormalized(20, 40, 11);
        Planted planted = Planted.code(a, 3, 11);
        double[] tiny = planted.b().clone();
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] *= 1e-6; // ISTA-NAS's b lives around 1e-3; GLOP's tolerances are absolute
        }
        Recovery r = new BasisPursuitSolver().solve(new LassoProblem(a, tiny, 1e-5, 3, null, SolverLimits.DEFAULT));
        assertThat(Supports.nonZeros(r.z())).containsExactly(planted.support());
        for (int k : planted.support()) {
            assertThat(r.z()[k]).isCloseTo(planted.z()[k] * 1e-6, within(1e-15));
        }
    }

    @Test
    void denoisingFormKeepsResidualWithinEpsilonAndShrinksNorm() {
        double[][] a = MeasurementMatrices.gaussianNormalized(20, 40, 12);
        Planted planted = Planted.code(a, 3, 12);
        double epsilon = 0.05;
        Recovery exact = new BasisPursuitSolver().solve(planted.problem(0, SolverLimits.DEFAULT));
        Recovery denoised = new BasisPursuitSolver(epsilon).solve(planted.problem(0, SolverLimits.DEFAULT));
        assertThat(denoised.converged()).isTrue();
        double[] residual = DenseMatrices.residual(a, denoised.z(), planted.b());
        assertThat(DenseMatrices.normInf(residual)).isLessThanOrEqualTo(epsilon * (1 + 1e-6));
        assertThat(DenseMatrices.norm1(denoised.z())).isLessThan(DenseMatrices.norm1(exact.z()));
        int[] top = Supports.topS(denoised.z(), 3);
        java.util.Arrays.sort(top);
        assertThat(top).containsExactly(planted.support());
    }

    @Test
    void inconsistentSystemIsReportedNotConverged() {
        double[][] a = {{1, 2, 3}, {0, 0, 0}};
        double[] b = {1, 1}; // the second equation reads 0 = 1
        Recovery r = new BasisPursuitSolver().solve(new LassoProblem(a, b, 1e-5, 1, null, SolverLimits.DEFAULT));
        assertThat(r.converged()).isFalse();
        assertThat(r.note()).contains("infeasible");
        assertThat(r.z()).containsOnly(0.0);
        Recovery relaxed = new BasisPursuitSolver(1).solve(new LassoProblem(a, b, 1e-5, 1, null, SolverLimits.DEFAULT));
        assertThat(relaxed.converged()).isTrue();
    }

    @Test
    void rejectsNegativeEpsilon() {
        assertThatThrownBy(() -> new BasisPursuitSolver(-1)).hasMessageContaining("epsilon");
    }
}
