package org.istanas.search.onestage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.ops.OpsPlugin;
import org.istanas.search.toolkit.CodeLayout;
import org.junit.jupiter.api.Test;

final class ArchitectureStateTest {
    private static final double EPS = 1e-3;
    private static final CodeLayout LAYOUT = new CodeLayout(new OpsPlugin().operations(), 4);

    /** Random codes of the right lengths (entries in [-1, 1)). */
    private static double[][][] codes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] x = new double[2][4][];
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < 4; j++) {
                x[t][j] = random.doubles(LAYOUT.candidates(j), -1, 1).toArray();
            }
        }
        return x;
    }

    /** A copy of {@code x} where node (t, j) moved by exactly {@code distance} in L2 (spread over two entries). */
    private static double[][][] moved(double[][][] x, double[][] distance) {
        double[][][] y = new double[2][4][];
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < 4; j++) {
                y[t][j] = x[t][j].clone();
                double d = distance[t][j] / Math.sqrt(2);
                y[t][j][0] += d;
                y[t][j][1] -= d;
            }
        }
        return y;
    }

    private static ArchitectureState fresh(double[][][] x) {
        ArchitectureState state = new ArchitectureState(LAYOUT, 2, EPS);
        state.initialise(x);
        return state;
    }

    @Test
    void noFlagInEpochZeroEvenWhenNothingMoved() {
        double[][][] x = codes(1);
        ArchitectureState state = fresh(x);
        ArchitectureState.Update update = state.update(0, x, g -> true);
        assertThat(update.newlyFlagged()).isEmpty();
        assertThat(state.searching()).hasSize(8);
        assertThat(update.distances()[0][0]).isZero();
    }

    @Test
    void flagsExactlyTheNodesWhoseCodeMovedLessThanEpsilon() {
        double[][][] x = codes(2);
        ArchitectureState state = fresh(x);
        // normal n2 and n5, reduce n3 move by less than epsilon; the others by more
        double[][] distance = {{0.4 * EPS, 3 * EPS, 0.05, 0.9 * EPS}, {1.5 * EPS, 0.2 * EPS, 10 * EPS, 2.0}};
        ArchitectureState.Update update = state.update(1, moved(x, distance), g -> true);

        assertThat(update.newlyFlagged()).containsExactly(new NodeRef(CellType.NORMAL, 0),
                new NodeRef(CellType.NORMAL, 3), new NodeRef(CellType.REDUCE, 1));
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < 4; j++) {
                assertThat(update.distances()[t][j]).isCloseTo(distance[t][j], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(state.searching()).extracting(NodeRef::label)
                .containsExactly("normal_n3", "normal_n4", "reduce_n2", "reduce_n4", "reduce_n5");
        // flagged, but frozen only when the next epoch starts
        assertThat(state.frozen(new NodeRef(CellType.NORMAL, 0))).isFalse();
        assertThat(state.freezeFlagged()).containsExactlyElementsOf(update.newlyFlagged());
        assertThat(state.frozen(new NodeRef(CellType.NORMAL, 0))).isTrue();
        assertThat(state.freezeFlagged()).isEmpty();
        assertThat(state.allFrozen()).isFalse();
    }

    @Test
    void frozenNodesAreNotRecoveredAndKeepTheirCode() {
        double[][][] x = codes(3);
        ArchitectureState state = fresh(x);
        double[][] small = {{0, 0, 0, 0}, {0, 0, 0, 0}};
        state.update(1, moved(x, small), g -> true); // every node terminates
        assertThat(state.freezeFlagged()).hasSize(8);
        assertThat(state.allFrozen()).isTrue();
        double[] before = state.code(new NodeRef(CellType.REDUCE, 2));

        double[][][] nothing = new double[2][4][]; // frozen nodes need no recovered code
        ArchitectureState.Update update = state.update(2, nothing, g -> true);
        assertThat(update.newlyFlagged()).isEmpty();
        assertThat(state.code(new NodeRef(CellType.REDUCE, 2))).containsExactly(before);
    }

    @Test
    void rejectedCandidateKeepsTheOldCodesButTheFlagsItRaised() {
        double[][][] x = codes(4);
        ArchitectureState state = fresh(x);
        double[][] distance = {{0.5 * EPS, 0.5, 0.5, 0.5}, {0.5, 0.5, 0.5, 0.5}};
        double[][][] candidate = moved(x, distance);
        List<org.istanas.api.genotype.Genotype> proposed = new ArrayList<>();
        ArchitectureState.Update update = state.update(1, candidate, g -> {
            proposed.add(g);
            return false;
        });
        assertThat(update.accepted()).isFalse();
        assertThat(update.newlyFlagged()).containsExactly(new NodeRef(CellType.NORMAL, 0));
        assertThat(state.code(new NodeRef(CellType.NORMAL, 1))).containsExactly(x[0][1]);
        assertThat(proposed).hasSize(1);

        ArchitectureState.Update accepted = state.update(2, candidate, g -> true);
        assertThat(accepted.accepted()).isTrue();
        assertThat(state.code(new NodeRef(CellType.NORMAL, 1))).containsExactly(candidate[0][1]);
    }

    @Test
    void genotypeListsTheTwoLargestMagnitudesSecondLargestFirst() {
        double[][][] x = new double[2][4][];
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < 4; j++) {
                x[t][j] = new double[LAYOUT.candidates(j)];
            }
        }
        x[0][0][3] = 0.2;   // input 0, sep_conv_3x3
        x[0][0][9] = -0.7;  // input 1, skip_connect (index 9 = 7 + 2)
        x[0][0][0] = 0.05;  // third largest: dropped
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < 4; j++) {
                if (t != 0 || j != 0) {
                    x[t][j][0] = 0.3;
                    x[t][j][1] = 0.1;
                }
            }
        }
        ArchitectureState state = fresh(x);
        assertThat(state.support(new NodeRef(CellType.NORMAL, 0))).containsExactly(3, 9);
        assertThat(state.genotype().normal().subList(0, 2)).containsExactly(new GenotypeEdge("sep_conv_3x3", 0),
                new GenotypeEdge("skip_connect", 1));
    }

    @Test
    void stateRoundTripsThroughCheckpointBytes() throws IOException {
        double[][][] x = codes(5);
        ArchitectureState state = fresh(x);
        double[][] distance = {{0.5 * EPS, 0.5, 0.5, 0.5}, {0.5, 0.5, 0.5, 0.5 * EPS}};
        state.update(1, moved(x, distance), g -> true);
        state.freezeFlagged();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            state.write(out);
        }
        ArchitectureState copy = new ArchitectureState(LAYOUT, 2, EPS);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy.read(in);
        }
        assertThat(copy.searching()).isEqualTo(state.searching());
        assertThat(copy.genotype()).isEqualTo(state.genotype());
        assertThat(copy.frozen(new NodeRef(CellType.REDUCE, 3))).isTrue();
        assertThat(copy.code(new NodeRef(CellType.NORMAL, 2))).containsExactly(state.code(new NodeRef(CellType.NORMAL, 2)));
    }

    @Test
    void badInputIsNamed() {
        double[][][] x = codes(6);
        x[1][2] = new double[5];
        assertThatThrownBy(() -> fresh(x)).hasMessageContaining("reduce_n4").hasMessageContaining("28 entries, got 5");
        assertThatThrownBy(() -> new ArchitectureState(LAYOUT, 15, EPS)).hasMessageContaining("sparsity 15");
        assertThatThrownBy(() -> new ArchitectureState(LAYOUT, 2, 0)).hasMessageContaining("epsilon");
    }
}
