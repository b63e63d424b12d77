package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MetricsTableTest {
    @TempDir
    Path dir;

    @Test
    void appendsRowsUnderTheHeaderAndTruncatesForResume() throws IOException {
        MetricsTable table = new MetricsTable(dir.resolve("m.csv"), List.of("epoch", "loss"));
        table.append(List.of("0", MetricsTable.format(2.5)));
        table.append(List.of("1", MetricsTable.format(1.25)));
        table.append(List.of("2", MetricsTable.format(0.5)));
        assertThat(Files.readString(dir.resolve("m.csv"))).isEqualTo("epoch,loss\n0,2.5\n1,1.25\n2,0.5\n");

        table.retainBelow(2);
        assertThat(table.rows()).containsExactly(List.of("0", "2.5"), List.of("1", "1.25"));
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void rejectsMalformedRowsAndForeignFiles() throws IOException {
        MetricsTable table = new MetricsTable(dir.resolve("m.csv"), List.of("epoch", "loss"));
        assertThatThrownBy(() -> table.append(List.of("0"))).hasMessageContaining("2 columns");
        Files.writeString(dir.resolve("m.csv"), "epoch,acc\n");
        assertThatThrownBy(() -> table.append(List.of("0", "1"))).hasMessageContaining("expected 'epoch,loss'");
    }

    @Test
    void valuesWithCommasQuotesOrLineBreaksAreQuotedAndReadBack() throws IOException {
        MetricsTable table = new MetricsTable(dir.resolve("m.csv"), List.of("epoch", "label"));
        table.append(List.of("0", "a,b"));
        table.append(List.of("1", "say \"x\"\nthen y"));
        table.append(List.of("2", "plain@0+sep_conv_3x3@1"));

        assertThat(Files.readString(dir.resolve("m.csv")))
                .isEqualTo("epoch,label\n0,\"a,b\"\n1,\"say \"\"x\"\"\nthen y\"\n2,plain@0+sep_conv_3x3@1\n");
        table.retainBelow(2);
        assertThat(table.rows()).containsExactly(List.of("0", "a,b"), List.of("1", "say \"x\"\nthen y"));
    }

    @Test
    void aKeyThatIsNotAWholeNumberIsReportedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("m.csv"), "epoch,loss\n0,1.5\n\nx,2\n");
        MetricsTable table = new MetricsTable(dir.resolve("m.csv"), List.of("epoch", "loss"));
        assertThatThrownBy(() -> table.retainBelow(3))
                .hasMessage(dir.resolve("m.csv") + " line 4, column 1 (epoch): 'x' is not a whole number");
    }

    @Test
    void aFileWithAnOlderShorterHeaderKeepsItAndRowsAreCutToIt() throws IOException {
        Path file = dir.resolve("codes.csv");
        Files.writeString(file, "epoch,x\n0,0.5\n");
        MetricsTable table = new MetricsTable(file, List.of("epoch", "x", "x_iterations"));

        table.append(List.of("1", "0.25", "17"));

        assertThat(Files.readString(file)).isEqualTo("epoch,x\n0,0.5\n1,0.25\n");
        Files.writeString(file, "epoch,y\n");
        assertThatThrownBy(() -> table.append(List.of("2", "1", "1"))).hasMessageContaining("or a leading part of it");
    }
}
