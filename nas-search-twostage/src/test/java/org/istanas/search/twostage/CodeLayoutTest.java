package org.istanas.search.twostage;

import org.istanas.search.toolkit.CodeLayout;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.istanas.api.op.OpSpec;
import org.junit.jupiter.api.Test;

final class CodeLayoutTest {
    /** Names only: the layout never builds an op. */
    record NamedOp(String name) implements CandidateOperation {
        @Override
        public String description() {
            return name;
        }

        @Override
        public OpBlock build(OpBuilder builder, OpSpec spec) {
            throw new UnsupportedOperationException();
        }
    }

    static final List<CandidateOperation> PAPER_OPS = List.of(new NamedOp("max_pool_3x3"), new NamedOp("avg_pool_3x3"),
            new NamedOp("skip_connect"), new NamedOp("sep_conv_3x3"), new NamedOp("sep_conv_5x5"),
            new NamedOp("dil_conv_3x3"), new NamedOp("dil_conv_5x5"));

    private final CodeLayout layout = new CodeLayout(PAPER_OPS, 4);

    @Test
    void indexMapsToInputAndOpAsTheOfficialCode() {
        // k // 7 = input, PRIMITIVES[k % 7] = op
        assertThat(layout.candidates(0)).isEqualTo(14);
        assertThat(layout.candidates(3)).isEqualTo(35);
        assertThat(layout.op(12)).isEqualTo("dil_conv_3x3");
        assertThat(layout.input(12)).isEqualTo(1);
        assertThat(layout.op(16)).isEqualTo("skip_connect");
        assertThat(layout.input(16)).isEqualTo(2);
        assertThat(layout.codeColumns()).hasSize(2 * (14 + 21 + 28 + 35))
                .startsWith("normal_n2_in0_max_pool_3x3").endsWith("reduce_n5_in4_dil_conv_5x5");
        assertThat(layout.supportColumns()).containsExactly("normal_n2", "normal_n3", "normal_n4", "normal_n5",
                "reduce_n2", "reduce_n3", "reduce_n4", "reduce_n5");
    }

    @Test
    void genotypeListsTheChosenEntriesInOrder() {
        // ISTA_TWOSTAGE normal cell, node 2: (skip_connect, 0), (dil_conv_3x3, 1) = entries 2 and 12
        int[][] normal = {{2, 12}, {4, 19}, {12, 3}, {17, 2}};
        int[][] reduce = {{1, 11}, {20, 7}, {27, 10}, {34, 11}};
        Genotype g = layout.genotype(normal, reduce);
        assertThat(g.normal().subList(0, 4)).containsExactly(new GenotypeEdge("skip_connect", 0),
                new GenotypeEdge("dil_conv_3x3", 1), new GenotypeEdge("sep_conv_5x5", 0),
                new GenotypeEdge("dil_conv_3x3", 2));
        assertThat(g.reduce().get(7)).isEqualTo(new GenotypeEdge("sep_conv_5x5", 1));
        assertThat(g.normalConcat()).containsExactly(2, 3, 4, 5);
        assertThat(layout.label(normal[0])).isEqualTo("skip_connect@0+dil_conv_3x3@1");
    }

    @Test
    void dartsProjectionKeepsTwoDistinctStrongestEdges() {
        CodeLayout one = new CodeLayout(PAPER_OPS, 2);
        double[][] codes = new double[2][];
        codes[0] = new double[14];
        // input 0: best op sep_conv_3x3 (0.4); input 1: two strong ops on one edge (0.5 and 0.45)
        codes[0][3] = 0.4;
        codes[0][7 + 4] = 0.5;
        codes[0][7 + 5] = 0.45;
        codes[1] = new double[21];
        codes[1][2] = 0.3;
        codes[1][7 + 6] = 0.31;
        codes[1][14] = 0.9;
        int[][] chosen = DartsJob.project(codes, one, -1);
        // strongest edge first; the second op of input 1 is not taken (one op per edge)
        assertThat(chosen[0]).containsExactly(11, 3);
        assertThat(chosen[1]).containsExactly(14, 13);
        assertThat(DartsJob.softmax(new double[] {0, Math.log(3)})).containsExactly(0.25, 0.75);
    }
}
