package org.istanas.plugin.guice;

import com.google.inject.Module;
import org.istanas.api.ExtensionPoint;
import org.istanas.api.spi.NasPlugin;

/**
 * A {@link NasPlugin} that also brings bindings into the application's injector. It is registered like any plugin
 * (one line in {@code META-INF/services/org.istanas.api.spi.NasPlugin}); the loader sees that it is a
 * {@code GuicePlugin} and installs {@link #guiceModule()} next to the application's own modules.
 *
 * <p>The module may contribute to the application's maps of named implementations, so that a contribution is built
 * by Guice with its dependencies injected:
 * <pre>{@code
 * public Module guiceModule() {
 *     return binder -> {
 *         ConfigBinder.bindConfig(binder, "mysolver", MySolverConfig.class);   // from istanas.mysolver.*
 *         MapBinder.newMapBinder(binder, String.class, SparseSolver.class)
 *                 .addBinding("my-solver").to(MySolver.class);                  // @Inject MySolver(MySolverConfig)
 *     };
 * }
 * }</pre>
 * Names given this way share the name space of the list methods of {@link NasPlugin}: a name used twice fails at
 * start-up. This interface lives outside {@code nas-api} so that plugins which do not use Guice never see it
 * (docs/architecture.md, "Wiring").
 */
@ExtensionPoint
public interface GuicePlugin extends NasPlugin {
    /** The bindings this plugin adds to the application's injector; called once, when the plugin is loaded. */
    Module guiceModule();
}
