package org.istanas.search.toolkit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class ScheduleAndSplitTest {
    @Test
    void cosineMatchesPyTorchStepping() {
        CosineSchedule s = new CosineSchedule(0.2, 0.0, 4);
        // PyTorch CosineAnnealingLR(T_max=4): 0.2, 0.2(1+cos(pi/4))/2, 0.1, 0.2(1+cos(3pi/4))/2
        assertThat(s.at(0)).isEqualTo(0.2);
        assertThat(s.at(1)).isCloseTo(0.1707106781, within(1e-9));
        assertThat(s.at(2)).isCloseTo(0.1, within(1e-12));
        assertThat(s.at(3)).isCloseTo(0.0292893219, within(1e-9));
        assertThat(new CosineSchedule(0.025, 0.001, 50).at(0)).isEqualTo(0.025);
    }

    @Test
    void splitByIndexLikeTheOfficialCode() {
        IndexSplit split = IndexSplit.of(100, 10, 0.5, false, 1);
        assertThat(split.train()).containsExactly(0, 1, 2, 3, 4);
        assertThat(split.valid()).containsExactly(5, 6, 7, 8, 9);
    }

    @Test
    void shuffledSplitIsASeededPartition() {
        IndexSplit a = IndexSplit.of(50, 0, 0.5, true, 9);
        IndexSplit b = IndexSplit.of(50, 0, 0.5, true, 9);
        assertThat(a.train()).containsExactly(b.train());
        int[] all = IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.valid())).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 50).toArray());
        assertThat(a.train()).isNotEqualTo(IntStream.range(0, 25).toArray());
    }

    @Test
    void rejectsImpossibleSplits() {
        assertThatThrownBy(() -> IndexSplit.of(10, 20, 0.5, false, 1)).hasMessageContaining("trainImages is 20");
        assertThatThrownBy(() -> IndexSplit.of(1, 0, 0.5, false, 1)).hasMessageContaining("empty part");
    }
}
