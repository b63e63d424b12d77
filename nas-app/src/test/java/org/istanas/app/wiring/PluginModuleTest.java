package org.istanas.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.spi.NasPlugin;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.plugin.PluginRegistry;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.NetworkEngine;
import org.junit.jupiter.api.Test;

final class PluginModuleTest {
    record Solver(String name, String description) implements SparseSolver {
        @Override
        public Recovery solve(LassoProblem problem) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void catalogAndOneMapPerExtensionPointAreBound() {
        PluginRegistry registry = PluginRegistry.builder().add(new NasPlugin() {
            @Override
            public List<SparseSolver> solvers() {
                return List.of(new Solver("ista", "ISTA"), new Solver("fista", "FISTA"));
            }
        }, "test.jar").build();
        Injector injector = IstanasInjector.create(registry);

        PluginCatalog catalog = injector.getInstance(PluginCatalog.class);
        assertThat(catalog.solver("fista")).isSameAs(registry.solver("fista"));
        assertThat(catalog.solvers()).extracting(SparseSolver::name).containsExactly("fista", "ista");
        assertThatThrownBy(() -> catalog.solver("mosek")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown solver 'mosek'; known: [fista, ista]");
        Map<String, SparseSolver> solvers = injector.getInstance(Key.get(new TypeLiteral<Map<String, SparseSolver>>() {
        }));
        assertThat(solvers).containsOnlyKeys("ista", "fista");
        assertThat(solvers.get("fista")).isSameAs(registry.solver("fista"));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, DatasetProvider>>() {
        }))).isEmpty();
    }

    @Test
    void engineIsAnOptionalBinding() {
        Injector injector = IstanasInjector.create(PluginRegistry.empty());
        Optional<NetworkEngine> engine = injector.getInstance(Key.get(new TypeLiteral<Optional<NetworkEngine>>() {
        }));
        assertThat(engine).containsInstanceOf(Nd4jEngine.class);
        assertThat(injector.getInstance(NetworkEngine.class)).isSameAs(engine.orElseThrow());
    }
}
