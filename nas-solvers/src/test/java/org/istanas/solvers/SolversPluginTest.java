package org.istanas.solvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.spi.NasPlugin;
import org.junit.jupiter.api.Test;

final class SolversPluginTest {
    @Test
    void serviceLoaderFindsThePluginWithTheFourSolvers() {
        List<NasPlugin> plugins = ServiceLoader.load(NasPlugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(plugins).hasAtLeastOneElementOfType(SolversPlugin.class);
        NasPlugin plugin = plugins.stream().filter(SolversPlugin.class::isInstance).findFirst().orElseThrow();
        assertThat(plugin.solvers()).extracting(SparseSolver::name).containsExactly("ista", "fista", "lp", "l0-mip");
        assertThat(plugin.solvers()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
        assertThat(plugin.operations()).isEmpty();
        assertThat(plugin.datasets()).isEmpty();
    }
}
