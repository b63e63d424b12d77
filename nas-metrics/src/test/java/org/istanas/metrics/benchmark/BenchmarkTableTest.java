package org.istanas.metrics.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Index;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTableTest {
    @TempDir
    static Path dir;
    static SyntheticBenchmarkTable synthetic;
    static BenchmarkTable table;

    @BeforeAll
    static void readGeneratedTable() throws IOException {
        synthetic = new SyntheticBenchmarkTable(7);
        table = BenchmarkTable.read(synthetic.write(dir.resolve("nb201.csv")));
    }

    @Test
    void rowsAreIndexedByCellAndString() {
        Nb201Cell all3x3 = Nb201Cell.uniform("nor_conv_3x3");
        BenchmarkEntry entry = table.lookup(all3x3);
        assertThat(entry.index()).isEqualTo(1462);
        assertThat(entry.cifar10()).isCloseTo(synthetic.cifar10(all3x3), within(1e-6));
        assertThat(entry.cifar100()).isCloseTo(synthetic.cifar10(all3x3) * 0.75, within(1e-6));
        assertThat(entry.uniqueString()).isEqualTo("u1462");
        // entries out of order in a node still find the row
        assertThat(table.lookup("|nor_conv_3x3~0|+|nor_conv_3x3~1|nor_conv_3x3~0|+|nor_conv_3x3~2|nor_conv_3x3~1|"
                + "nor_conv_3x3~0|")).isEqualTo(entry);
        assertThat(table.entries()).hasSize(15_625);
    }

    @Test
    void statsAgreeWithADirectComputation() {
        BenchmarkStats stats = new BenchmarkStats(table, BenchmarkDataset.CIFAR10);
        assertThat(stats.best().cell()).isEqualTo(synthetic.optimum());
        double[] all = Nb201Index.enumerate().stream().mapToDouble(synthetic::cifar10).sorted().toArray();
        assertThat(stats.median()).isCloseTo(all[7812], within(1e-5));
        BenchmarkEntry any = table.at(4242);
        long atMost = Arrays.stream(all).filter(a -> a <= any.cifar10() + 5e-7).count();
        assertThat(stats.percentile(any.cifar10())).isCloseTo(100.0 * atMost / 15_625, within(0.01));
        assertThat(stats.percentile(stats.best().cifar10())).isEqualTo(100.0);
        assertThat(stats.rank(stats.best().cifar10())).isEqualTo(1);
    }

    @Test
    void headerErrorsNameFileLineAndColumn() throws IOException {
        List<String> lines = synthetic.lines();
        lines.set(0, lines.get(0).replace("CIFAR100TestAccuracy200Epochs", "C100"));
        Path bad = SyntheticBenchmarkTable.write(dir.resolve("header.csv"), lines);
        assertThatThrownBy(() -> BenchmarkTable.read(bad)).isInstanceOf(BenchmarkTableException.class)
                .hasMessageStartingWith(bad + ": line 1, column 2: header has 'C100' where "
                        + "'CIFAR100TestAccuracy200Epochs' belongs");
    }

    @Test
    void rowErrorsNameFileLineAndColumn() throws IOException {
        List<String> lines = synthetic.lines();
        lines.set(11, lines.get(11).replaceFirst("^[^,]*", "ninety"));
        Path number = SyntheticBenchmarkTable.write(dir.resolve("number.csv"), lines);
        assertThatThrownBy(() -> BenchmarkTable.read(number))
                .hasMessage(number + ": line 12, column 1 (CIFAR10TestAccuracy200Epochs): 'ninety' is not a number");

        lines = synthetic.lines();
        lines.set(3, lines.get(3).replace("~1|", "~7|"));
        Path arch = SyntheticBenchmarkTable.write(dir.resolve("arch.csv"), lines);
        assertThatThrownBy(() -> BenchmarkTable.read(arch))
                .hasMessageStartingWith(arch + ": line 4, column 4 (ArchitectureString): node ");

        lines = synthetic.lines();
        String row5 = lines.get(5);
        lines.set(5, lines.get(6));
        lines.set(6, row5);
        Path swapped = SyntheticBenchmarkTable.write(dir.resolve("swapped.csv"), lines);
        assertThatThrownBy(() -> BenchmarkTable.read(swapped))
                .hasMessageContaining(swapped + ": line 6, column 4 (ArchitectureString): ")
                .hasMessageContaining("is nas-bench-201 index 5 but sits in row 4");

        lines = synthetic.lines();
        lines.remove(lines.size() - 1);
        Path short1 = SyntheticBenchmarkTable.write(dir.resolve("short.csv"), lines);
        assertThatThrownBy(() -> BenchmarkTable.read(short1))
                .hasMessage(short1 + ": 15624 rows after the header; expected 15625 (one per nas-bench-201 cell)");

        lines = synthetic.lines();
        lines.set(2, lines.get(2).replaceFirst("^[^,]*", "101.5"));
        Path range = SyntheticBenchmarkTable.write(dir.resolve("range.csv"), lines);
        assertThatThrownBy(() -> BenchmarkTable.read(range)).hasMessageContaining("line 3, column 1")
                .hasMessageContaining("not an accuracy in percent");

        assertThatThrownBy(() -> BenchmarkTable.read(dir.resolve("missing.csv")))
                .hasMessage(dir.resolve("missing.csv") + ": no such benchmark table");
    }
}
