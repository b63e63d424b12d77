package org.istanas.api.genotype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class GenotypeRenderingTest {
    @Test
    void textShowsEveryNodeWithItsTwoInputs() {
        assertThat(GenotypeText.render(Genotypes.DARTS_V2, CellType.NORMAL)).isEqualTo("""
                normal cell: 4 nodes, output = concat(node 2, node 3, node 4, node 5)
                  node 2 = sep_conv_3x3(c_{k-2}) + sep_conv_3x3(c_{k-1})
                  node 3 = sep_conv_3x3(c_{k-2}) + sep_conv_3x3(c_{k-1})
                  node 4 = sep_conv_3x3(c_{k-1}) + skip_connect(c_{k-2})
                  node 5 = skip_connect(c_{k-2}) + dil_conv_3x3(node 2)
                """);
        assertThat(GenotypeText.render(Genotypes.DARTS_V2))
                .startsWith("normal cell:")
                .contains("\nreduce cell: 4 nodes")
                .contains("  node 5 = skip_connect(node 2) + max_pool_3x3(c_{k-1})\n");
    }

    @Test
    void dotHasOneLabelledEdgePerEntryAndOneOutputEdgePerConcatNode() {
        String dot = GenotypeDot.render(Genotypes.ISTA_TWOSTAGE);
        assertThat(dot).startsWith("digraph genotype {").endsWith("}\n")
                .contains("subgraph cluster_normal {", "subgraph cluster_reduce {");
        assertThat(count(dot, '{')).isEqualTo(count(dot, '}'));

        // Rebuild the genotype's edges from the DOT text alone and compare.
        for (CellType type : CellType.values()) {
            String cell = type == CellType.NORMAL ? "normal" : "reduce";
            Matcher edge = Pattern.compile(cell + "_(in|n)(\\d) -> " + cell + "_n(\\d) \\[label=\"(\\w+)\"]")
                    .matcher(dot);
            List<GenotypeEdge> parsed = new ArrayList<>();
            while (edge.find()) {
                int from = Integer.parseInt(edge.group(2)) + (edge.group(1).equals("n") ? 2 : 0);
                parsed.add(new GenotypeEdge(edge.group(4), from));
            }
            assertThat(parsed).as(cell).isEqualTo(Genotypes.ISTA_TWOSTAGE.edges(type));
            Matcher output = Pattern.compile(cell + "_n\\d -> " + cell + "_out").matcher(dot);
            assertThat(output.results().count()).isEqualTo(4);
        }
    }

    @Test
    void singleCellDotIsAStandaloneGraph() {
        String dot = GenotypeDot.render(Genotypes.DARTS_V1, CellType.REDUCE);
        assertThat(dot).startsWith("digraph reduce {").doesNotContain("cluster").contains("n3 -> out");
        assertThat(dot).contains("in0 -> n0 [label=\"max_pool_3x3\"]");
    }

    @Test
    void dotEscapesQuotesInOperationNames() {
        Genotype odd = new Genotype(List.of(new GenotypeEdge("we\"ird", 0), new GenotypeEdge("back\\slash", 1)),
                List.of(2), List.of(new GenotypeEdge("a", 0), new GenotypeEdge("b", 1)), List.of(2));
        assertThat(GenotypeDot.render(odd)).contains("[label=\"we\\\"ird\"]", "[label=\"back\\\\slash\"]");
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
