package org.istanas.solvers.ista;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.solvers.Planted;
import org.istanas.solvers.matrix.DenseMatrices;
import org.istanas.api.solver.MeasurementMatrices;
import org.istanas.solvers.support.LassoOptimality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class ProximalGradientTest {
    private static final SolverLimits TIGHT = new SolverLimits(1_000_000, 1e-12, 60_000);

    /** A planted 3-sparse problem with λ a given fraction of λ_max = ||Aᵀb||∞ (above which z = 0). */
    private static LassoProblem problem(long seed, double lambdaFraction, SolverLimits limits) {
        double[][] a = MeasurementMatrices.gaussianNormalized(20, 40, seed);
        Planted planted = Planted.code(a, 3, seed);
        double[] atb = new double[40];
        DenseMatrices.multiplyTransposed(a, planted.b(), atb);
        return planted.problem(lambdaFraction * DenseMatrices.normInf(atb), limits);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void istaAndFistaSatisfyKktAndAgreeWithCoordinateDescent(long seed) {
        LassoProblem p = problem(seed, 0.05, TIGHT);
        Recovery ista = new IstaSolver().solve(p);
        Recovery fista = new FistaSolver().solve(p);
        double[] reference = CoordinateDescentLasso.solve(p.a(), p.b(), p.lambda());

        assertThat(ista.converged()).as(ista.note()).isTrue();
        assertThat(fista.converged()).as(fista.note()).isTrue();
        LassoOptimality.Report istaReport = LassoOptimality.check(p, ista.z(), 1e-6);
        LassoOptimality.Report fistaReport = LassoOptimality.check(p, fista.z(), 1e-6);
        assertThat(istaReport.optimal()).as(istaReport.toString()).isTrue();
        assertThat(fistaReport.optimal()).as(fistaReport.toString()).isTrue();
        assertThat(LassoOptimality.check(p, reference, 1e-6).optimal()).isTrue();
        for (int i = 0; i < reference.length; i++) {
            assertThat(ista.z()[i]).as("ista z[%d]", i).isCloseTo(reference[i], within(1e-8));
            assertThat(fista.z()[i]).as("fista z[%d]", i).isCloseTo(reference[i], within(1e-8));
        }
        assertThat(fista.objective()).isCloseTo(istaReport.objective(), within(1e-12));
    }

    @Test
    void fistaNeedsFarFewerIterationsThanPlainIsta() {
        for (long seed = 1; seed <= 3; seed++) {
            LassoProblem p = problem(seed, 1e-4, new SolverLimits(2_000_000, 1e-10, 60_000));
            Recovery ista = ProximalGradient.solve(p, false); // without the continuation IstaSolver adds
            Recovery continued = new IstaSolver().solve(p);
            assertThat(continued.converged()).as(continued.note()).isTrue();
            assertThat(continued.iterations()).isLessThan(ista.iterations());
            Recovery fista = new FistaSolver().solve(p);
            assertThat(ista.converged()).as(ista.note()).isTrue();
            assertThat(fista.converged()).as(fista.note()).isTrue();
            assertThat(fista.iterations() * 10).as("fista %d vs ista %d iterations", fista.iterations(),
                    ista.iterations()).isLessThan(ista.iterations());
        }
    }

    @Test
    void warmStartFromTheOptimumStopsAtOnce() {
        LassoProblem p = problem(4, 0.05, TIGHT);
        Recovery cold = new FistaSolver().solve(p);
        LassoProblem warm = new LassoProblem(p.a(), p.b(), p.lambda(), p.sparsity(), cold.z(), p.limits());
        Recovery again = new FistaSolver().solve(warm);
        assertThat(again.converged()).isTrue();
        assertThat(again.iterations()).isLessThan(cold.iterations() / 5);
        assertThat(LassoOptimality.check(p, again.z(), 1e-6).optimal()).isTrue();
    }

    @Test
    void iterationCapIsReportedAsNotConverged() {
        LassoProblem p = problem(5, 1e-4, new SolverLimits(7, 1e-12, 60_000));
        Recovery r = new IstaSolver().solve(p);
        assertThat(r.iterations()).isEqualTo(7);
        assertThat(r.converged()).isFalse();
        assertThat(r.note()).contains("iteration cap 7");
    }

    @Test
    void timeLimitIsReportedAsNotConverged() {
        double[][] a = MeasurementMatrices.gaussianNormalized(50, 1000, 8);
        Planted planted = Planted.code(a, 5, 8);
        Recovery r = new IstaSolver().solve(planted.problem(1e-9, new SolverLimits(100_000_000, 1e-14, 1)));
        assertThat(r.converged()).isFalse();
        assertThat(r.note()).startsWith("time limit of 1 ms hit");
        assertThat(r.iterations()).isLessThan(100_000_000);
    }

    @Test
    void matrixChangedInPlaceGetsAFreshStepSize() {
        LassoProblem p = problem(9, 0.05, TIGHT);
        assertThat(new FistaSolver().solve(p).converged()).isTrue(); // caches L for this array
        for (double[] row : p.a()) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= 10; // L grows 100-fold: a stale 1/L step would diverge
            }
        }
        Recovery r = new FistaSolver().solve(p);
        LassoOptimality.Report report = LassoOptimality.check(p, r.z(), 1e-6);
        assertThat(report.optimal()).as(report.toString()).isTrue();
    }

    @Test
    void lambdaAboveCriticalGivesZeroInOneStep() {
        LassoProblem p = problem(6, 1.5, TIGHT);
        for (Recovery r : new Recovery[] {new IstaSolver().solve(p), new FistaSolver().solve(p)}) {
            assertThat(r.z()).containsOnly(0.0);
            assertThat(r.converged()).isTrue();
            assertThat(r.objective()).isCloseTo(0.5 * DenseMatrices.norm2Squared(p.b()), within(1e-15));
        }
    }

    @Test
    void rejectsWarmStartOfWrongLength() {
        LassoProblem p = problem(7, 0.1, TIGHT);
        LassoProblem bad = new LassoProblem(p.a(), p.b(), p.lambda(), 2, new double[3], p.limits());
        assertThatThrownBy(() -> new FistaSolver().solve(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warmStart has length 3, expected n = 40");
    }

    /** Independent reference: cyclic coordinate descent with exact coordinate minimisation. */
    private static final class CoordinateDescentLasso {
        static double[] solve(double[][] a, double[] b, double lambda) {
            int n = a[0].length;
            double[] z = new double[n];
            double[] r = b.clone();
            double[] norms = new double[n];
            for (int j = 0; j < n; j++) {
                norms[j] = Math.pow(DenseMatrices.columnNorm(a, j), 2);
            }
            for (int sweep = 0; sweep < 100_000; sweep++) {
                double maxChange = 0;
                for (int j = 0; j < n; j++) {
                    double rho = 0;
                    for (int i = 0; i < a.length; i++) {
                        rho += a[i][j] * (r[i] + a[i][j] * z[j]);
                    }
                    double updated = Math.signum(rho) * Math.max(Math.abs(rho) - lambda, 0) / norms[j];
                    double delta = updated - z[j];
                    if (delta != 0) {
                        for (int i = 0; i < a.length; i++) {
                            r[i] -= a[i][j] * delta;
                        }
                        z[j] = updated;
                        maxChange = Math.max(maxChange, Math.abs(delta));
                    }
                }
                if (maxChange < 1e-15) {
                    break;
                }
            }
            return z;
        }
    }
}
