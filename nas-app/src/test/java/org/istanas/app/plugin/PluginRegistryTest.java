package org.istanas.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.istanas.api.Named;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.istanas.api.op.OpSpec;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.spi.NasPlugin;
import org.junit.jupiter.api.Test;

final class PluginRegistryTest {
    record Solver(String name, String description) implements SparseSolver {
        @Override
        public Recovery solve(LassoProblem problem) {
            throw new UnsupportedOperationException();
        }
    }

    record Operation(String name, String description) implements CandidateOperation {
        @Override
        public OpBlock build(OpBuilder builder, OpSpec spec) {
            return builder.identity();
        }
    }

    record Dataset(String name, String description) implements DatasetProvider {
        @Override
        public ImageDataset open(DatasetRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    static NasPlugin solvers(String... names) {
        return new NasPlugin() {
            @Override
            public List<SparseSolver> solvers() {
                return java.util.Arrays.stream(names).map(n -> (SparseSolver) new Solver(n, n + " solver")).toList();
            }
        };
    }

    static NasPlugin operations(String... names) {
        return new NasPlugin() {
            @Override
            public List<CandidateOperation> operations() {
                return java.util.Arrays.stream(names).map(n -> (CandidateOperation) new Operation(n, n + " op"))
                        .toList();
            }
        };
    }

    @Test
    void unknownNamesListTheKnownOnesSorted() {
        PluginRegistry registry = PluginRegistry.builder().add(solvers("lp", "fista"), "one.jar")
                .add(solvers("ista"), "two.jar").build();
        assertThatThrownBy(() -> registry.solver("mosek"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown solver 'mosek'; known: [fista, ista, lp]");
        assertThatThrownBy(() -> registry.strategy("darts"))
                .hasMessage("unknown strategy 'darts'; known: []");
        assertThatThrownBy(() -> registry.operation("conv_7x7"))
                .hasMessage("unknown operation 'conv_7x7'; known: []");
        assertThatThrownBy(() -> registry.dataset("imagenet"))
                .hasMessage("unknown dataset 'imagenet'; known: []");
    }

    @Test
    void listsAreSortedByNameExceptOperationsWhichKeepRegistrationOrder() {
        PluginRegistry registry = PluginRegistry.builder()
                .add(solvers("lp", "fista"), "one.jar")
                .add(operations("skip_connect", "avg_pool_3x3"), "ops.jar")
                .add(operations("max_pool_3x3"), "more-ops.jar")
                .build();
        assertThat(registry.solvers()).extracting(Named::name).containsExactly("fista", "lp");
        assertThat(registry.operations()).extracting(Named::name)
                .containsExactly("skip_connect", "avg_pool_3x3", "max_pool_3x3");
        assertThat(registry.source(PluginKind.OPERATION, "max_pool_3x3")).isEqualTo("more-ops.jar");
        assertThat(registry.solver("lp")).isEqualTo(new Solver("lp", "lp solver"));
    }

    @Test
    void sameNameInDifferentKindsIsAllowedButNotWithinAKind() {
        NasPlugin dataset = new NasPlugin() {
            @Override
            public List<DatasetProvider> datasets() {
                return List.of(new Dataset("lp", "a dataset named like a solver"));
            }
        };
        PluginRegistry registry = PluginRegistry.builder().add(solvers("lp"), "a.jar").add(dataset, "b.jar").build();
        assertThat(registry.dataset("lp").description()).isEqualTo("a dataset named like a solver");
        assertThatThrownBy(() -> PluginRegistry.builder().add(solvers("lp", "lp"), "c.jar"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessage("duplicate solver 'lp': registered by c.jar and by c.jar");
    }

    @Test
    void malformedContributionsAreRejected() {
        assertThatThrownBy(() -> PluginRegistry.builder().add(solvers("my solver"), "bad.jar"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("invalid name 'my solver'").hasMessageContaining("bad.jar");
        NasPlugin noDescription = new NasPlugin() {
            @Override
            public List<SparseSolver> solvers() {
                return List.of(new Solver("quiet", " "));
            }
        };
        assertThatThrownBy(() -> PluginRegistry.builder().add(noDescription, "quiet.jar"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageEndingWith("solver 'quiet' has no description");
        NasPlugin nullList = new NasPlugin() {
            @Override
            public List<SparseSolver> solvers() {
                return null;
            }
        };
        assertThatThrownBy(() -> PluginRegistry.builder().add(nullList, "null.jar"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("returned null instead of a list of solver contributions");
    }
}
