package org.istanas.api.space.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class Nb201SupportTest {
    private static final List<String> OPS = List.of("skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    @Test
    void perEdgeKeepsTheLargestMagnitudeOfEachSourceGroup() {
        // node 1 (NB201 node 2): sources 0 and 1; |-0.9| wins in group 0 (index 2), 0.5 in group 1 (index 4)
        assertThat(Nb201Support.perEdge(new double[] {0.1, 0.2, -0.9, 0.3, 0.5, -0.4, 0.0, 0.1}, 1, 4))
                .containsExactly(2, 4);
        assertThat(Nb201Support.perEdge(new double[] {0, 0, 0, 0}, 0, 4)).containsExactly(0);
        assertThatThrownBy(() -> Nb201Support.perEdge(new double[5], 0, 4)).hasMessageContaining("length 5");
    }

    @Test
    void theCellComesFromTheSupports() {
        Nb201Cell cell = Nb201Support.cell(List.of(new int[] {2}, new int[] {1, 7}, new int[] {0, 6, 11}), OPS);
        assertThat(Nb201ArchString.print(cell)).isEqualTo(
                "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|avg_pool_3x3~2|");
        assertThat(Nb201Support.cell(List.of(new int[] {2}, new int[] {1}, new int[] {11}), OPS).op(Nb201Cell.edge(0, 3)))
                .isEqualTo("none");
        assertThatThrownBy(() -> Nb201Support.cell(List.of(new int[] {2}, new int[] {1, 2}, new int[] {0}), OPS))
                .hasMessageContaining("edge 0->2 has two operations");
    }
}
