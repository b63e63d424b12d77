package org.istanas.api.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class SupportsTest {
    @Test
    void topSOrdersByMagnitudeWithLowerIndexWinningTies() {
        double[] z = {0.1, -3, 2, 0, 3, -0.5};
        assertThat(Supports.topS(z, 3)).containsExactly(1, 4, 2);
        assertThat(Supports.topS(z, 0)).isEmpty();
        assertThat(Supports.topS(new double[] {0, 0, 0}, 2)).containsExactly(0, 1);
    }

    @Test
    void distinctInputsSkipsASecondOpOnTheSameEdge() {
        // 3 input edges x 2 ops: edge 0 = {0,1}, edge 1 = {2,3}, edge 2 = {4,5}
        double[] z = {5, 4, 0, 0.1, 0, 3};
        assertThat(Supports.topS(z, 2)).containsExactly(0, 1);
        assertThat(Supports.topSDistinctInputs(z, 2, 2)).containsExactly(0, 5);
        assertThat(Supports.topSDistinctInputs(z, 3, 2)).containsExactly(0, 5, 3);
    }

    @Test
    void paperLayoutWithSevenOpsPerInput() {
        double[] z = new double[14]; // node 0: 2 inputs x 7 ops
        z[3] = 0.9;  // input 0, sep_conv_3x3
        z[5] = 0.8;  // input 0, dil_conv_3x3
        z[9] = -0.2; // input 1, skip_connect
        assertThat(Supports.topS(z, 2)).containsExactly(3, 5);
        assertThat(Supports.topSDistinctInputs(z, 2, 7)).containsExactly(3, 9);
    }

    @Test
    void rejectsImpossibleRequests() {
        assertThatThrownBy(() -> Supports.topS(new double[3], 4)).hasMessageContaining("s = 4");
        assertThatThrownBy(() -> Supports.topSDistinctInputs(new double[14], 3, 7))
                .hasMessageContaining("input edges (2)");
        assertThatThrownBy(() -> Supports.topSDistinctInputs(new double[10], 1, 7))
                .hasMessageContaining("not a multiple of opsPerInput = 7");
        assertThatThrownBy(() -> Supports.topS(new double[] {1, Double.NaN}, 1)).hasMessageContaining("z[1] is NaN");
    }

    @Test
    void nonZerosAndRestrict() {
        double[] z = {0, 2, 0, -1};
        assertThat(Supports.nonZeros(z)).containsExactly(1, 3);
        assertThat(Supports.restrict(z, new int[] {3})).containsExactly(0, 0, 0, -1);
    }
}
