package org.istanas.solvers.matrix;

import org.istanas.api.solver.MeasurementMatrices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class SpectralNormsTest {
    @Test
    void exactForAKnownSpectrum() {
        // A = U diag(3, 2) Vᵀ with U = rotation by 0.3, V = rotation by 1.1 (2 x 2): λ_max(AᵀA) = 9.
        double c1 = Math.cos(0.3);
        double s1 = Math.sin(0.3);
        double c2 = Math.cos(1.1);
        double s2 = Math.sin(1.1);
        double[][] u = {{c1, -s1}, {s1, c1}};
        double[][] vt = {{c2, s2}, {-s2, c2}};
        double[] d = {3, 2};
        double[][] a = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    a[i][j] += u[i][k] * d[k] * vt[k][j];
                }
            }
        }
        assertThat(SpectralNorms.lipschitzBound(a)).isGreaterThanOrEqualTo(9).isCloseTo(9, within(1e-7));
    }

    @Test
    void tallAndWideGiveTheSameValue() {
        double[][] a = MeasurementMatrices.uniform(7, 35, 2);
        double[][] t = new double[35][7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 35; j++) {
                t[j][i] = a[i][j];
            }
        }
        assertThat(SpectralNorms.lipschitzBound(t)).isCloseTo(SpectralNorms.lipschitzBound(a), within(1e-9));
    }

    @Test
    void powerIterationIsASafeTightBoundForLargeMatrices() {
        double[][] a = MeasurementMatrices.gaussianNormalized(250, 300, 9); // min(m, n) > EXACT_LIMIT
        double bound = SpectralNorms.lipschitzBound(a);
        double[][] gram = new double[250][250];
        for (int i = 0; i < 250; i++) {
            for (int j = 0; j < 250; j++) {
                for (int k = 0; k < 300; k++) {
                    gram[i][j] += a[i][k] * a[j][k];
                }
            }
        }
        double exact = SpectralNorms.largestEigenvalue(gram);
        assertThat(bound).isGreaterThanOrEqualTo(exact).isLessThanOrEqualTo(exact * 1.03);
        // and ||Av||² ≤ λ_max ||v||² for random v
        SplittableRandom random = new SplittableRandom(1);
        double[] v = new double[300];
        double[] av = new double[250];
        for (int trial = 0; trial < 5; trial++) {
            for (int k = 0; k < 300; k++) {
                v[k] = random.nextGaussian();
            }
            DenseMatrices.multiply(a, v, av);
            assertThat(DenseMatrices.norm2Squared(av)).isLessThanOrEqualTo(exact * DenseMatrices.norm2Squared(v));
        }
    }
}
