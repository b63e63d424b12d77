package org.istanas.api.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class MeasurementMatricesTest {
    @Test
    void uniformIsSeededAndInUnitInterval() {
        double[][] a = MeasurementMatrices.uniform(50, 40, 7);
        assertThat(MeasurementMatrices.uniform(50, 40, 7)).isDeepEqualTo(a);
        assertThat(MeasurementMatrices.uniform(50, 40, 8)[0]).isNotEqualTo(a[0]);
        double sum = 0;
        for (double[] row : a) {
            for (double v : row) {
                assertThat(v).isGreaterThanOrEqualTo(0).isLessThan(1);
                sum += v;
            }
        }
        assertThat(sum / 2000).isCloseTo(0.5, within(0.03)); // 2000 draws: std of the mean ≈ 0.0065
    }

    @Test
    void gaussianColumnsHaveUnitNormAndAreNearlyCentered() {
        double[][] a = MeasurementMatrices.gaussianNormalized(30, 200, 3);
        assertThat(MeasurementMatrices.gaussianNormalized(30, 200, 3)).isDeepEqualTo(a);
        double sum = 0;
        for (int c = 0; c < 200; c++) {
            assertThat(columnNorm(a, c)).isCloseTo(1, within(1e-12));
            for (double[] row : a) {
                sum += row[c];
            }
        }
        // entries ~ N(0, 1/m): their mean over 6000 draws has std 1/sqrt(30·6000) ≈ 0.0024
        assertThat(sum / 6000).isCloseTo(0, within(0.012));
    }

    @Test
    void rejectsEmptyShapes() {
        assertThatThrownBy(() -> MeasurementMatrices.uniform(0, 3, 1)).hasMessageContaining("0 x 3");
    }

    private static double columnNorm(double[][] a, int c) {
        double squares = 0;
        for (double[] row : a) {
            squares += row[c] * row[c];
        }
        return Math.sqrt(squares);
    }
}
