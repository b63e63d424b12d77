package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.data.DataPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class DataCommandTest {
    @TempDir
    Path dir;

    /** Only datasets, from the data plugin; the real catalog is built by the app's Guice module. */
    private static final class DatasetsOnly implements PluginCatalog {
        private final List<DatasetProvider> datasets = new DataPlugin().datasets();

        @Override
        public DatasetProvider dataset(String name) {
            return datasets.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("unknown dataset '" + name + "'; known: "
                            + datasets.stream().map(DatasetProvider::name).sorted().toList()));
        }

        @Override
        public List<DatasetProvider> datasets() {
            return datasets;
        }

        @Override
        public SearchStrategy strategy(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CandidateOperation operation(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SparseSolver solver(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SearchStrategy> strategies() {
            return List.of();
        }

        @Override
        public List<CandidateOperation> operations() {
            return List.of();
        }

        @Override
        public List<SparseSolver> solvers() {
            return List.of();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K instance = CommandLine.defaultFactory().create(cls);
                if (instance instanceof DataCommand.Inspect inspect) {
                    inspect.catalog = new DatasetsOnly();
                }
                return instance;
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DataCommand(), factory);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void inspectPrintsJsonAndWritesTheContactSheet() throws Exception {
        Path sheet = dir.resolve("sheet.png");
        Result result = run("inspect", "--dataset", "synthetic", "-o", "trainSize=200", "-o", "testSize=100",
                "--json", "--sheet", sheet.toString(), "--per-class", "3");
        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("train").get("count").asInt()).isEqualTo(200);
        assertThat(json.get("test").get("perClass").get(9).asInt()).isEqualTo(10);
        assertThat(json.get("train").get("mean")).hasSize(3);
        assertThat(Files.size(sheet)).isPositive();
        assertThat(result.err()).contains("contact sheet written");
    }

    @Test
    void unknownDatasetAndMissingDataDirAreReported() {
        // a bare picocli command line (no application handlers): exit 1; through Main they exit 2 (ExitCodesTest)
        Result unknown = run("inspect", "--dataset", "cifar100");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown dataset 'cifar100'");

        Result noDir = run("inspect", "--dataset", "cifar10");
        assertThat(noDir.code()).isEqualTo(1);
        assertThat(noDir.err()).contains("needs a data directory (--data-dir)");

        Result text = run("inspect", "--limit", "20");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("train", "20 images");
    }
}
