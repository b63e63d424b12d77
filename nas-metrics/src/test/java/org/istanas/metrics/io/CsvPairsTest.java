package org.istanas.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvPairsTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsTwoColumnsAndSkipsUnusableRowsWithReasons() throws IOException {
        Path file = csv("runs.csv", """
                seed, search_acc ,eval_acc,note
                1,91.5,97.1,ok
                2,,97.0,empty search value
                3,90.2,abc,typo
                4,"89.9",96.8,"quoted, with comma"
                5,NaN,96.0,nan
                6,88.0
                7,1e1,9.5E1,scientific
                """);
        PairedColumns p = CsvPairs.read(file, "search_acc", "eval_acc");
        assertThat(p.x()).containsExactly(91.5, 89.9, 10.0);
        assertThat(p.y()).containsExactly(97.1, 96.8, 95.0);
        assertThat(p.n()).isEqualTo(3);
        assertThat(p.skipped()).isEqualTo(4);
        assertThat(p.skippedSample()).extracting(SkippedRow::toString).containsExactly(
                "row 2: x value is empty",
                "row 3: y value 'abc' is not a number",
                "row 5: x value 'NaN' is not finite",
                "row 6: y value is missing (the row has only 2 cells)");
    }

    @Test
    void missingColumnListsTheAvailableOnes() throws IOException {
        Path file = csv("runs.csv", "seed,Search_Acc,eval_acc\n1,2,3\n");
        assertThatThrownBy(() -> CsvPairs.read(file, "search_acc", "eval_acc"))
                .isInstanceOf(CsvInputException.class)
                .hasMessage("column 'search_acc' (--x) not found in " + file
                        + "; available columns: seed, Search_Acc, eval_acc (did you mean 'Search_Acc'?)");
        assertThatThrownBy(() -> CsvPairs.read(file, "seed", "acc"))
                .hasMessageContaining("column 'acc' (--y) not found").hasMessageEndingWith("Search_Acc, eval_acc");
    }

    @Test
    void missingEmptyAndMalformedFilesAreNamed() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvPairs.read(missing, "a", "b"))
                .isInstanceOf(CsvInputException.class).hasMessage("CSV file not found: " + missing);
        Path empty = csv("empty.csv", "");
        assertThatThrownBy(() -> CsvPairs.read(empty, "a", "b")).hasMessageContaining(empty + " is empty");
        Path duplicate = csv("dup.csv", "a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> CsvPairs.read(duplicate, "a", "b"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining(duplicate + " is malformed");
        Path unclosed = csv("quote.csv", "a,b\n1,\"2\n3,4\n");
        assertThatThrownBy(() -> CsvPairs.read(unclosed, "a", "b"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining(unclosed.toString());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'a', ',', 'b', '\n', (byte) 0xE9, ',', '1', '\n'});
        assertThatThrownBy(() -> CsvPairs.read(latin1, "a", "b")).hasMessageContaining("is not UTF-8");
        assertThatThrownBy(() -> CsvPairs.read(dir, "a", "b")).isInstanceOf(CsvInputException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void byteOrderMarkAndTabSeparatedFilesAreRead() throws IOException {
        Path bom = csv("bom.csv", "\uFEFFx,y\n1,2\n3,4\n");
        assertThat(CsvPairs.read(bom, "x", "y").x()).containsExactly(1, 3);
        Path tsv = csv("runs.tsv", "x\ty\n1\t2\n3\t4\n");
        assertThat(CsvPairs.read(tsv, "x", "y").y()).containsExactly(2, 4);
    }

    @Test
    void writtenPairsReadBackExactly() throws IOException {
        Path file = dir.resolve("out/pairs.csv");
        double[] x = {0.1 + 0.2, 97.125, -1e-300, Double.NaN};
        double[] y = {1.0 / 3, 96.5, 5e10, 2.0};
        CsvPairs.writePairs(file, "run", List.of("seed-1", "seed,2", "seed \"3\"", "seed-4"), "search", x, "eval", y);
        assertThat(Files.readString(file)).startsWith("run,search,eval\nseed-1,0.30000000000000004,0.3333333333333333\n"
                + "\"seed,2\",97.125,96.5\n");
        PairedColumns back = CsvPairs.read(file, "search", "eval");
        assertThat(back.x()).containsExactly(Arrays.copyOf(x, 3));
        assertThat(back.y()).containsExactly(Arrays.copyOf(y, 3));
        assertThat(back.skipped()).isEqualTo(1); // the NaN was written as an empty cell
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left behind
    }

    @Test
    void writeRefusesRaggedInput() {
        assertThatThrownBy(() -> CsvPairs.writePairs(dir.resolve("p.csv"), "run", List.of("a"), "x",
                new double[] {1, 2}, "y", new double[] {1, 2})).hasMessageContaining("same length, got 1, 2 and 2");
        assertThatThrownBy(() -> CsvPairs.writeTable(dir.resolve("t.csv"), List.of("a", "b"), List.of(List.of(1))))
                .hasMessageContaining("row 1 has 1 cells");
        assertThat(dir.resolve("t.csv")).doesNotExist();
    }
}
