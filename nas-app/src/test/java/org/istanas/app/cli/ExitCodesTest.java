package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 9: one exit-code rule for every command (2 = the command line asks for something impossible,
 * 1 = a failure with files or data) and one message prefix, {@code istanas: }.
 */
final class ExitCodesTest {
    @TempDir
    Path dir;

    private record Case(int expected, String[] args) {
    }

    private static Case usage(String... args) {
        return new Case(2, args);
    }

    private static Case failure(String... args) {
        return new Case(1, args);
    }

    @Test
    void everyCommandFollowsTheRuleAndThePrefix() throws IOException {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "x,y\n1,2\n2,3\n3,1\n");
        Path matrix = dir.resolve("A.csv");
        Files.writeString(matrix, "1,0\n0,1\n");
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "1\n0\n");
        Path out = dir.resolve("never");
        List<Case> cases = List.of(
                usage("search", "--preset", "nope", "--out", out.toString()),
                usage("search", "--strategy", "nope", "--out", out.toString()),
                usage("search", "--solver", "nope", "--out", out.toString()),
                usage("search", "--dataset", "nope", "--out", out.toString()),
                usage("search", "--dataset", "cifar10", "--out", out.toString()),
                usage("search", "--preset", "smoke", "--set", "epochs=abc", "--out", out.toString()),
                usage("search", "--preset", "smoke", "--set", "noSuchKey=1", "--out", out.toString()),
                usage("search", "--preset", "smoke", "--set", "epochs=0", "--out", out.toString()),
                usage("evaluate", "--genotype", "DARTS_V2", "--preset", "nope", "--out", out.toString()),
                usage("evaluate", "--genotype", "NOPE", "--out", out.toString()),
                usage("evaluate", "--genotype", "DARTS_V2", "--preset", "smoke", "--set", "epochs=x",
                        "--out", out.toString()),
                usage("consistency", "--runs", "0", "--out", out.toString()),
                usage("params", "--genotype", "NOPE"),
                usage("params", "--genotype", "DARTS_V2", "--network", "mobile"),
                usage("genotype", "show", "NOPE"),
                usage("data", "inspect", "--dataset", "nope"),
                usage("recover", "--solver", "nope", "--matrix", matrix.toString(), "--b", b.toString()),
                usage("recover", "--solver", "fista", "--matrix", matrix.toString(), "--b", b.toString(), "--sparsity", "-1"),
                usage("rank", "--csv", csv.toString(), "--x", "x", "--y", "nope"),
                usage("rank", "--csv", csv.toString(), "--x", "x", "--y", "y", "--method", "pearson"),
                usage("plugins", "--kind", "nope"),
                usage("search", "--no-such-option"),
                failure("search", "--dataset", "cifar10", "--data-dir", dir.resolve("no-data").toString(),
                        "--preset", "smoke", "--out", out.toString()),
                failure("rank", "--csv", dir.resolve("missing.csv").toString(), "--x", "x", "--y", "y"),
                failure("recover", "--solver", "fista", "--matrix", dir.resolve("missing.csv").toString(), "--b", b.toString()),
                failure("resume", "--run", dir.resolve("no-run").toString()),
                failure("evaluate", "--test-only", "--run", dir.resolve("no-run").toString()));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            MainTest.Result r = MainTest.run(c.args());
            String line = String.join(" ", c.args());
            if (r.exitCode() != c.expected()) {
                wrong.add(line + ": exit " + r.exitCode() + ", expected " + c.expected() + ": " + r.err());
            } else if (!r.err().startsWith("istanas: ")) {
                wrong.add(line + ": message does not start with 'istanas: ': " + r.err());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(out).doesNotExist();
    }
}
