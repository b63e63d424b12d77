package org.istanas.metrics.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.istanas.api.space.nb201.Nb201Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSearchTest {
    @TempDir
    static Path dir;
    static SyntheticBenchmarkTable synthetic;
    static TableSearch search;

    @BeforeAll
    static void table() throws IOException {
        synthetic = new SyntheticBenchmarkTable(11);
        search = new TableSearch(BenchmarkTable.read(synthetic.write(dir.resolve("t.csv"))), BenchmarkDataset.CIFAR10);
    }

    @Test
    void randomSearchOverTheWholeTableFindsTheOptimum() {
        TableSearchResult all = search.random(15_625, 3);
        assertThat(all.queries()).isEqualTo(15_625);
        assertThat(all.best().cell()).isEqualTo(synthetic.optimum());
    }

    @Test
    void searchesSpendExactlyTheirBudgetAndRepeatForTheSameSeed() {
        TableSearchResult a = search.random(100, 5);
        assertThat(a.queries()).isEqualTo(100);
        assertThat(a.trajectory()).hasSize(100).isSortedAccordingTo(Double::compare);
        assertThat(search.random(100, 5)).isEqualTo(a);
        TableSearchResult e = search.evolution(300, 20, 5, 5);
        assertThat(e.queries()).isEqualTo(300);
        assertThat(e.trajectory()).hasSize(300).isSortedAccordingTo(Double::compare);
        assertThat(search.evolution(300, 20, 5, 5)).isEqualTo(e);
        assertThat(e.trajectory().get(299)).isEqualTo(e.best().cifar10());
    }

    @Test
    void evolutionClimbsTheAdditiveLandscapeToItsOptimum() {
        // fitness is additive over edges, so every single-edge improvement is a step towards the optimum:
        // tournament selection plus single-edge mutation reaches it with 2,000 of the 15,625 cells queried,
        // where random search with the same budget (13% of the table) holds it with probability 0.13
        TableSearchResult result = search.evolution(2_000, 20, 5, 1);
        assertThat(result.best().cell()).isEqualTo(synthetic.optimum());
    }

    @Test
    void mutationChangesExactlyOneEdge() {
        Random random = new Random(0);
        Nb201Cell cell = Nb201Cell.uniform("nor_conv_3x3");
        for (int i = 0; i < 50; i++) {
            Nb201Cell child = TableSearch.mutate(cell, random);
            int changed = 0;
            for (int e = 0; e < Nb201Cell.EDGES; e++) {
                changed += child.op(e).equals(cell.op(e)) ? 0 : 1;
            }
            assertThat(changed).isEqualTo(1);
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> search.random(0, 1)).hasMessageContaining("budget must be 1..15625 queries, got 0");
        assertThatThrownBy(() -> search.evolution(10, 5, 6, 1)).hasMessageContaining("sample 6");
    }
}
