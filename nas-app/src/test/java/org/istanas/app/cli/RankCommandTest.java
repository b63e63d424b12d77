package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class RankCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return new CommandLine(new RankCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void mapsEveryOptionOntoTheTool() throws IOException {
        // x = 1 2 3 4 5, y = 3 1 2 5 4: C = 7, D = 3, tau-a = 0.4 (see KendallTest in nas-metrics)
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, "x,y\n1,3\n2,1\n3,2\n4,5\n5,4\n");
        int status = execute("--csv", csv.toString(), "--x", "x", "--y", "y", "--method", "kendall-a", "--top-k", "2",
                "--bootstrap", "50", "--seed", "5", "--ci-level", "0.8", "--json");
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("{\"method\":\"kendall-a\",\"value\":0.4,\"n\":5,")
                .contains("\"ciLevel\":0.8,\"bootstrap\":50,\"seed\":5,").contains("\"topK\":2,");
    }

    @Test
    void badOptionValuesAndMissingColumnsExitWithStatusTwo() throws IOException {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, "x,y\n1,3\n2,1\n");
        assertThat(execute("--csv", csv.toString(), "--x", "x", "--y", "y", "--top-k", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("istanas: --top-k must be >= 1, got 0");
        assertThat(execute("--csv", csv.toString(), "--x", "x", "--y", "z")).isEqualTo(2);
        assertThat(err.toString()).contains("available columns: x, y");
        assertThat(execute("--csv", csv.toString(), "--x", "x")).isEqualTo(2); // picocli: missing --y
        assertThat(err.toString()).contains("Missing required option: '--y=COL'");
    }
}
