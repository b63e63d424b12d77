package org.istanas.solvers.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
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

final class SparseFitMipSolverTest {
    @ParameterizedTest(name = "s = {0}, seed = {1}")
    @CsvSource({"2, 1", "2, 2", "2, 3", "3, 4", "3, 5", "3, 6"})
    void recoversPlantedSparseCodeExactly(int s, long seed) {
        Planted planted = Planted.code(MeasurementMatrices.gaussianNormalized(20, 40, seed), s, seed);
        Recovery r = new SparseFitMipSolver().solve(planted.problem(1e-5, SolverLimits.DEFAULT));
        assertThat(r.converged()).as(r.note()).isTrue();
        assertThat(Supports.nonZeros(r.z())).containsExactly(planted.support());
        for (int k = 0; k < planted.z().length; k++) {
            assertThat(r.z()[k]).as("z[%d]", k).isCloseTo(planted.z()[k], within(1e-9));
        }
    }

    @Test
    void noisyMeasurementsGiveTheBestSSparseL1FitFoundByEnumeration() {
        // 6 x 10 with s = 2: all 45 supports can be checked by an independent LP per support.
        double[][] a = MeasurementMatrices.gaussianNormalized(6, 10, 21);
        Planted planted = Planted.code(a, 2, 21);
        double[] b = planted.b().clone();
        SplittableRandom noise = new SplittableRandom(5);
        for (int i = 0; i < b.length; i++) {
            b[i] += 0.05 * noise.nextGaussian();
        }
        LassoProblem problem = new LassoProblem(a, b, 1e-5, 2, null, SolverLimits.DEFAULT);
        Recovery r = new SparseFitMipSolver().solve(problem);
        assertThat(r.converged()).as(r.note()).isTrue();
        assertThat(Supports.nonZeros(r.z()).length).isLessThanOrEqualTo(2);

        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 10; i++) {
            for (int j = i + 1; j < 10; j++) {
                best = Math.min(best, L1FitOnPair.misfit(a, b, i, j));
            }
        }
        double found = DenseMatrices.norm1(DenseMatrices.residual(a, r.z(), b));
        assertThat(found).isCloseTo(best, within(1e-7));
    }

    @Test
    void timeLimitHitIsReportedWithTheIncumbent() {
        double[][] a = MeasurementMatrices.gaussianNormalized(40, 400, 3);
        double[] b = new double[40];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian(); // not sparse-generated: a hard instance
        }
        Recovery r = new SparseFitMipSolver().solve(
                new LassoProblem(a, b, 1e-5, 8, null, new SolverLimits(1000, 1e-9, 200)));
        assertThat(r.converged()).isFalse();
        assertThat(r.note()).contains("time limit of 200 ms hit");
        assertThat(Supports.nonZeros(r.z()).length).isLessThanOrEqualTo(8);
    }

    @Test
    void zeroSparsityGivesZero() {
        Planted planted = Planted.code(MeasurementMatrices.gaussianNormalized(5, 8, 1), 2, 1);
        Recovery r = new SparseFitMipSolver().solve(
                new LassoProblem(planted.a(), planted.b(), 1e-5, 0, null, SolverLimits.DEFAULT));
        assertThat(r.z()).containsOnly(0.0);
    }

    /** min ||a_i x + a_j y - b||₁ over two coefficients, by a tiny LP through the lp solver's own code path. */
    private static final class L1FitOnPair {
        static double misfit(double[][] a, double[] b, int i, int j) {
            // Exact ℓ1 regression on two columns: an optimum interpolates 2 of the m rows (LP vertex), so try all pairs.
            double best = Double.POSITIVE_INFINITY;
            for (int r1 = 0; r1 < a.length; r1++) {
                for (int r2 = r1 + 1; r2 < a.length; r2++) {
                    double det = a[r1][i] * a[r2][j] - a[r1][j] * a[r2][i];
                    if (Math.abs(det) < 1e-12) {
                        continue;
                    }
                    double x = (b[r1] * a[r2][j] - a[r1][j] * b[r2]) / det;
                    double y = (a[r1][i] * b[r2] - b[r1] * a[r2][i]) / det;
                    double sum = 0;
                    for (int r = 0; r < a.length; r++) {
                        sum += Math.abs(a[r][i] * x + a[r][j] * y - b[r]);
                    }
                    best = Math.min(best, sum);
                }
            }
            return best;
        }
    }
}
