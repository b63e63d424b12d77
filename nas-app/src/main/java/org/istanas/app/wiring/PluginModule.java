package org.istanas.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.util.Objects;
import org.istanas.api.Named;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.plugin.Contribution;
import org.istanas.app.plugin.PluginKind;
import org.istanas.app.plugin.PluginModuleSource;
import org.istanas.app.plugin.PluginRegistry;

/**
 * Binds what the loaded plugins contribute (Druid-style): one {@code Map<String, X>} per extension point through
 * {@link MapBinder}, holding every listed contribution under its name; the Guice modules of
 * {@link org.istanas.plugin.guice.GuicePlugin}s, which may add to those maps; {@link PluginRegistry} (sources, for
 * listings); and {@link PluginCatalog}, the maps as the catalog that the embedding API and the commands look names up
 * in ({@link InjectedCatalog}). A name bound twice, by two listings or a listing and a module, fails when the
 * injector is created.
 */
public final class PluginModule extends AbstractModule {
    private final PluginRegistry registry;

    public PluginModule(PluginRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        for (PluginKind kind : PluginKind.values()) {
            bindAll(kind, kind.type());
        }
        for (PluginModuleSource module : registry.modules()) {
            binder().withSource(module.plugin() + " from " + module.source()).install(module.module());
        }
        // eager: a plugin module's binding that cannot be built, or is bound under a name not its own, fails at start
        bind(PluginCatalog.class).to(InjectedCatalog.class);
        bind(InjectedCatalog.class).asEagerSingleton();
    }

    private <T extends Named> void bindAll(PluginKind kind, Class<T> type) {
        MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), String.class, type);
        for (Contribution contribution : registry.contributions(kind)) {
            binder.addBinding(contribution.name()).toInstance(type.cast(contribution.item()));
        }
    }
}
