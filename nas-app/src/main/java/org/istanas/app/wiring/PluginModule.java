package org.istanas.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import java.util.Objects;
import org.istanas.api.Named;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.plugin.PluginRegistry;

/**
 * Binds what the loaded plugins contribute (Druid-style): {@link PluginCatalog} and {@link PluginRegistry}, and a
 * {@code Map<String, X>} per extension point through {@link MapBinder}, so that code can inject
 * {@code Map<String, SparseSolver>} and pick an implementation by its configured name.
 */
public final class PluginModule extends AbstractModule {
    private final PluginRegistry registry;

    public PluginModule(PluginRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(PluginCatalog.class).toInstance(registry);
        bindAll(SearchStrategy.class, registry.strategies());
        bindAll(CandidateOperation.class, registry.operations());
        bindAll(SparseSolver.class, registry.solvers());
        bindAll(DatasetProvider.class, registry.datasets());
        bindAll(SearchSpace.class, registry.spaces());
    }

    private <T extends Named> void bindAll(Class<T> type, List<T> items) {
        MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), String.class, type);
        for (T item : items) {
            binder.addBinding(item.name()).toInstance(item);
        }
    }
}
