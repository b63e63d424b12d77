package org.istanas.solvers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.istanas.solvers.Planted;
import org.istanas.solvers.SolversPlugin;
import org.istanas.api.solver.MeasurementMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RecoveryToolTest {
    @TempDir
    Path dir;

    /** A lookup with PluginCatalog's error format, over the built-in solvers. */
    private static final Function<String, SparseSolver> SOLVERS = name -> {
        Map<String, SparseSolver> byName = new SolversPlugin().solvers().stream()
                .collect(Collectors.toMap(SparseSolver::name, s -> s, (x, y) -> x, TreeMap::new));
        SparseSolver solver = byName.get(name);
        if (solver == null) {
            throw new IllegalArgumentException("unknown solver '" + name + "'; known: " + byName.keySet());
        }
        return solver;
    };

    private final RecoveryTool tool = new RecoveryTool(SOLVERS);

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Planted plantedFiles(String bLayout) throws IOException {
        double[][] a = MeasurementMatrices.gaussianNormalized(8, 16, 3);
        Planted planted = Planted.code(a, 2, 3);
        StringBuilder csv = new StringBuilder();
        for (double[] row : a) {
            for (int c = 0; c < row.length; c++) {
                csv.append(c == 0 ? "" : ", ").append(row[c]); // Double.toString round-trips exactly
            }
            csv.append('\n');
        }
        write("A.csv", csv.toString());
        String separator = bLayout.equals("column") ? "\n" : ",";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < planted.b().length; i++) {
            b.append(i == 0 ? "" : separator).append(planted.b()[i]);
        }
        write("b.csv", b + "\n\n");
        return planted;
    }

    @Test
    void jsonOutputHasTheDocumentedFields() throws IOException {
        Planted planted = plantedFiles("column");
        String json = tool.runAndFormat(RecoveryTool.Request.of("lp", dir.resolve("A.csv"), dir.resolve("b.csv")), true);
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("solver").asText()).isEqualTo("lp");
        assertThat(node.get("z")).hasSize(16);
        for (int k = 0; k < 16; k++) {
            assertThat(node.get("z").get(k).asDouble()).isCloseTo(planted.z()[k], within(1e-9));
        }
        int[] support = new int[] {node.get("support").get(0).asInt(), node.get("support").get(1).asInt()};
        java.util.Arrays.sort(support);
        assertThat(support).containsExactly(planted.support());
        assertThat(node.get("objective").isNumber()).isTrue();
        assertThat(node.get("iterations").isInt()).isTrue();
        assertThat(node.get("converged").asBoolean()).isTrue();
    }

    @Test
    void vectorOnOneLineAndTextOutput() throws IOException {
        plantedFiles("row");
        RecoveryTool.Request request = new RecoveryTool.Request("fista", dir.resolve("A.csv"), dir.resolve("b.csv"),
                1e-3, 2, SolverLimits.DEFAULT);
        RecoveryTool.Result result = tool.run(request);
        assertThat(result.recovery().converged()).isTrue();
        String text = RecoveryTool.toText(result);
        assertThat(text).contains("solver      fista").contains("converged   true").contains("support     [");
    }

    @Test
    void unknownSolverListsTheKnownOnes() throws IOException {
        plantedFiles("column");
        assertThatThrownBy(() -> tool.run(RecoveryTool.Request.of("mosek", dir.resolve("A.csv"), dir.resolve("b.csv"))))
                .hasMessage("unknown solver 'mosek'; known: [fista, ista, l0-mip, lp]");
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        Path b = write("b.csv", "1\n2\n");
        assertError(write("A1.csv", "1,2,3\n4,x,6\n"), b, "A1.csv line 2, column 2: 'x' is not a number");
        assertError(write("A2.csv", "1,2,3\n4,NaN,6\n"), b, "A2.csv line 2, column 2: NaN is not a finite number");
        assertError(write("A3.csv", "1,2,3\n\n4,5\n"), b, "A3.csv line 3: 2 values, expected 3 like line 1");
        assertError(write("A4.csv", "\n  \n"), b, "A4.csv: no numbers found");
        assertError(write("A5.csv", "1,2,3,\n4,5,6,\n"), b, "A5.csv line 1, column 4: empty value (trailing comma?)");
        assertError(write("A6.csv", "1 2 3\n"), b, "A6.csv line 1, column 1: '1 2 3' is not a number (values must be separated by commas)");
        assertError(dir.resolve("missing.csv"), b, "missing.csv: file not found");
        Path a = write("A.csv", "1,2,3\n4,5,6\n7,8,9\n");
        assertError(a, b, "b.csv has 2 numbers but " + a + " has 3 rows");
        assertError(write("A7.csv", "1,2,3\n4,5,6\n"), write("b2.csv", "1,2\n3,4\n"),
                "b2.csv line 1: 2 values; a vector needs one number per line or all numbers on a single line");
        assertError(write("A8.csv", "1,2,3\n4,5,6\n"), write("b3.csv", "1\n-Infinity\n"),
                "b3.csv line 2, column 1: -Infinity is not a finite number");
        assertThatThrownBy(() -> tool.run(new RecoveryTool.Request("fista", write("A9.csv", "1,2\n3,4\n"),
                write("b4.csv", "1,2"), 1e-5, 3, SolverLimits.DEFAULT)))
                .hasMessageContaining("--sparsity 3 exceeds the 2 columns of");
        assertThatThrownBy(() -> new RecoveryTool.Request("fista", a, b, -1, 2, SolverLimits.DEFAULT))
                .hasMessageContaining("--lambda must be a finite number >= 0, got -1.0");
    }

    @Test
    void byteOrderMarkAndCommentsAreIgnored() throws IOException {
        Path a = write("A.csv", "\uFEFF# a 2 x 2 identity\n1, 0\n0, 1\n");
        Path b = write("b.csv", "3\n-4\n");
        RecoveryTool.Result result = tool.run(new RecoveryTool.Request("lp", a, b, 0, 2, SolverLimits.DEFAULT));
        assertThat(result.recovery().z()).containsExactly(3, -4);
        assertThat(result.support()).containsExactly(1, 0);
    }

    @Test
    void quotedValuesAndIndentedCommentsAreReadAndLinesCountPastComments() throws IOException {
        Path a = write("A.csv", "# a 2 x 2 identity\n  # indented, with a comma\n\"1\", 0\n\n0 , \" 1 \"\n");
        Path b = write("b.csv", "3\n-4\n");
        RecoveryTool.Result result = tool.run(new RecoveryTool.Request("lp", a, b, 0, 2, SolverLimits.DEFAULT));
        assertThat(result.recovery().z()).containsExactly(3, -4);
        assertError(write("A10.csv", "1,2\n# comment\n\n  \n3,x\n"), b, "A10.csv line 5, column 2: 'x' is not a number");
        assertError(write("A11.csv", "1,2\n3,\"4\n"), b, "A11.csv: not readable as CSV");
    }

    private void assertError(Path a, Path b, String message) {
        assertThatThrownBy(() -> tool.run(RecoveryTool.Request.of("fista", a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
