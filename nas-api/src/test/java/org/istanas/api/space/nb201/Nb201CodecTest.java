package org.istanas.api.space.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Nb201CodecTest {
    private static final String EXAMPLE =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
    private static final String BEST_C10 =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
    private static final String RESNET =
            "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";

    @Test
    void everyCellPrintsAndParsesBackToItself() {
        List<Nb201Cell> all = Nb201Index.enumerate();
        assertThat(all).hasSize(15_625);
        Set<String> strings = new HashSet<>();
        for (Nb201Cell cell : all) {
            String arch = cell.arch();
            assertThat(Nb201ArchString.parse(arch, "test")).isEqualTo(cell);
            strings.add(arch);
        }
        assertThat(strings).hasSize(15_625);
    }

    @Test
    void exampleStringMapsToTheDocumentedEdges() {
        Nb201Cell cell = Nb201Cell.parse(EXAMPLE);
        // e0 0->1, e1 0->2, e2 1->2, e3 0->3, e4 1->3, e5 2->3
        assertThat(cell.ops()).containsExactly("nor_conv_3x3", "nor_conv_3x3", "avg_pool_3x3", "skip_connect",
                "nor_conv_3x3", "skip_connect");
        assertThat(cell.arch()).isEqualTo(EXAMPLE);
    }

    @Test
    void indicesMatchTheBenchmarkForTheKnownCells() {
        assertThat(Nb201Index.indexOf(Nb201Cell.uniform("nor_conv_3x3"))).isEqualTo(1462);
        assertThat(Nb201Index.indexOf(Nb201Cell.uniform("skip_connect"))).isEqualTo(1835);
        assertThat(Nb201Index.indexOf(Nb201Cell.uniform("none"))).isEqualTo(1651);
        assertThat(Nb201Index.indexOf(Nb201Cell.parse(BEST_C10))).isEqualTo(6111);
        assertThat(Nb201Index.indexOf(Nb201Cell.parse(RESNET))).isEqualTo(11472);
        assertThat(Nb201Index.indexOf(Nb201Cell.parse(EXAMPLE))).isEqualTo(1);
        assertThat(Nb201Index.cellAt(6111).arch()).isEqualTo(BEST_C10);
    }

    @Test
    void indexIsAPermutationOfAllCells() {
        Set<Integer> seen = new HashSet<>();
        for (Nb201Cell cell : Nb201Index.enumerate()) {
            int index = Nb201Index.indexOf(cell);
            assertThat(Nb201Index.cellAt(index)).isEqualTo(cell);
            seen.add(index);
        }
        assertThat(seen).hasSize(15_625);
    }

    @Test
    void entriesInAnyOrderParseToTheCanonicalString() {
        String shuffled = "|nor_conv_3x3~0|+|avg_pool_3x3~1|nor_conv_3x3~0|+|skip_connect~2|nor_conv_3x3~1|skip_connect~0|";
        assertThat(Nb201Cell.parse(shuffled).arch()).isEqualTo(EXAMPLE);
    }

    @Test
    void malformedStringsNameTheNodeAndEntry() {
        assertThatThrownBy(() -> Nb201ArchString.parse("|nor_conv_3x3~0|+|none~0|", "x.json"))
                .hasMessageStartingWith("x.json: ").hasMessageContaining("2 node groups");
        assertThatThrownBy(() -> Nb201ArchString.parse("|a~0|+|b~0|+|c~0|d~1|e~2|", "s"))
                .hasMessageContaining("node 2 group '|b~0|' has 1 entries; expected 2");
        assertThatThrownBy(() -> Nb201ArchString.parse("|a~0|+|b~0|c~2|+|c~0|d~1|e~2|", "s"))
                .hasMessageContaining("node 2 entry 'c~2': source 2 is not an earlier node 0..1");
        assertThatThrownBy(() -> Nb201ArchString.parse("|a~0|+|b~0|c~0|+|c~0|d~1|e~2|", "s"))
                .hasMessageContaining("node 2 entry 'c~0': a second edge from node 0");
        assertThatThrownBy(() -> Nb201ArchString.parse("|a0|+|b~0|c~1|+|c~0|d~1|e~2|", "s"))
                .hasMessageContaining("node 1 entry 'a0' is not of the form op~source");
        assertThatThrownBy(() -> Nb201Index.indexOf(Nb201Cell.uniform("sep_conv_3x3")))
                .hasMessageContaining("not a nas-bench-201 operation");
    }

    @Test
    void genotypeFileHoldsTheSpaceAndTheOfficialString() {
        Nb201Space space = new Nb201Space();
        Nb201Cell cell = Nb201Cell.parse(EXAMPLE);
        String json = space.toJson(cell);
        assertThat(json.strip()).isEqualTo("{\"space\": \"nas-bench-201\", \"arch\": \"" + EXAMPLE + "\"}");
        assertThat(space.parse(json, "genotype.json")).isEqualTo(cell);
        assertThat(space.parse(EXAMPLE, "--genotype")).isEqualTo(cell);
        assertThatThrownBy(() -> space.parse("{\"space\": \"darts\", \"arch\": \"" + EXAMPLE + "\"}", "g.json"))
                .hasMessageStartingWith("g.json: field 'space'");
        assertThatThrownBy(() -> space.parse("{\"space\": \"nas-bench-201\", \"cell\": 1}", "g.json"))
                .hasMessageContaining("unknown field 'cell'");
        assertThatThrownBy(() -> space.parse("{\"space\": \"nas-bench-201\", \"arch\": \"|x~0|\"}", "g.json"))
                .hasMessageStartingWith("g.json: field 'arch': ");
    }

    @Test
    void renderingsShowEveryEdge() {
        Nb201Space space = new Nb201Space();
        Nb201Cell cell = Nb201Cell.parse(RESNET);
        assertThat(space.text(cell)).contains("node 2 = none(node 0) + nor_conv_3x3(node 1)")
                .contains("node 3 = skip_connect(node 0) + none(node 1) + skip_connect(node 2)   (output)");
        String dot = space.dot(cell);
        assertThat(dot).contains("n0 -> n2 [label=\"none\", style=dashed, color=gray];")
                .contains("n1 -> n2 [label=\"nor_conv_3x3\"];");
        assertThat(dot.lines().filter(l -> l.contains("->")).count()).isEqualTo(6);
    }

    @Test
    void unknownOperationIsNamedWithItsEdge() {
        Nb201Space space = new Nb201Space();
        Nb201Cell cell = Nb201Cell.parse("|nor_conv_3x3~0|+|none~0|nor_conv_5x5~1|+|skip_connect~0|none~1|skip_connect~2|");
        assertThatThrownBy(() -> space.checkOperations(cell, space.operations()))
                .hasMessageStartingWith("edge 2 (nor_conv_5x5~1 into node 2): unknown operation 'nor_conv_5x5'");
    }
}
