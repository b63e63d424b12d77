package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvFileTest {
    @TempDir
    Path dir;

    @Test
    void plainValuesAreWrittenAsTheyAlwaysWere() {
        // the text of a metrics.csv of an earlier version, joined by hand
        List<String> header = List.of("epoch", "train_loss", "valid_acc", "normal_n2", "seconds");
        List<String> row = List.of("0", "2.3025850929940455", "NaN", "sep_conv_3x3@0+skip_connect@1", "1.25E-4");
        assertThat(CsvFile.text(header, List.of(row, row)))
                .isEqualTo(String.join(",", header) + "\n" + String.join(",", row) + "\n" + String.join(",", row) + "\n");
    }

    @Test
    void readsQuotedValuesAndNamesTheLineEachRowEndsOn() throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "a,b\n1,\"x,\ny\"\n\n   \n2,3\n");
        CsvFile table = CsvFile.read(file);
        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rows()).containsExactly(new CsvFile.Row(3, List.of("1", "x,\ny")),
                new CsvFile.Row(6, List.of("2", "3")));
        assertThat(table.lastRow().values()).containsExactly("2", "3");
        assertThat(table.column("b")).isEqualTo(1);
        assertThat(table.column("c")).isEqualTo(-1);
        assertThat(table.number(table.lastRow(), 1)).isEqualTo(3.0);
    }

    @Test
    void numbersThatAreMissingOrMalformedNameFileLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "epoch,seconds\n0,1.5\n1,slow\n2\n");
        CsvFile table = CsvFile.read(file);
        assertThatThrownBy(() -> table.number(table.rows().get(1), 1))
                .hasMessage(file + " line 3, column 2 (seconds): 'slow' is not a number");
        assertThatThrownBy(() -> table.number(table.rows().get(2), 1))
                .hasMessage(file + " line 4, column 2 (seconds): missing; the row has 1 values");
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "a,b\n1,\"open\n");
        assertThatThrownBy(() -> CsvFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not readable as CSV");
    }

    @Test
    void anEmptyFileHasNoHeaderAndNoRows() throws IOException {
        CsvFile table = CsvFile.read(Files.writeString(dir.resolve("t.csv"), ""));
        assertThat(table.header()).isEmpty();
        assertThat(table.lastRow()).isNull();
    }
}
