package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.ops.OpsPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class ParamsCommandTest {
    @TempDir
    Path dir;

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static String run(String... args) {
        ParamsCommand command = new ParamsCommand(new BuiltInOps());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void dartsV2CountsAsPublished() {
        assertThat(lastLine(run("--genotype", "DARTS_V2"))).isEqualTo("3349342");
        assertThat(lastLine(run("--genotype", "DARTS_V2", "--with-aux"))).isEqualTo("3825768");
    }

    @Test
    void imagenetDefaultsAndOptions() {
        assertThat(Math.round(Long.parseLong(lastLine(run("--genotype", "ISTA_ImageNet", "--network", "imagenet")))
                / 1000.0)).isEqualTo(5651);
        long small = Long.parseLong(lastLine(run("--genotype", "DARTS_V2", "--channels", "16", "--layers", "8")));
        long oneStage = Long.parseLong(lastLine(run("--genotype", "DARTS_V2", "--channels", "16", "--layers", "8",
                "--one-stage-bn")));
        assertThat(oneStage).isGreaterThan(small);
        long hundred = Long.parseLong(lastLine(run("--genotype", "DARTS_V2", "--classes", "100")));
        // only the classifier grows: 90 more outputs of 576 inputs plus bias
        assertThat(hundred - 3_349_342L).isEqualTo(90L * 576 + 90);
    }

    @Test
    void genotypeFileIsAccepted() throws IOException {
        Path file = dir.resolve("g.json");
        Files.writeString(file, GenotypeJson.toJson(Genotypes.ISTA_TWOSTAGE));
        assertThat(Math.round(Long.parseLong(lastLine(run("--genotype", file.toString()))) / 1000.0)).isEqualTo(3317);
    }

    /** A catalog with only the built-in operations. */
    private static final class BuiltInOps implements PluginCatalog {
        private final List<CandidateOperation> ops = OpsPlugin.paperOperations();

        @Override
        public CandidateOperation operation(String name) {
            return ops.stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown operation " + name));
        }

        @Override
        public List<CandidateOperation> operations() {
            return ops;
        }

        @Override
        public SearchStrategy strategy(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SearchStrategy> strategies() {
            return List.of();
        }

        @Override
        public SparseSolver solver(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SparseSolver> solvers() {
            return List.of();
        }

        @Override
        public DatasetProvider dataset(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DatasetProvider> datasets() {
            return List.of();
        }

        @Override
        public List<org.istanas.api.space.SearchSpace> spaces() {
            return new OpsPlugin().searchSpaces();
        }
    }
}
