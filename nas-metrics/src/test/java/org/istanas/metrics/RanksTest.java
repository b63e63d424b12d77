package org.istanas.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class RanksTest {

    @Test
    void averageRanksShareTheMeanPosition() {
        // 10 -> position 1; the two 20s occupy positions 2 and 3 -> 2.5 each; 30 -> 4
        assertThat(Ranks.average(new double[] {10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
        // the three 5s occupy positions 1..3 -> 2 each; 7 -> 4; ranks come back in input order
        assertThat(Ranks.average(new double[] {7, 5, 5, 5})).containsExactly(4, 2, 2, 2);
    }

    @Test
    void denseRanksTreatSignedZerosAsEqual() {
        assertThat(Ranks.dense(new double[] {3.5, -0.0, 0.0, -2, 3.5})).containsExactly(2, 1, 1, 0, 2);
    }
}
